// Benchmark helpers: wall-clock timing (ms), peak RSS / heap sampling (MB), and a results collector.
// Every figure is reported next to a baseline measured in the same process, as a ratio, because
// machines here are noisy; absolute times are kept for context only.

export interface BenchRow {
  name: string;
  ms: number;
  /** Name of the baseline row this one is compared against. */
  baseline?: string;
  ratio?: number;
  [extra: string]: unknown;
}

export interface BenchSection {
  title: string;
  rows: BenchRow[];
  notes?: string[];
}

/** Median wall time in ms of `reps` runs of fn (after one warm-up unless warmup=false). */
export async function timeMs(fn: () => unknown, reps = 3, warmup = true): Promise<number> {
  if (warmup) await fn();
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Runs fn while sampling RSS every 5 ms; returns fn's result and the peak RSS growth in MB. */
export async function peakRssMb<T>(fn: () => Promise<T> | T): Promise<{ result: T; peakMb: number; baseMb: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMb: (peak - base) / 2 ** 20, baseMb: base / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/** Fills in ratio = ms / baseline.ms for rows naming a baseline in the same section. */
export function withRatios(rows: BenchRow[]): BenchRow[] {
  const byName = new Map(rows.map((r) => [r.name, r]));
  return rows.map((r) => {
    const b = r.baseline ? byName.get(r.baseline) : undefined;
    return b ? { ...r, ratio: r.ms / b.ms } : r;
  });
}

export function printSection(s: BenchSection): void {
  console.log(`\n## ${s.title}`);
  const cols = new Set<string>();
  for (const r of s.rows) for (const k of Object.keys(r)) cols.add(k);
  const keys = [...cols];
  console.log(`| ${keys.join(' | ')} |`);
  console.log(`|${keys.map(() => '---').join('|')}|`);
  for (const r of s.rows) {
    console.log(`| ${keys.map((k) => fmt(r[k])).join(' | ')} |`);
  }
  for (const n of s.notes ?? []) console.log(`- ${n}`);
}

function fmt(v: unknown): string {
  if (typeof v === 'number') return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3);
  return v === undefined ? '' : String(v);
}
