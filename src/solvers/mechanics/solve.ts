// Solves K u = f for an ElasticProblem with PCG on the chosen backend: 'js' (float64 typed-array loops,
// element-scatter matvec, geometric-multigrid V-cycle preconditioner above 4000 elements, else Jacobi) or a gpu.js backend through the compute layer (float32 node-gather kernels). Reports
// iterations, the relative residual (for gpu.js backends re-checked in float64 with the reference operator),
// the backend that ran and the wall time. Units: u mm, f N. Frame: local grid axes.
import { createCompute, type BackendPreference, type Compute } from '../compute';
import { createGpuOps } from './gpu-ops';
import { buildMultigrid } from './multigrid';
import { diagonalRef, matvecRef, stiffnessParts } from './operator';
import { pcgAsync, pcgRef, type PcgOptions } from './pcg';
import type { ElasticProblem, SolveStats } from './types';

/** Below this many elements the V-cycle setup costs more than the Jacobi iterations it saves (measured). */
const MG_MIN_ELEMS = 4000;
/** Float64 refinement rounds after the float32 PCG on gpu.js backends. */
const MAX_REFINEMENTS = 4;
/** A float32 backend counts as converged within 10× tol if refinement stalls (float32 matvec round-off). */
const FLOAT32_SLACK = 10;

export interface SolveOptions extends PcgOptions {
  /** Backend preference (default 'auto' = real GPU if any, else 'js'). Ignored when `compute` is given. */
  backend?: BackendPreference;
  /** An existing compute context (not destroyed here). */
  compute?: Compute;
  /** 'js' backend preconditioner: 'multigrid' (geometric V-cycle, default) or 'jacobi'. gpu.js backends: Jacobi. */
  preconditioner?: 'multigrid' | 'jacobi';
}

export interface ElasticSolution {
  /** Displacements (mm), 3 per node, local grid frame. */
  u: Float64Array;
  stats: SolveStats;
}

/** True relative residual ‖f − P K P u‖ / ‖f‖ in float64. */
export function trueRelativeResidual(problem: ElasticProblem, u: ArrayLike<number>): number {
  const parts = stiffnessParts(problem.domain);
  const y = matvecRef(problem.mesh, parts, problem.fixed, u, new Float64Array(u.length));
  let rr = 0;
  let bb = 0;
  for (let i = 0; i < y.length; i++) {
    const b = problem.fixed[i] ? 0 : problem.force[i]!;
    rr += (b - y[i]!) ** 2;
    bb += b * b;
  }
  return bb > 0 ? Math.sqrt(rr / bb) : 0;
}

export async function solveElastic(
  problem: ElasticProblem,
  opts: SolveOptions = {},
): Promise<ElasticSolution> {
  const { mesh, fixed } = problem;
  const n = 3 * mesh.nNodes;
  if (problem.force.length !== n || fixed.length !== n)
    throw new Error(`mechanics: force/fixed arrays must have 3 × ${mesh.nNodes} entries`);
  const b = Float64Array.from(problem.force, (v, i) => (fixed[i] ? 0 : v));
  for (let i = 0; i < n; i++)
    if (!Number.isFinite(b[i]!)) throw new Error(`mechanics: non-finite nodal force at DOF ${i}`);
  const parts = stiffnessParts(problem.domain);
  const diag = diagonalRef(mesh, parts, fixed);
  const inv = Float64Array.from(diag, (d, i) => (fixed[i] ? 0 : 1 / d));
  const compute = opts.compute ?? (await createCompute(opts.backend ?? 'auto'));
  const t0 = performance.now(); // solve time: kernel build + PCG (+ float64 residual check), not the backend probe
  try {
    const backend = compute.info.backend;
    if (!compute.gpu) {
      const y = new Float64Array(n);
      const useMg = (opts.preconditioner ?? 'multigrid') === 'multigrid' && mesh.nElems > MG_MIN_ELEMS;
      const pre = useMg ? buildMultigrid(problem.domain, mesh, fixed).apply : inv;
      const r = pcgRef((x, out) => matvecRef(mesh, parts, fixed, x, out), pre, b, opts);
      y.set(r.u);
      return { u: y, stats: { ...stats(r), backend, wallMs: performance.now() - t0 } };
    }
    const ops = createGpuOps(compute, mesh, parts, fixed, inv);
    try {
      // float32 PCG, then iterative refinement in float64: the float32 recursion reaches ~1e-5 true residual;
      // each round solves K δ = f − K u (float64 residual) to the remaining relative target and adds δ.
      const r = await pcgAsync(ops, Float32Array.from(b), opts);
      const u = Float64Array.from(r.u);
      const s = stats(r);
      const bn = norm(b);
      const tol = opts.tol ?? 1e-6;
      const ky = new Float64Array(n);
      for (let round = 0; ; round++) {
        matvecRef(mesh, parts, fixed, u, ky);
        const res = Float64Array.from(b, (v, i) => v - ky[i]!);
        const rn = norm(res);
        s.relativeResidual = bn > 0 ? rn / bn : 0;
        if (s.relativeResidual <= tol || round >= MAX_REFINEMENTS || !r.converged) break;
        const sub = await pcgAsync(ops, Float32Array.from(res), {
          ...opts,
          tol: Math.min(0.5, (tol * bn) / rn),
        });
        s.iterations += sub.iterations;
        for (let i = 0; i < n; i++) u[i]! += sub.u[i]!;
      }
      s.converged = r.converged && s.relativeResidual <= tol * FLOAT32_SLACK;
      if (!s.converged && !s.message)
        s.message = `solver stalled at relative residual ${s.relativeResidual.toExponential(2)} (float32 backend; tol ${tol}); use --backend js or a looser --tol`;
      return { u, stats: { ...s, backend, wallMs: performance.now() - t0 } };
    } finally {
      ops.destroy();
    }
  } finally {
    if (!opts.compute) compute.destroy();
  }
}

function stats(r: { iterations: number; relativeResidual: number; converged: boolean; message?: string }) {
  const s: Omit<SolveStats, 'backend' | 'wallMs'> = {
    iterations: r.iterations,
    relativeResidual: r.relativeResidual,
    converged: r.converged,
  };
  if (r.message) s.message = r.message;
  return s;
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  return Math.sqrt(s);
}
