// Generic vector operations (axpy, scale/copy, dot) on the selected backend, with plain-TS references that are
// also the 'js' backend. Unitless, flat Float32 arrays. The dot product is two-pass: gpu.js computes block
// partial sums (float32 inside a block), the host adds the partials in float64: it is deterministic per backend
// and its error grows with the block length (DOT_BLOCK), not with n.
import type { IKernelRunShortcut } from 'gpu.js';
import type { Compute } from './types';
import { axpyKernel, partialDotKernel, scaleKernel } from './vector.kernel';
import { kernelSettings } from './kernel-settings';

export const DOT_BLOCK = 256;

export function axpyRef(
  a: number,
  x: Float32Array,
  y: Float32Array,
  out = new Float32Array(x.length),
): Float32Array {
  for (let i = 0; i < x.length; i++) out[i] = a * x[i]! + y[i]!;
  return out;
}

export function scaleRef(a: number, x: Float32Array, out = new Float32Array(x.length)): Float32Array {
  for (let i = 0; i < x.length; i++) out[i] = a * x[i]!;
  return out;
}

/** Dot product accumulated in float64 (the reference). */
export function dotRef(x: Float32Array, y: Float32Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]! * y[i]!;
  return s;
}

export interface VectorOps {
  readonly n: number;
  /** a·x + y as a new array (or written into out on 'js'). */
  axpy(a: number, x: Float32Array, y: Float32Array): Promise<Float32Array>;
  scale(a: number, x: Float32Array): Promise<Float32Array>;
  dot(x: Float32Array, y: Float32Array): Promise<number>;
  /** The gpu.js kernels behind the ops (empty on 'js'), for introspection (kernelBackend). */
  readonly kernels: { kernel?: unknown }[];
  destroy(): void;
}

function toF32(r: unknown): Float32Array {
  if (r instanceof Float32Array) return r;
  if (Array.isArray(r)) return Float32Array.from(r as number[]);
  throw new Error(`compute: unexpected kernel result (${Object.prototype.toString.call(r)})`);
}

/** Vector ops for arrays of length n on compute's backend. */
export function createVectorOps(compute: Compute, n: number): VectorOps {
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`createVectorOps: length must be a positive integer, got ${n}`);
  const gpu = compute.gpu;
  const check = (x: Float32Array, what: string) => {
    if (x.length !== n) throw new Error(`vector ops: ${what} has length ${x.length}, expected ${n}`);
  };
  if (!gpu) {
    return {
      n,
      axpy: async (a, x, y) => (check(x, 'x'), check(y, 'y'), axpyRef(a, x, y)),
      scale: async (a, x) => (check(x, 'x'), scaleRef(a, x)),
      dot: async (x, y) => (check(x, 'x'), check(y, 'y'), dotRef(x, y)),
      kernels: [],
      destroy() {},
    };
  }
  const blocks = Math.ceil(n / DOT_BLOCK);
  const kAxpy = gpu.createKernel(axpyKernel, kernelSettings([n])) as IKernelRunShortcut;
  const kScale = gpu.createKernel(scaleKernel, kernelSettings([n])) as IKernelRunShortcut;
  const kDot = gpu.createKernel(
    partialDotKernel,
    kernelSettings([blocks], { block: DOT_BLOCK, n }, DOT_BLOCK + 1),
  ) as IKernelRunShortcut;
  return {
    n,
    axpy: async (a, x, y) => (check(x, 'x'), check(y, 'y'), toF32(await kAxpy(a, x, y))),
    scale: async (a, x) => (check(x, 'x'), toF32(await kScale(a, x))),
    dot: async (x, y) => {
      check(x, 'x');
      check(y, 'y');
      const parts = toF32(await kDot(x, y));
      let s = 0;
      for (let i = 0; i < parts.length; i++) s += parts[i]!;
      return s;
    },
    kernels: [kAxpy, kScale, kDot],
    destroy() {
      for (const k of [kAxpy, kScale, kDot]) k.destroy();
    },
  };
}
