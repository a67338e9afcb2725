// Types of the compute layer: which backend runs the solver kernels and why. No units (pure plumbing);
// frames: none (kernels see flat 1D arrays indexed by a compacted tissue/node index).
import type { GPU } from 'gpu.js';

/**
 * 'js'     plain typed-array loops on the calling thread (the reference and, without a real GPU, the fastest path);
 * 'cpu'    gpu.js CPUKernel (transpiled JS);  'webasm' gpu.js WebAssembly (SIMD);
 * 'webgl2' gpu.js GLSL ES 3.00 fragment shaders;  'webgpu' gpu.js WGSL compute shaders (async).
 */
export type BackendName = 'js' | 'cpu' | 'webasm' | 'webgl2' | 'webgpu';

export const ALL_BACKENDS: readonly BackendName[] = ['js', 'cpu', 'webasm', 'webgl2', 'webgpu'];

export interface BackendProbe {
  /** Backends that can run here (a software WebGL2/WebGPU counts as available, but not as a real GPU). */
  available: BackendName[];
  /** True when a hardware GPU answered (not SwiftShader / a WebGPU fallback adapter). */
  realGpu: boolean;
  /** WebGL UNMASKED_RENDERER_WEBGL or the WebGPU adapter description, when known. */
  renderer?: string;
  /** Per-backend notes (why something is missing or software-only). */
  notes: string[];
}

export interface ComputeInfo {
  backend: BackendName;
  realGpu: boolean;
  /** Human-readable reason for the choice, e.g. "auto: no real GPU (SwiftShader); plain JS is fastest on CPU". */
  reason: string;
  available: BackendName[];
  renderer?: string;
  /** Present when 'auto' chose among CPU paths by measuring them (calibrate.ts). */
  calibration?: import('./calibrate').CpuCalibration;
}

export interface Compute {
  info: ComputeInfo;
  /** The gpu.js instance (absent for 'js'). Its mode is set explicitly to info.backend. */
  gpu?: GPU;
  /** Releases the gpu.js instance and every kernel it created. Safe to call twice. */
  destroy(): void;
}

/** `this` inside a gpu.js kernel: thread ids and the constants given at creation. */
export interface KernelThis<C> {
  thread: { x: number; y: number; z: number };
  constants: C;
}
