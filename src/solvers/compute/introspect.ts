// Which gpu.js backend a compiled kernel actually runs on (gpu.js silently degrades e.g. webasm → cpu for some
// kernels). Uses instanceof (class names are minified in production builds; TOOLCHAIN.md gotcha 4). No units.
import * as gpujs from 'gpu.js';
import type { BackendName } from './types';

/** Backend of a kernel run shortcut after its first call (before it, gpu.js may not have built it yet). */
export function kernelBackend(k: { kernel?: unknown }): BackendName | 'other' {
  const inner = k.kernel;
  const lib = gpujs as unknown as Record<string, (abstract new (...a: never[]) => unknown) | undefined>;
  const is = (cls: string) => {
    const C = lib[cls];
    return typeof C === 'function' && inner instanceof C;
  };
  if (is('WebGPUKernel')) return 'webgpu';
  if (is('WebGL2Kernel')) return 'webgl2';
  if (is('WebAssemblyKernel')) return 'webasm';
  if (is('CPUKernel')) return 'cpu';
  return 'other';
}
