// Parity of the gpu.js Fenton-Karma reaction kernels (fk.kernel.ts, with the diffusion kernel) against the
// plain-TS model (fentonKarma.step via jsStepper) on the Node backends cpu and webasm: a propagating wave in a
// small slab (max |ΔV| over the grid) and one whole action potential in a short cable (Vm trace at a probe).
// Also checks that runEp uses the kernels (no 'js' fallback note). Units mV, ms, mm.
import { describe, expect, it } from 'vitest';
import { createCompute, kernelBackend } from '../../../src/solvers/compute';
import {
  assembleStencil,
  cableDomain,
  cubeAt,
  getModel,
  gpuStepper,
  gridFromMask,
  jsStepper,
  NIEDERER_CONDUCTIVITY as C,
  runEp,
  type Stepper,
} from '../../../src/solvers/ep';

// Tolerances (float32 kernel arithmetic vs float64 arithmetic stored to float32 in the reference):
// each step rounds O(10) float32 operations on ~100 mV (ulp 7.6e-6 mV), so ~1e-5 mV per step; during the
// 4 ms of a wave front this grows through the steep upstroke (dV/dt ~ 400 mV/ms amplifies a 1e-5 mV shift
// into ~1e-3 mV). The Heaviside gates can flip one step earlier where u sits within rounding of u_c, a jump of
// dt·vAmp·Δj ≈ 0.04 mV at dt = 0.02 ms, hence:
const WAVE_MV_TOL = 5e-2;
// Over a whole AP (~300 ms, 6000 steps) the repolarisation timing drifts by at most a few steps of slow
// gate rounding (dV/dt ≤ 2 mV/ms there, one step = 0.1 mV at dt 0.05): RMS and peak bounds on the trace.
const AP_RMS_MV_TOL = 0.5;
const AP_MAX_MV_TOL = 2;

async function runPair(
  ref: Stepper,
  gp: Stepper,
  stim: Float32Array,
  stimSteps: number,
  steps: number,
  probe = 0,
) {
  const zero = new Float32Array(stim.length);
  let maxErr = 0;
  let sq = 0;
  let peak = -Infinity;
  for (let s = 0; s < steps; s++) {
    await ref.step(s < stimSteps ? stim : zero);
    await gp.step(s < stimSteps ? stim : zero);
    const d = Math.abs(ref.v[probe]! - gp.v[probe]!);
    sq += d * d;
    peak = Math.max(peak, ref.v[probe]!);
  }
  for (let i = 0; i < ref.v.length; i++) maxErr = Math.max(maxErr, Math.abs(ref.v[i]! - gp.v[i]!));
  return { maxErrEnd: maxErr, rms: Math.sqrt(sq / steps), peak };
}

describe('Fenton-Karma gpu.js kernels', () => {
  for (const backend of ['cpu', 'webasm'] as const) {
    it(`${backend}: a wave in a slab matches the TS reference (max |ΔV| over all cells)`, async () => {
      const dims: [number, number, number] = [16, 8, 4];
      const g = gridFromMask(dims, 0.2, [0, 0, 0], new Uint8Array(512).fill(1), [1, 0.5, 0.2]);
      const st = assembleStencil(g, C);
      const m = getModel('fk');
      const ref = jsStepper(m, st, 0.02);
      const c = await createCompute(backend);
      const gp = gpuStepper(m, st, 0.02, c);
      const stim = new Float32Array(g.n);
      for (let i = 0; i < g.n; i++) if (g.cells[i]! % 16 < 3) stim[i] = 100;
      let err = 0;
      let moved = 0;
      for (let chunk = 0; chunk < 4; chunk++) {
        const r = await runPair(ref, gp, stim, chunk === 0 ? 100 : 0, 100);
        err = Math.max(err, r.maxErrEnd);
      }
      for (let i = 0; i < g.n; i++) moved = Math.max(moved, ref.v[i]! - m.restMv);
      expect(moved).toBeGreaterThan(50);
      expect(err).toBeLessThan(WAVE_MV_TOL);
      expect(kernelBackend(gp.kernels[1]!)).toBe(backend);
      gp.destroy();
      c.destroy();
    });

    it(`${backend}: one whole action potential in a cable matches the TS reference`, async () => {
      const g = cableDomain(2, 0.25);
      const st = assembleStencil(g, C);
      const m = getModel('fk');
      const dt = 0.05;
      const ref = jsStepper(m, st, dt);
      const c = await createCompute(backend);
      const gp = gpuStepper(m, st, dt, c);
      const stim = new Float32Array(g.n);
      stim[0] = 100;
      const r = await runPair(ref, gp, stim, 40, 6000, g.n - 1);
      expect(r.peak).toBeGreaterThan(0); // the far end fired ...
      expect(ref.v[g.n - 1]!).toBeLessThan(-80); // ... and repolarised within the trace
      expect(r.rms).toBeLessThan(AP_RMS_MV_TOL);
      expect(r.maxErrEnd).toBeLessThan(AP_MAX_MV_TOL);
      gp.destroy();
      c.destroy();
    });
  }

  it('runEp on webasm runs FK through the kernels (no js fallback) and activates the whole cable', async () => {
    const c = await createCompute('webasm');
    const r = await runEp(
      {
        grid: cableDomain(5, 0.25),
        model: 'fk',
        dtMs: 0.05,
        durationMs: 30,
        stimuli: [{ region: cubeAt([0, 0, 0], 1), startMs: 0, durationMs: 2 }],
      },
      c,
    );
    expect(r.status).toBe('completed');
    expect(r.backend).toBe('webasm');
    expect(r.backendNote).toBeUndefined();
    expect(r.activatedFraction).toBe(1);
    c.destroy();
  });
});
