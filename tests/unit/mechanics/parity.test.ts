// Backend parity of the mechanics gpu.js kernels (matvec, Jacobi, whole PCG) against the plain-TS references,
// on every gpu.js backend that runs in Node here (cpu, webasm). Tolerances are named in src/solvers/mechanics/parity.ts.
import { afterAll, describe, expect, it } from 'vitest';
import { createCompute, type Compute } from '../../../src/solvers/compute';
import { mechanicsKernelParityCases } from '../../../src/solvers/mechanics';

const computes: Compute[] = [];
afterAll(() => computes.forEach((c) => c.destroy()));

describe.each(['cpu', 'webasm'] as const)('mechanics kernels on %s', (backend) => {
  for (const c of mechanicsKernelParityCases()) {
    it(`${c.name} matches the reference`, async () => {
      const compute = await createCompute(backend);
      computes.push(compute);
      let ran = backend as string;
      const err = await c.run(compute, (b) => (ran = b));
      expect(ran).toBe(backend); // gpu.js did not silently fall back to another backend
      expect(Number.isFinite(err)).toBe(true);
      expect(err).toBeLessThan(c.tol);
    });
  }
});
