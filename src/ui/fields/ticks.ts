// Legend ticks and display ranges for scalar bars: "nice numbers" (1-2-5 × 10^k) tick steps, tick labels with
// just enough decimals, and robust ranges (percentiles) over field values. Pure functions, unit-tested in Node.
// Units: whatever the field carries (mV, ms, kPa, MPa, mm); NaN and the no-data sentinel are skipped.

/** Values at or below this are "no data" (vertices outside the simulated domain). */
export const NO_DATA = -1e29;

/** The 1-2-5 × 10^k step nearest to rough (Heckbert's rounding: < 1.5 → 1, < 3 → 2, < 7 → 5, else 10). */
export function niceStep(rough: number): number {
  if (!(rough > 0) || !Number.isFinite(rough)) return 1;
  const p = 10 ** Math.floor(Math.log10(rough));
  const m = rough / p;
  const n = m < 1.5 ? 1 : m < 3 ? 2 : m < 7 ? 5 : 10;
  return n * p;
}

/** Ticks covering [min, max] with about `target` intervals; every tick is a multiple of a 1-2-5 step. */
export function niceTicks(min: number, max: number, target = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max < min) [min, max] = [max, min];
  if (max === min) return [min];
  const step = niceStep((max - min) / Math.max(1, target));
  const eps = step * 1e-9;
  const first = Math.ceil((min - eps) / step);
  const last = Math.floor((max + eps) / step);
  const out: number[] = [];
  for (let k = first; k <= last; k++) out.push(Object.is(k * step, -0) ? 0 : roundTo(k * step, step));
  return out;
}

function roundTo(v: number, step: number): number {
  const d = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(v.toFixed(Math.min(d, 12)));
}

/** Formats a tick with the decimals its step needs (no "0.30000000000000004"). */
export function formatTick(v: number, step: number): string {
  const d = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return v.toFixed(Math.min(d, 10));
}

/** [p-th, (100−p)-th] percentile of finite values (sampled when large). Returns undefined when no data. */
export function robustRange(values: ArrayLike<number>, p = 1, maxSamples = 20000): [number, number] | undefined {
  const n = values.length;
  const stride = Math.max(1, Math.floor(n / maxSamples));
  const keep: number[] = [];
  for (let i = 0; i < n; i += stride) {
    const v = values[i]!;
    if (Number.isFinite(v) && v > NO_DATA) keep.push(v);
  }
  if (keep.length === 0) return undefined;
  keep.sort((a, b) => a - b);
  const at = (q: number) => keep[Math.min(keep.length - 1, Math.max(0, Math.round((q / 100) * (keep.length - 1))))]!;
  return [at(p), at(100 - p)];
}

/** Exact [min, max] of finite values, undefined when no data. */
export function fullRange(values: ArrayLike<number>): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v) || v <= NO_DATA) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : undefined;
}
