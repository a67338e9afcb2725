// EP benchmark: cell updates per second (diffusion + reaction) for all four models on js, gpu.js cpu and webasm
// at 64³ and on js and webasm at 128³ (ep-cells.ts), against a plain typed-array 7-point Aliev-Panfilov loop in
// the same run; the machine's memory bandwidth (STREAM-like Float32Array copy/triad) and the fraction of that
// roofline every row reaches; simulated ms per wall second on the phantom heart (myocardium, rule-based fibres) at 1.0
// and 0.5 mm. Units: cells/s, GB/s, ms.
import type { BenchRow, BenchSection } from './lib';
import { createCompute } from '../src/solvers/compute';
import { runEp, epDomainFromLabels, cubeAt, cellWorld } from '../src/solvers/ep';
import { cellRateRows, type Backend } from './ep-cells';

function bandwidth(): { copyGBs: number; triadGBs: number; copyMs: number } {
  const n = 1 << 24;
  const a = new Float32Array(n).fill(1);
  const b = new Float32Array(n).fill(2);
  const c = new Float32Array(n);
  const best = (fn: () => void) => {
    let m = Infinity;
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      fn();
      m = Math.min(m, performance.now() - t0);
    }
    return m;
  };
  const copyMs = best(() => {
    for (let i = 0; i < n; i++) c[i] = a[i]!;
  });
  const triadMs = best(() => {
    for (let i = 0; i < n; i++) c[i] = a[i]! + 0.5 * b[i]!;
  });
  return { copyGBs: (8 * n) / copyMs / 1e6, triadGBs: (12 * n) / triadMs / 1e6, copyMs };
}

function plainApLoop(N: number, steps: number): number {
  const n = N * N * N;
  let u = new Float32Array(n).fill(0);
  let un = new Float32Array(n);
  const v = new Float32Array(n);
  for (let i = 0; i < N * N * 4; i++) u[i] = 1;
  const D = 0.0953 / (0.5 * 0.5);
  const dt = 0.05;
  const t0 = performance.now();
  for (let s = 0; s < steps; s++) {
    for (let k = 0; k < N; k++)
      for (let j = 0; j < N; j++)
        for (let i = 0; i < N; i++) {
          const g = i + N * (j + N * k);
          const c = u[g]!;
          const lap =
            (i > 0 ? u[g - 1]! : c) +
            (i < N - 1 ? u[g + 1]! : c) +
            (j > 0 ? u[g - N]! : c) +
            (j < N - 1 ? u[g + N]! : c) +
            (k > 0 ? u[g - N * N]! : c) +
            (k < N - 1 ? u[g + N * N]! : c) -
            6 * c;
          un[g] = c + dt * (D * lap - (8 / 12.9) * c * (c - 0.15) * (c - 1) - c * v[g]!);
        }
    [u, un] = [un, u];
  }
  return (performance.now() - t0) / steps;
}

export default async function (): Promise<BenchSection[]> {
  const sections: BenchSection[] = [];
  const bw = bandwidth();
  sections.push({
    title: 'Memory bandwidth (STREAM-like, 64 MB Float32Array, single thread)',
    rows: [
      { name: 'copy', ms: bw.copyMs, GBs: bw.copyGBs },
      { name: 'triad', ms: (12 * (1 << 24)) / bw.triadGBs / 1e6, GBs: bw.triadGBs, baseline: 'copy' },
    ],
  });
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const all: Backend[] = ['js', 'cpu', 'webasm'];
  for (const N of [64, 128]) {
    const base = `plain 7-pt AP loop ${N}³`;
    const plainMs = plainApLoop(N, N === 64 ? 10 : 3);
    rows.push({
      name: base,
      ms: plainMs,
      cellsPerS: (N * N * N) / (plainMs / 1e3),
      bytesPerCell: 12,
      rooflineFrac: (12 * N * N * N) / (plainMs / 1e3) / 1e9 / bw.triadGBs,
    });
    // Steps per timing sized to the cost (TNNP ≈ 10× MS per cell), and gpu.js cpu only at 64³ (it is the
    // slowest path; at 128³ a TNNP step on it alone takes tens of seconds).
    const plan =
      N === 64
        ? [
            { model: 'ms', backends: all, steps: 5 },
            { model: 'ap', backends: all, steps: 5 },
            { model: 'fk', backends: all, steps: 4 },
            { model: 'tnnp', backends: all, steps: 2 },
          ]
        : [
            { model: 'ms', backends: ['js', 'webasm'] as Backend[], steps: 2 },
            { model: 'ap', backends: ['js', 'webasm'] as Backend[], steps: 2 },
            { model: 'fk', backends: ['js', 'webasm'] as Backend[], steps: 2 },
            { model: 'tnnp', backends: ['js', 'webasm'] as Backend[], steps: 1 },
          ];
    const r = await cellRateRows(N, plan, base, bw.triadGBs);
    rows.push(...r.rows);
    notes.push(...r.notes);
  }
  notes.push(
    'ms = wall time per step over the whole box (all cells tissue); ratio < 1 = faster than the plain loop.',
  );
  notes.push(
    'rooflineFrac = (minimum bytes per cell update × cells/s) / triad bandwidth, every row (bytes: bench/ep-cells.ts; the plain loop: 4 B u read + 4 B written + 4 B v read).',
  );
  sections.push({ title: 'EP cell updates per second (full box, dx 0.5 mm, dt 0.05 ms)', rows, notes });

  const heart: BenchRow[] = [];
  const hnotes: string[] = [];
  try {
    const { generatePhantom, PHANTOM_LABELS } = await import('../src/volume/phantom');
    const v = (n: string) => PHANTOM_LABELS.find((l) => l.name === n)!.value;
    const { labels } = generatePhantom({ voxelMm: 1 });
    for (const dx of [1.0, 0.5]) {
      const grid = epDomainFromLabels(labels, [v('heart_myocardium')], dx, {
        cavityValues: [v('lv_blood'), v('rv_blood')],
      });
      const js = await createCompute('js');
      const sim = 20;
      const r = await runEp(
        {
          grid,
          model: 'ms',
          dtMs: 0.05,
          durationMs: sim,
          stimuli: [{ region: cubeAt(cellWorld(grid, 0), 4), startMs: 0, durationMs: 2 }],
        },
        js,
      );
      heart.push({
        name: `phantom heart ms dx ${dx}`,
        ms: r.wallMs,
        cells: grid.n,
        simMsPerWallS: sim / (r.wallMs / 1e3),
        boxFill: grid.n / grid.index.length,
      });
    }
  } catch (e) {
    hnotes.push(`phantom heart: ${(e as Error).message}`);
  }
  sections.push({
    title: 'Phantom heart (MS model, js backend, 20 ms simulated)',
    rows: heart,
    notes: hnotes,
  });
  return sections;
}
