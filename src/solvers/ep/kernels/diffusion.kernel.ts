// gpu.js kernel: the 19-point anisotropic diffusion operator on the compacted tissue layout (see stencil.ts):
// out[c] = Σ_k w[c·19 + k] · V[nb_k], with nb_0 = c (mV/ms). Reference: applyDiffusion in stencil.ts.
// Index arithmetic in consts (GL gotcha: no inline expressions in indices). Loop bound 18 (loopMaxIterations 19).
import type { KernelThis } from '../../compute/types';

export function diffusionKernel(
  this: KernelThis<Record<string, never>>,
  v: Float32Array,
  nb: Float32Array,
  w: Float32Array,
): number {
  const c = this.thread.x;
  const wb = c * 19;
  const nbb = c * 18;
  let s = w[wb]! * v[c]!;
  for (let k = 0; k < 18; k++) {
    const wi = wb + 1 + k;
    const ni = nbb + k;
    const m = nb[ni]!;
    s += w[wi]! * v[m]!;
  }
  return s;
}
