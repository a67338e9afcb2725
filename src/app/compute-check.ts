// Browser-side compute check page (compute.html): probes the gpu.js backends in this page (webgl2, webgpu,
// webasm, cpu; which are software), runs the kernel parity suite (vector ops + EP diffusion with the MS, AP,
// FK and TNNP reaction kernels; TNNP against the direct, table-free TS model, plus one single-cell TNNP AP;
// the mechanics matvec/Jacobi/PCG cases of src/solvers/mechanics/parity.ts) on each against the plain-TS
// reference, and exposes the result as window.__computeCheck for the Playwright test
// (tests/browser/compute.spec.ts). Units: mV for EP parity, unitless (relative) for vector ops and mechanics.
import { GPU } from 'gpu.js';
import {
  axpyRef,
  createCompute,
  createVectorOps,
  dotRef,
  kernelBackend,
  probeBackends,
  type BackendName,
} from '../solvers/compute';
import {
  assembleStencil,
  getModel,
  gpuStepper,
  gridFromMask,
  jsStepper,
  NIEDERER_CONDUCTIVITY,
} from '../solvers/ep';
import { tenTusscherPanfilovDirect } from '../solvers/ep/models/tnnp';
import { mechanicsParity, type MechanicsCaseResult } from './compute-check-mechanics';

interface KernelResult {
  backend: BackendName;
  ran: string;
  axpyErr: number;
  dotRelErr: number;
  epMaxErrMv: Record<string, number>;
  /** Single-cell TNNP AP (400 ms, dt 0.05 ms): Vm trace RMS / max |ΔV| (mV), 0 mV upcrossing times (ms). */
  tnnpAp?: { rmsMv: number; maxMv: number; upRefMs: number; upGpuMs: number; peakMv: number; endMv: number };
  /** Mechanics kernel parity cases (relative errors with their named tolerances). */
  mechanics?: MechanicsCaseResult[];
  error?: string;
}

async function tnnpSingleCellAp(c: Awaited<ReturnType<typeof createCompute>>) {
  const g = gridFromMask([1, 1, 1], 0.2, [0, 0, 0], new Uint8Array([1]));
  const st = assembleStencil(g, NIEDERER_CONDUCTIVITY);
  const dt = 0.05;
  const a = jsStepper(tenTusscherPanfilovDirect, st, dt);
  const b = gpuStepper(tenTusscherPanfilovDirect, st, dt, c);
  const stim = Float32Array.of(40);
  const zero = Float32Array.of(0);
  const r = { rmsMv: 0, maxMv: 0, upRefMs: NaN, upGpuMs: NaN, peakMv: -Infinity, endMv: NaN };
  const steps = Math.round(400 / dt);
  for (let s = 0; s < steps; s++) {
    const a0 = a.v[0]!;
    const b0 = b.v[0]!;
    await a.step(s * dt < 2 ? stim : zero);
    await b.step(s * dt < 2 ? stim : zero);
    const d = a.v[0]! - b.v[0]!;
    r.rmsMv += d * d;
    r.maxMv = Math.max(r.maxMv, Math.abs(d));
    r.peakMv = Math.max(r.peakMv, a.v[0]!);
    if (a0 < 0 && a.v[0]! >= 0 && Number.isNaN(r.upRefMs)) r.upRefMs = (s + 1) * dt;
    if (b0 < 0 && b.v[0]! >= 0 && Number.isNaN(r.upGpuMs)) r.upGpuMs = (s + 1) * dt;
  }
  r.rmsMv = Math.sqrt(r.rmsMv / steps);
  r.endMv = a.v[0]!;
  b.destroy();
  return r;
}

async function parity(backend: BackendName): Promise<KernelResult> {
  const res: KernelResult = { backend, ran: 'none', axpyErr: NaN, dotRelErr: NaN, epMaxErrMv: {} };
  try {
    const c = await createCompute(backend);
    const n = 5000;
    const x = Float32Array.from({ length: n }, (_, i) => Math.sin(i));
    const y = Float32Array.from({ length: n }, (_, i) => Math.cos(i * 0.7));
    const ops = createVectorOps(c, n);
    const ax = await ops.axpy(0.75, x, y);
    const ref = axpyRef(0.75, x, y);
    res.axpyErr = Math.max(...Array.from(ax, (v, i) => Math.abs(v - ref[i]!)));
    res.dotRelErr = Math.abs((await ops.dot(x, y)) - dotRef(x, y)) / n;
    res.ran = ops.kernels[0] ? kernelBackend(ops.kernels[0]) : 'js';
    ops.destroy();
    const g = gridFromMask([16, 8, 4], 0.2, [0, 0, 0], new Uint8Array(512).fill(1), [1, 0.5, 0.2]);
    const st = assembleStencil(g, NIEDERER_CONDUCTIVITY);
    for (const m of ['ms', 'ap', 'fk', 'tnnp']) {
      const model = m === 'tnnp' ? tenTusscherPanfilovDirect : getModel(m);
      const a = jsStepper(model, st, 0.02);
      const b = gpuStepper(model, st, 0.02, c);
      const stim = new Float32Array(g.n);
      for (let i = 0; i < g.n; i++) if (g.cells[i]! % 16 < 3) stim[i] = 100;
      const zero = new Float32Array(g.n);
      for (let s = 0; s < 150; s++) {
        await a.step(s < 100 ? stim : zero);
        await b.step(s < 100 ? stim : zero);
      }
      res.epMaxErrMv[m] = Math.max(...Array.from(a.v, (v, i) => Math.abs(v - b.v[i]!)));
      b.destroy();
    }
    res.tnnpAp = await tnnpSingleCellAp(c);
    c.destroy();
  } catch (e) {
    res.error = (e as Error).message;
  }
  // Own Compute and per-case errors: an EP failure above does not hide the mechanics results.
  try {
    res.mechanics = await mechanicsParity(backend);
  } catch (e) {
    res.error = `${res.error ? `${res.error}; ` : ''}mechanics: ${(e as Error).message}`;
  }
  return res;
}

async function run() {
  const probe = await probeBackends();
  const results: KernelResult[] = [];
  for (const b of probe.available) if (b !== 'js') results.push(await parity(b));
  const out = {
    pending: false,
    probe,
    gpujs: {
      webgl2: GPU.isWebGL2Supported,
      webgpu: GPU.isWebGPUSupported,
      webasm: GPU.isWebAssemblySupported,
    },
    results,
    auto: (await createCompute('auto', probe)).info,
  };
  (window as unknown as { __computeCheck: unknown }).__computeCheck = out;
  const el = document.getElementById('out');
  if (el) el.textContent = JSON.stringify(out, null, 2);
}

(window as unknown as { __computeCheck: unknown }).__computeCheck = { pending: true };
run().catch((e: unknown) => {
  (window as unknown as { __computeCheck: unknown }).__computeCheck = { pending: false, error: String(e) };
});
