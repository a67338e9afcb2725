// Jacobi-preconditioned conjugate gradients, matrix-free. Two drivers over the same algorithm: pcgRef (float64
// typed-array loops, the 'js' backend) and pcgAsync (any backend through an async PcgOps, e.g. gpu.js kernels).
// Units: u in mm, b in N. Frame: local grid axes. Stops when ‖r‖/‖b‖ ≤ tol or at maxIter (converged = false).

export interface PcgOptions {
  /** Relative residual target ‖b − Ku‖/‖b‖. Default 1e-6. */
  tol?: number;
  /** Iteration cap. Default 20 000. */
  maxIter?: number;
  /** Called every `progressEvery` iterations with (iteration, relative residual). */
  onProgress?: (it: number, rel: number) => void;
  progressEvery?: number;
  /** Aborts the solve (checked every iteration); the promise/return then throws an AbortError-like Error. */
  signal?: AbortSignal;
}

function checkAbort(signal: AbortSignal | undefined, it: number): void {
  if (signal?.aborted) {
    const e = new Error(`solve cancelled after ${it} iterations`);
    e.name = 'AbortError';
    throw e;
  }
}

export interface PcgResult<V> {
  u: V;
  iterations: number;
  relativeResidual: number;
  converged: boolean;
  message?: string;
}

function notConverged(it: number, rel: number, tol: number): string {
  return `solver did not converge: relative residual ${rel.toExponential(2)} > tol ${tol.toExponential(1)} after ${it} iterations (check that the supports remove all rigid-body motion, or raise --max-iter)`;
}

function breakdown(pq: number): string {
  return `solver breakdown: pᵀKp = ${pq} (operator not positive definite: unconstrained rigid-body motion?)`;
}

/**
 * PCG in float64: apply(x, y) must write y = P K P x; precond is the Jacobi inverse diagonal or a symmetric
 * preconditioner callback writing z ≈ K⁻¹ r (e.g. the multigrid V-cycle).
 */
export function pcgRef(
  apply: (x: Float64Array, y: Float64Array) => void,
  precond: Float64Array | ((r: Float64Array, z: Float64Array) => void),
  b: Float64Array,
  opts: PcgOptions = {},
): PcgResult<Float64Array> {
  const tol = opts.tol ?? 1e-6;
  const maxIter = opts.maxIter ?? 20000;
  const n = b.length;
  const x = new Float64Array(n);
  const r = Float64Array.from(b);
  const z = new Float64Array(n);
  const p = new Float64Array(n);
  const q = new Float64Array(n);
  let bb = 0;
  for (let i = 0; i < n; i++) bb += b[i]! * b[i]!;
  const bn = Math.sqrt(bb);
  if (bn === 0) return { u: x, iterations: 0, relativeResidual: 0, converged: true };
  const M =
    typeof precond === 'function'
      ? precond
      : (rv: Float64Array, zv: Float64Array) => {
          for (let i = 0; i < n; i++) zv[i] = precond[i]! * rv[i]!;
        };
  M(r, z);
  let rz = 0;
  for (let i = 0; i < n; i++) {
    p[i] = z[i]!;
    rz += r[i]! * z[i]!;
  }
  let rel = 1;
  let it = 0;
  while (it < maxIter) {
    checkAbort(opts.signal, it);
    apply(p, q);
    let pq = 0;
    for (let i = 0; i < n; i++) pq += p[i]! * q[i]!;
    if (!(pq > 0))
      return { u: x, iterations: it, relativeResidual: rel, converged: false, message: breakdown(pq) };
    const alpha = rz / pq;
    let rr = 0;
    for (let i = 0; i < n; i++) {
      x[i]! += alpha * p[i]!;
      r[i]! -= alpha * q[i]!;
      rr += r[i]! * r[i]!;
    }
    it++;
    rel = Math.sqrt(rr) / bn;
    if (opts.onProgress && it % (opts.progressEvery ?? 100) === 0) opts.onProgress(it, rel);
    if (rel <= tol) return { u: x, iterations: it, relativeResidual: rel, converged: true };
    M(r, z);
    let rzNew = 0;
    for (let i = 0; i < n; i++) rzNew += r[i]! * z[i]!;
    const beta = rzNew / rz;
    rz = rzNew;
    for (let i = 0; i < n; i++) p[i] = z[i]! + beta * p[i]!;
  }
  return {
    u: x,
    iterations: it,
    relativeResidual: rel,
    converged: false,
    message: notConverged(it, rel, tol),
  };
}

/** Backend operations on float32 vectors of length n (results are new arrays). */
export interface PcgOps {
  matvec(x: Float32Array): Promise<Float32Array>;
  /** z = r ⊙ invDiag. */
  precond(r: Float32Array): Promise<Float32Array>;
  /** a·x + y. */
  axpy(a: number, x: Float32Array, y: Float32Array): Promise<Float32Array>;
  dot(x: Float32Array, y: Float32Array): Promise<number>;
}

/** The same PCG with every vector operation on the backend (float32 vectors, float64 scalars on the host). */
export async function pcgAsync(
  ops: PcgOps,
  b: Float32Array,
  opts: PcgOptions = {},
): Promise<PcgResult<Float32Array>> {
  const tol = opts.tol ?? 1e-6;
  const maxIter = opts.maxIter ?? 20000;
  let x: Float32Array = new Float32Array(b.length);
  let r: Float32Array = Float32Array.from(b);
  const bn = Math.sqrt(await ops.dot(b, b));
  if (bn === 0) return { u: x, iterations: 0, relativeResidual: 0, converged: true };
  let z = await ops.precond(r);
  let p = z;
  let rz = await ops.dot(r, z);
  let rel = 1;
  let it = 0;
  while (it < maxIter) {
    checkAbort(opts.signal, it);
    const q = await ops.matvec(p);
    const pq = await ops.dot(p, q);
    if (!(pq > 0))
      return { u: x, iterations: it, relativeResidual: rel, converged: false, message: breakdown(pq) };
    const alpha = rz / pq;
    x = await ops.axpy(alpha, p, x);
    r = await ops.axpy(-alpha, q, r);
    it++;
    rel = Math.sqrt(await ops.dot(r, r)) / bn;
    if (opts.onProgress && it % (opts.progressEvery ?? 100) === 0) opts.onProgress(it, rel);
    if (rel <= tol) return { u: x, iterations: it, relativeResidual: rel, converged: true };
    z = await ops.precond(r);
    const rzNew = await ops.dot(r, z);
    const beta = rzNew / rz;
    rz = rzNew;
    p = await ops.axpy(beta, p, z);
  }
  return {
    u: x,
    iterations: it,
    relativeResidual: rel,
    converged: false,
    message: notConverged(it, rel, tol),
  };
}
