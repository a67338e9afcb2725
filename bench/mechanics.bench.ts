// Mechanics solver benchmark: matrix-free Jacobi-PCG on box domains (n×n×2n cubes of 1 mm, roller support,
// axial load) from ~10k to ~1M DOF. Per backend (js = plain typed-array float64 reference, gpu.js cpu and
// webasm), the time per PCG iteration (a fixed number of iterations) against the js row of the same size;
// full solves (to 1e-6) on the js path for iterations and total time; power-law fits time ∝ DOF^p. Units: ms.
import { createCompute } from '../src/solvers/compute';
import { axialLoadCase, boxDomain, solveElastic } from '../src/solvers/mechanics';
import type { BenchRow, BenchSection } from './lib';

function fit(xs: number[], ys: number[]): number {
  const lx = xs.map(Math.log),
    ly = ys.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0,
    den = 0;
  for (let i = 0; i < lx.length; i++) {
    num += (lx[i]! - mx) * (ly[i]! - my);
    den += (lx[i]! - mx) ** 2;
  }
  return num / den;
}

export default async function (): Promise<BenchSection[]> {
  const sizes = (process.env.MECH_BENCH_SIZES ?? '12,24,36,54').split(',').map(Number);
  const backends = ['js', 'cpu', 'webasm'] as const;
  const perIt: BenchRow[] = [];
  const series: Record<string, { dof: number[]; ms: number[] }> = {};
  for (const n of sizes) {
    const c = axialLoadCase(boxDomain(n, n, 2 * n, 1, { E: 1000, nu: 0.3 }), 1000, 'roller');
    const dof = 3 * c.mesh.nNodes;
    const iters = dof > 500_000 ? 4 : 10;
    for (const be of backends) {
      const compute = await createCompute(be);
      try {
        await solveElastic(c, { compute, maxIter: 1, preconditioner: 'jacobi' }); // warm-up: kernel compilation
        global.gc?.();
        const s = await solveElastic(c, { compute, maxIter: iters, tol: 1e-30, preconditioner: 'jacobi' });
        const ms = s.stats.wallMs / s.stats.iterations;
        (series[be] ??= { dof: [], ms: [] }).dof.push(dof);
        series[be].ms.push(ms);
        perIt.push({ name: `${be} n=${n}`, ms, dof, iterations: s.stats.iterations, baseline: `js n=${n}` });
        console.log(`  ${be} n=${n} dof=${dof}: ${ms.toFixed(1)} ms/iteration`);
      } finally {
        compute.destroy();
      }
    }
  }
  const full: BenchRow[] = [];
  const fullDof: number[] = [];
  const fullMs: number[] = [];
  const mgRows: BenchRow[] = [];
  const mgDof: number[] = [];
  const mgMs: number[] = [];
  for (const n of sizes.filter((s) => s <= Number(process.env.MECH_BENCH_FULL_MAX ?? 36))) {
    const c = axialLoadCase(boxDomain(n, n, 2 * n, 1, { E: 1000, nu: 0.3 }), 1000, 'roller');
    const dof = 3 * c.mesh.nNodes;
    for (const pc of ['jacobi', 'multigrid'] as const) {
      if (pc === 'jacobi' && n > Number(process.env.MECH_BENCH_JACOBI_MAX ?? 36)) continue;
      const s = await solveElastic(c, { backend: 'js', tol: 1e-6, preconditioner: pc });
      const row = {
        name: `js ${pc} full solve n=${n}`,
        ms: s.stats.wallMs,
        dof,
        iterations: s.stats.iterations,
        relativeResidual: s.stats.relativeResidual,
        msPerIteration: s.stats.wallMs / s.stats.iterations,
        baseline: `js jacobi full solve n=${n}`,
      };
      if (pc === 'jacobi') {
        fullDof.push(dof);
        fullMs.push(s.stats.wallMs);
        full.push({ ...row, name: `js full solve n=${n}`, baseline: `js full solve n=${sizes[0]}` });
      } else {
        mgDof.push(dof);
        mgMs.push(s.stats.wallMs);
      }
      mgRows.push(row);
      console.log(`  ${pc} full n=${n}: ${s.stats.iterations} its, ${s.stats.wallMs.toFixed(0)} ms`);
    }
  }
  // Iterations to 1e-6 grow linearly with n for Jacobi-PCG (measured on the full solves): estimate the total
  // solve time of every per-iteration row from a least-squares its ≈ k·n fit (marked as an estimate).
  const fullN = sizes.filter((s) => s <= Number(process.env.MECH_BENCH_FULL_MAX ?? 36));
  const k =
    fullN.reduce((a, n, i) => a + n * (full[i]!.iterations as number), 0) /
    fullN.reduce((a, n) => a + n * n, 0);
  for (const r of perIt) {
    const n = Number(String(r.name).split('n=')[1]);
    const measured = full.find((f) => f.name === `js full solve n=${n}`);
    r.itersTo1e6 = measured ? (measured.iterations as number) : Math.round(k * n);
    r.itersSource = measured ? 'measured' : 'estimated (linear in n)';
    r.estTotalS = ((r.itersTo1e6 as number) * r.ms) / 1000;
  }
  const notes = Object.entries(series).map(
    ([be, s]) =>
      `${be}: time per iteration ∝ DOF^${fit(s.dof, s.ms).toFixed(2)} over ${s.dof[0]}–${s.dof[s.dof.length - 1]} DOF`,
  );
  if (fullDof.length > 1)
    notes.push(
      `js full solve: total time ∝ DOF^${fit(fullDof, fullMs).toFixed(2)} (iterations grow ~ n with Jacobi-PCG)`,
    );
  notes.push(
    'ratio = backend ms/iteration ÷ js ms/iteration at the same size (js = float64 element-scatter loops; gpu.js = float32 node-gather kernels)',
  );
  return [
    { title: 'mechanics: PCG time per iteration by backend (box n×n×2n, 1 mm hexes)', rows: perIt, notes },
    { title: 'mechanics: full PCG solves to 1e-6 (js): Jacobi vs geometric multigrid V-cycle', rows: mgRows },
  ];
}
