// Compute layer: one place that picks the backend (real GPU via gpu.js webgpu/webgl2, else the fastest CPU path)
// and reports which ran. Runs in Node, pages and Web Workers (no DOM; OffscreenCanvas only for the WebGL probe).
//
// Public API
//   probeBackends(): Promise<BackendProbe>              available backends, realGpu, renderer, notes
//   createCompute(pref = 'auto', probe?): Promise<Compute>   Compute { info: ComputeInfo; gpu?: GPU; destroy() }
//       'auto' → webgpu/webgl2 only on a real GPU (SwiftShader / fallback adapters excluded), else the fastest
//       CPU path from a cached calibration (js vs webasm vs cpu, < 1 s; figures in info.reason/.calibration).
//   cpuCalibration(available) / calibrateCpuBackends / resetCpuCalibration   the measurement behind 'auto'
//       An explicit backend that cannot run throws Error("compute backend 'x' is not available here (...)").
//   kernelSettings(output, constants?, loopMaxIterations?)  house defaults for gpu.createKernel
//   createVectorOps(compute, n): VectorOps { axpy(a,x,y), scale(a,x), dot(x,y), destroy() } — all async.
//   axpyRef / scaleRef / dotRef                          plain-TS references (and the 'js' backend)
//
// Conventions for kernels (*.kernel.ts): flat 1D Float32 arrays indexed by a compacted index, constants via
// this.constants, explicit loopMaxIterations; every kernel has a TS reference and a parity test per backend
// (tests/unit/compute, tests/browser/compute.spec.ts). Reductions: two-pass (block partials in the kernel,
// float64 sum on the host) — see vector.ts. Sparse matvec kernels belong to their solver (ep/, mechanics/).
export type { BackendName, BackendProbe, Compute, ComputeInfo, KernelThis } from './types';
export { ALL_BACKENDS } from './types';
export { probeBackends, probeWebGl2, probeWebGpu } from './probe';
export { createCompute, type BackendPreference, type CreateComputeOptions } from './create';
export {
  calibrateCpuBackends,
  calibrationKernelOn,
  calibrationProblem,
  calibrationStepRef,
  cpuCalibration,
  describeCalibration,
  resetCpuCalibration,
  pickFastest,
  JS_MARGIN,
  CALIBRATION_CELLS,
  type CalibrationFigure,
  type CpuCalibration,
  type CpuBackend,
} from './calibrate';
export { calibrationKernel, CALIBRATION_K } from './calibrate.kernel';
export { kernelSettings } from './kernel-settings';
export { createVectorOps, axpyRef, scaleRef, dotRef, DOT_BLOCK, type VectorOps } from './vector';
export { axpyKernel, scaleKernel, partialDotKernel } from './vector.kernel';
export { kernelBackend } from './introspect';
