// gpu.js kernels for generic 1D vector algebra on flat Float32 arrays (the building blocks the EP and mechanics
// solvers share): axpy, scaled copy, and the first pass of a two-pass dot product. Unitless.
// Rules (TOOLCHAIN.md): no closures or imports at runtime, constants via this.constants, indices computed into a
// const before use. Output length n; gpu.js maps 1D outputs to 2D textures on GL (n must be <= MAX_TEXTURE_SIZE²).
import type { KernelThis } from './types';

/** y' = a·x + y, elementwise. */
export function axpyKernel(
  this: KernelThis<Record<string, never>>,
  a: number,
  x: Float32Array,
  y: Float32Array,
): number {
  const i = this.thread.x;
  return a * x[i]! + y[i]!;
}

/** y' = a·x (a = 1 is a copy). */
export function scaleKernel(this: KernelThis<Record<string, never>>, a: number, x: Float32Array): number {
  const i = this.thread.x;
  return a * x[i]!;
}

/**
 * Partial sums of x·y over blocks of constants.block elements (the last block may be short: n = constants.n).
 * Output length ceil(n/block); the caller sums the partials in float64. loopMaxIterations = block.
 */
export function partialDotKernel(
  this: KernelThis<{ block: number; n: number }>,
  x: Float32Array,
  y: Float32Array,
): number {
  const start = this.thread.x * this.constants.block;
  let s = 0;
  for (let k = 0; k < this.constants.block; k++) {
    const i = start + k;
    if (i < this.constants.n) {
      s += x[i]! * y[i]!;
    }
  }
  return s;
}
