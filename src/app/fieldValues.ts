// Reading surface field values outside the frame loop (hover read-out, probe list, exports): the frame shown at
// a time, the value at a vertex or at a barycentric point of a triangle (no-data vertices skipped, weights
// renormalised), and a display format. Units: the field's own (mV, ms, MPa, kPa, mm); times ms. No allocation.
import { frameAt, type FieldSeries } from './fieldStore';

/** Values at or below this are the solvers' "no data" sentinel (−1e30, vertices outside the simulated domain). */
export const NO_DATA_BELOW = -1e29;

export function isData(v: number | undefined): v is number {
  return v !== undefined && Number.isFinite(v) && v > NO_DATA_BELOW;
}

/** Index of the frame shown at time t (ms): the last frame at or before t; 0 for static fields. */
export function frameIndexAt(s: FieldSeries, tMs: number): number {
  if (s.frames.length === 0) return -1;
  const f = s.times.length > 1 ? frameAt(s.times, tMs) : 0;
  return Math.min(f, s.frames.length - 1);
}

/** Time (ms) of a frame of a time-varying field; undefined for static fields. */
export function frameTimeMs(s: FieldSeries, frame: number): number | undefined {
  return s.times.length > 1 ? s.times[frame] : undefined;
}

/** Value at a vertex in the frame shown at time t, NaN when there is no data. */
export function valueAtVertex(s: FieldSeries, vertex: number, tMs: number): number {
  const f = frameIndexAt(s, tMs);
  const v = f >= 0 ? s.frames[f]![vertex] : undefined;
  return isData(v) ? v : NaN;
}

/** Barycentric interpolation of one frame over a triangle; vertices without data are left out. NaN if none. */
export function valueAtFace(
  frame: Float32Array,
  face: readonly [number, number, number],
  bary: readonly [number, number, number],
): number {
  let s = 0;
  let w = 0;
  for (let k = 0; k < 3; k++) {
    const v = frame[face[k]!];
    if (!isData(v)) continue;
    const b = Math.max(0, bary[k]!);
    s += b * v;
    w += b;
  }
  if (w > 0) return s / w;
  // the hit sits exactly on a vertex whose neighbours have no data: take any vertex that has some
  for (let k = 0; k < 3; k++) {
    const v = frame[face[k]!];
    if (isData(v)) return v;
  }
  return NaN;
}

/** 3–4 significant digits, plain decimals for everyday magnitudes, never "-0". */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  let s: string;
  if (a >= 1e5 || (a > 0 && a < 1e-3)) s = v.toExponential(2);
  else if (a >= 100) s = v.toFixed(0);
  else if (a >= 10) s = v.toFixed(1);
  else if (a >= 1) s = v.toFixed(2);
  else s = v.toPrecision(3);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

export function formatWithUnits(v: number, units: string): string {
  return Number.isFinite(v) ? `${formatValue(v)}${units ? ` ${units}` : ''}` : 'no data';
}
