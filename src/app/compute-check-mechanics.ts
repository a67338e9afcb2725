// Browser compute-check page, mechanics part: runs the mechanics kernel parity cases of
// src/solvers/mechanics/parity.ts (matvec one/two-part, Jacobi, whole PCG solve) on one gpu.js backend with
// its own Compute, and returns each case's max relative error (unitless) with its named tolerance and the
// backend its kernel really ran on. Each case reports its own error so one failure does not hide the others.
// Frame: local grid axes of the small test box (mm, N).
import { createCompute, type BackendName } from '../solvers/compute';
import { mechanicsKernelParityCases } from '../solvers/mechanics';

export interface MechanicsCaseResult {
  name: string;
  tol: number;
  /** Max |got − ref| / max |ref| (unitless); NaN if the case threw. */
  relErr: number;
  /** Backend the case's kernel ran on, when the case reports it. */
  ran?: string;
  error?: string;
}

export async function mechanicsParity(backend: BackendName): Promise<MechanicsCaseResult[]> {
  const out: MechanicsCaseResult[] = [];
  const c = await createCompute(backend);
  try {
    for (const pc of mechanicsKernelParityCases()) {
      const r: MechanicsCaseResult = { name: pc.name, tol: pc.tol, relErr: NaN };
      try {
        r.relErr = await pc.run(c, (b) => (r.ran = b));
      } catch (e) {
        r.error = (e as Error).message;
      }
      out.push(r);
    }
  } finally {
    c.destroy();
  }
  return out;
}
