// Browser-side compute check page (compute.html): probes the gpu.js backends in this page (webgl2, webgpu,
// webasm, cpu; which are software), runs the kernel parity suite (vector ops + EP diffusion/MS/AP kernels)
// on each against the plain-TS reference, and exposes the result as window.__computeCheck for the
// Playwright test (tests/browser/compute.spec.ts). Units: mV for EP parity, unitless for vector ops.
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

interface KernelResult {
  backend: BackendName;
  ran: string;
  axpyErr: number;
  dotRelErr: number;
  epMaxErrMv: Record<string, number>;
  error?: string;
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
    for (const m of ['ms', 'ap']) {
      const model = getModel(m);
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
    c.destroy();
  } catch (e) {
    res.error = (e as Error).message;
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
