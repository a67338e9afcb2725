// Parity of the generic vector kernels (axpy, scale, dot) on every Node backend (cpu, webasm) against the
// plain-TS reference ('js'), plus backend selection. Unitless.
import { describe, expect, it } from 'vitest';
import {
  axpyRef,
  createCompute,
  createVectorOps,
  dotRef,
  kernelBackend,
  probeBackends,
  scaleRef,
} from '../../../src/solvers/compute';

// float32 arithmetic: one rounding per element for axpy/scale (relative 2^-24 ≈ 6e-8 of |a·x|+|y|);
// the dot partials accumulate DOT_BLOCK=256 float32 terms: relative error ≲ 256·2^-24 ≈ 1.5e-5.
const ELEM_TOL = 1e-6;
const DOT_REL_TOL = 2e-5;

function rand(n: number, seed: number): Float32Array {
  const a = new Float32Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    a[i] = s / 2147483648 - 0.5;
  }
  return a;
}

describe('compute backends', () => {
  it('probes js, cpu and webasm in Node and picks a measured CPU path on auto without a GPU', async () => {
    const p = await probeBackends();
    expect(p.available).toEqual(expect.arrayContaining(['js', 'cpu', 'webasm']));
    expect(p.realGpu).toBe(false);
    const c = await createCompute('auto', p);
    expect(['js', 'cpu', 'webasm']).toContain(c.info.backend);
    expect(c.info.reason).toMatch(/auto: no GPU; fastest CPU path .* \(measured js /);
    c.destroy();
  });
  it('rejects a backend that cannot run here with a message naming it', async () => {
    await expect(createCompute('webgl2')).rejects.toThrow(/webgl2.*not available/);
  });

  for (const backend of ['cpu', 'webasm'] as const) {
    it(`${backend}: axpy, scale, dot match the reference`, async () => {
      const n = 5000; // not a multiple of the block length, so the short last block is exercised
      const x = rand(n, 1);
      const y = rand(n, 2);
      const c = await createCompute(backend);
      expect(c.info.backend).toBe(backend);
      const ops = createVectorOps(c, n);
      const ax = await ops.axpy(0.75, x, y);
      const ref = axpyRef(0.75, x, y);
      let err = 0;
      for (let i = 0; i < n; i++) err = Math.max(err, Math.abs(ax[i]! - ref[i]!));
      expect(err).toBeLessThan(ELEM_TOL);
      const sc = await ops.scale(-2, x);
      const sref = scaleRef(-2, x);
      err = 0;
      for (let i = 0; i < n; i++) err = Math.max(err, Math.abs(sc[i]! - sref[i]!));
      expect(err).toBeLessThan(ELEM_TOL);
      const d = await ops.dot(x, y);
      const dref = dotRef(x, y);
      let norm = 0;
      for (let i = 0; i < n; i++) norm += Math.abs(x[i]! * y[i]!);
      expect(Math.abs(d - dref) / norm).toBeLessThan(DOT_REL_TOL);
      await expect(ops.dot(x, new Float32Array(3))).rejects.toThrow(/length 3/);
      // the kernels really ran on the requested backend (gpu.js may silently degrade webasm -> cpu)
      for (const k of ops.kernels) expect(kernelBackend(k)).toBe(backend);
      ops.destroy();
      c.destroy();
    });
  }
});
