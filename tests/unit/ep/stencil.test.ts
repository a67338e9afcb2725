// The anisotropic 19-point stencil: exactness on polynomials with off-axis fibres, exact conservation
// (no-flux boundaries) on an irregular mask, the stability guard, and parity of the gpu.js kernels
// (diffusion, MS and AP reaction) on cpu and webasm against the TS reference. Units mm, ms, mV.
import { describe, expect, it } from 'vitest';
import { createCompute, kernelBackend } from '../../../src/solvers/compute';
import {
  applyDiffusion,
  assembleStencil,
  cellWorld,
  checkStability,
  diffusivity,
  gridFromMask,
  gpuStepper,
  jsStepper,
  NIEDERER_CONDUCTIVITY as C,
  getModel,
} from '../../../src/solvers/ep';

// Polynomial exactness: the flux stencil is exact for quadratics with constant D; float32 weights and values
// give ~1e-7 relative error on O(10) sums → 1e-4 absolute on results of O(0.1) mV/ms.
const POLY_TOL = 1e-4;
// Conservation: Σ_c L V_c = 0 up to float32 rounding of the weights (~1e-7 relative per term).
const CONSERVE_TOL = 1e-3;
// gpu.js float32 vs the TS reference after 200 steps: single-precision rounding per step accumulates
// to ~1e-4 mV on a ±100 mV signal (TOOLCHAIN.md measured 5.4e-7 relative for AP stencils after 100 steps).
const PARITY_MV_TOL = 1e-2;

function fibreGrid(mask: Uint8Array, dims: [number, number, number], f: [number, number, number]) {
  return gridFromMask(dims, 0.25, [0, 0, 0], mask, f);
}

describe('anisotropic diffusion stencil', () => {
  it('reproduces ∇·(D∇V) = 2 D_xy for V = x·y and 2 D_zz for V = z² with 45°-tilted fibres', () => {
    const dims: [number, number, number] = [9, 9, 9];
    const g = fibreGrid(new Uint8Array(729).fill(1), dims, [1, 1, 1]);
    const st = assembleStencil(g, C);
    const dl = diffusivity(C.sigmaL, C);
    const dt = diffusivity(C.sigmaT, C);
    const dxy = (dl - dt) / 3; // f = (1,1,1)/√3 → f_x f_y = 1/3
    const dzz = dt + (dl - dt) / 3;
    for (const [fn, exact] of [
      [(p: number[]) => p[0]! * p[1]!, 2 * dxy],
      [(p: number[]) => p[2]! * p[2]!, 2 * dzz],
    ] as const) {
      const v = new Float32Array(g.n);
      for (let c = 0; c < g.n; c++) v[c] = fn(cellWorld(g, c));
      const out = new Float32Array(g.n);
      applyDiffusion(st, v, out);
      const centre = g.index[4 + 9 * (4 + 9 * 4)]!;
      expect(Math.abs(out[centre]! - exact)).toBeLessThan(POLY_TOL);
    }
  });

  it('conserves charge exactly on an irregular mask with off-axis fibres (no-flux boundary)', () => {
    const dims: [number, number, number] = [12, 10, 8];
    const mask = new Uint8Array(960);
    for (let k = 0; k < 8; k++)
      for (let j = 0; j < 10; j++)
        for (let i = 0; i < 12; i++)
          mask[i + 12 * (j + 10 * k)] = (i - 6) ** 2 + (j - 5) ** 2 + (k - 4) ** 2 < 20 ? 1 : 0;
    const g = fibreGrid(mask, dims, [0.3, 0.8, -0.5]);
    const st = assembleStencil(g, C);
    const v = new Float32Array(g.n);
    for (let c = 0; c < g.n; c++) v[c] = Math.sin(c * 1.7) * 80;
    const out = new Float32Array(g.n);
    applyDiffusion(st, v, out);
    let sum = 0;
    let abs = 0;
    for (let c = 0; c < g.n; c++) {
      sum += out[c]!;
      abs += Math.abs(out[c]!);
    }
    expect(Math.abs(sum) / abs).toBeLessThan(CONSERVE_TOL);
  });

  it('refuses a dt above the explicit limit with a message suggesting dt and dx', () => {
    const g = gridFromMask([20, 5, 5], 0.1, [0, 0, 0], new Uint8Array(500).fill(1));
    const st = assembleStencil(g, C);
    expect(() => checkStability(st, 0.05, 0.1)).toThrow(/dt ≤ 0\.04\d* ms or dx ≥/);
    expect(() => checkStability(st, 0.04, 0.1)).not.toThrow();
  });

  for (const backend of ['cpu', 'webasm'] as const)
    for (const model of ['ms', 'ap'] as const)
      it(`${backend}: diffusion + ${model} kernels match the TS reference over 200 steps`, async () => {
        const dims: [number, number, number] = [16, 8, 4];
        const g = gridFromMask(dims, 0.2, [0, 0, 0], new Uint8Array(512).fill(1), [1, 0.5, 0.2]);
        const st = assembleStencil(g, C);
        const m = getModel(model);
        const ref = jsStepper(m, st, 0.02);
        const c = await createCompute(backend);
        const gp = gpuStepper(m, st, 0.02, c);
        const stim = new Float32Array(g.n);
        for (let i = 0; i < g.n; i++) if (g.cells[i]! % 16 < 3) stim[i] = 100;
        const zero = new Float32Array(g.n);
        for (let s = 0; s < 200; s++) {
          await ref.step(s < 100 ? stim : zero);
          await gp.step(s < 100 ? stim : zero);
        }
        let err = 0;
        let moved = 0;
        for (let i = 0; i < g.n; i++) {
          err = Math.max(err, Math.abs(ref.v[i]! - gp.v[i]!));
          moved = Math.max(moved, ref.v[i]! - m.restMv);
        }
        expect(moved).toBeGreaterThan(50); // the wave really propagated
        expect(err).toBeLessThan(PARITY_MV_TOL);
        expect(kernelBackend(gp.kernels[0]!)).toBe(backend);
        gp.destroy();
        c.destroy();
      });
});
