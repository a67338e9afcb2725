// gpu.js kernel for the CPU-path calibration (calibrate.ts): one explicit reaction-diffusion step on a compacted
// gather layout, the memory pattern of the EP solver (weights + neighbour table, K = 7 slots per cell, slot 0 =
// the cell itself) with a cubic Nagumo reaction u(1−u)(u−a). Unitless. Reference: calibrationStepRef.
// Rules (TOOLCHAIN.md): no closures/imports at runtime, constants via this.constants, indices in consts.
import type { KernelThis } from './types';

export const CALIBRATION_K = 7;

export function calibrationKernel(
  this: KernelThis<{ dt: number; a: number }>,
  u: Float32Array,
  nb: Float32Array,
  w: Float32Array,
): number {
  const c = this.thread.x;
  const base = c * 7;
  let s = 0;
  for (let k = 0; k < 7; k++) {
    const i = base + k;
    const m = nb[i]!;
    s += w[i]! * u[m]!;
  }
  const x = u[c]!;
  return x + this.constants.dt * (s + x * (1 - x) * (x - this.constants.a));
}
