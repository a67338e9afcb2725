// Parity of the gpu.js ten Tusscher-Panfilov 2006 kernels (tnnp-ions.kernel.ts, tnnp-gates.kernel.ts, with the
// diffusion kernel) against the direct plain-TS TNNP (tenTusscherPanfilovDirect: tnnpRates, no lookup tables) on
// the Node backends cpu and webasm: one whole AP of a single cell and of a short cable (Vm trace at a probe:
// RMS, peak |ΔV|, 0 mV upstroke time), and the full 19-variable state at the end. Also checks that runEp uses
// the kernels. Units mV, ms, mm, mM.
import { describe, expect, it } from 'vitest';
import { createCompute, kernelBackend } from '../../../src/solvers/compute';
import {
  assembleStencil,
  cableDomain,
  cubeAt,
  gpuStepper,
  gridFromMask,
  jsStepper,
  NIEDERER_CONDUCTIVITY as C,
  runEp,
  type EpGrid,
  type Stepper,
} from '../../../src/solvers/ep';
import { tenTusscherPanfilovDirect as direct } from '../../../src/solvers/ep/models/tnnp';

// Tolerances. The kernels compute in float32 (ulp of 100 mV ≈ 7.6e-6 mV; exp/log ~1 ulp relative), the
// reference in float64, both storing float32 state. Per-step differences of ~1e-5 mV are amplified where the
// trace is steep: upstroke dV/dt ≈ 300 mV/ms shifts crossings by ≪ 1 step, while late repolarisation
// (dV/dt ≈ −1 mV/ms, with ~10⁴ steps of slowly accumulating gate/Ca rounding) can drift by a fraction of a
// step: a few 0.1 mV at most at single instants, far less on average. Hence:
const AP_RMS_MV_TOL = 0.5; // RMS of the Vm trace difference over the whole AP
const AP_MAX_MV_TOL = 2; // worst single-instant |ΔV|
const DT = 0.02; // ms
const UPSTROKE_TOL_MS = DT; // 0 mV upcrossing within one step
// Concentrations/gates at the end: relative (rounding drift over 20 000 steps, ~1e-4 relative in Ca_i)
const STATE_REL_TOL = 1e-2;

interface Trace {
  rms: number;
  max: number;
  upRef: number;
  upGpu: number;
  peak: number;
  endRef: number;
}

async function compare(g: EpGrid, backend: 'cpu' | 'webasm', ms: number, probe: number) {
  const st = assembleStencil(g, C);
  const ref: Stepper = jsStepper(direct, st, DT);
  const c = await createCompute(backend);
  const gp = gpuStepper(direct, st, DT, c);
  const stim = new Float32Array(g.n);
  for (let i = 0; i < Math.min(3, g.n); i++) stim[i] = 40; // mV/ms for 2 ms on the first ≤ 3 cells
  const zero = new Float32Array(g.n);
  const steps = Math.round(ms / DT);
  const t: Trace = { rms: 0, max: 0, upRef: NaN, upGpu: NaN, peak: -Infinity, endRef: 0 };
  for (let s = 0; s < steps; s++) {
    const a0 = ref.v[probe]!;
    const b0 = gp.v[probe]!;
    await ref.step(s < 2 / DT ? stim : zero);
    await gp.step(s < 2 / DT ? stim : zero);
    const a = ref.v[probe]!;
    const b = gp.v[probe]!;
    if (a0 < 0 && a >= 0 && Number.isNaN(t.upRef)) t.upRef = (s + 1) * DT;
    if (b0 < 0 && b >= 0 && Number.isNaN(t.upGpu)) t.upGpu = (s + 1) * DT;
    t.rms += (a - b) ** 2;
    t.max = Math.max(t.max, Math.abs(a - b));
    t.peak = Math.max(t.peak, a);
  }
  t.rms = Math.sqrt(t.rms / steps);
  t.endRef = ref.v[probe]!;
  let stateRel = 0;
  for (let k = 0; k < ref.states.length; k++)
    for (let i = 0; i < g.n; i++) {
      const a = ref.states[k]![i]!;
      const b = gp.states[k]![i]!;
      stateRel = Math.max(stateRel, Math.abs(a - b) / Math.max(Math.abs(a), 1e-3));
    }
  expect(kernelBackend(gp.kernels[1]!)).toBe(backend);
  gp.destroy();
  c.destroy();
  return { ...t, stateRel };
}

function expectParity(r: Awaited<ReturnType<typeof compare>>) {
  expect(r.peak).toBeGreaterThan(20); // a real AP at the probe ...
  expect(r.endRef).toBeLessThan(-80); // ... that repolarised within the trace
  expect(r.rms).toBeLessThan(AP_RMS_MV_TOL);
  expect(r.max).toBeLessThan(AP_MAX_MV_TOL);
  expect(Math.abs(r.upRef - r.upGpu)).toBeLessThanOrEqual(UPSTROKE_TOL_MS + 1e-9);
  expect(r.stateRel).toBeLessThan(STATE_REL_TOL);
}

describe('ten Tusscher-Panfilov 2006 gpu.js kernels', () => {
  for (const backend of ['cpu', 'webasm'] as const) {
    it(`${backend}: single-cell AP matches the direct TS model`, async () => {
      const r = await compare(gridFromMask([1, 1, 1], 0.2, [0, 0, 0], new Uint8Array([1])), backend, 400, 0);
      expectParity(r);
    }, 60_000);

    it(`${backend}: AP in a 2 mm cable matches the direct TS model at the far end`, async () => {
      const g = cableDomain(2, 0.2);
      const r = await compare(g, backend, 400, g.n - 1);
      expectParity(r);
    }, 60_000);
  }

  it('runEp on webasm runs TNNP through the kernels (no js fallback) and activates the whole cable', async () => {
    const c = await createCompute('webasm');
    const r = await runEp(
      {
        grid: cableDomain(3, 0.2),
        model: 'tnnp',
        dtMs: DT,
        durationMs: 15,
        stimuli: [{ region: cubeAt([0, 0, 0], 0.5), startMs: 0, durationMs: 2 }],
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
