// PcgOps on a gpu.js backend through the compute layer: the stiffness matvec and Jacobi kernels of this folder
// plus the shared axpy / two-pass dot kernels of src/solvers/compute. Vectors are float32 (3 per node).
// Units: displacements mm, forces N. Frame: local grid axes.
import type { IKernelRunShortcut } from 'gpu.js';
import { createVectorOps, kernelSettings, type Compute } from '../compute';
import type { StiffnessParts } from './operator';
import type { PcgOps } from './pcg';
import { jacobiKernel, stiffnessMatvecKernel } from './stiffness.kernel';
import type { HexMesh } from './types';

function f32(r: unknown): Float32Array {
  if (r instanceof Float32Array) return r;
  if (Array.isArray(r)) return Float32Array.from(r as number[]);
  throw new Error(`mechanics: unexpected kernel result (${Object.prototype.toString.call(r)})`);
}

export interface GpuMechanicsOps extends PcgOps {
  /** The gpu.js kernels (matvec, Jacobi, then the shared vector kernels), for kernelBackend() introspection. */
  readonly kernels: { kernel?: unknown }[];
  destroy(): void;
}

/** The matvec kernel's packed float32 arguments and constants (see stiffness.kernel.ts). */
export interface MatvecArgs {
  topo: Float32Array;
  k: Float32Array;
  coef: Float32Array;
  free: Float32Array;
  constants: { nParts: number; nodeOffset: number; coefOffset: number };
}

/** Packs mesh tables, the reference stiffness parts and per-element coefficients for stiffnessMatvecKernel. */
export function packMatvecArgs(mesh: HexMesh, parts: StiffnessParts, fixed: Uint8Array): MatvecArgs {
  if (8 * (mesh.nElems + mesh.nNodes) >= 2 ** 24)
    throw new Error(
      'mechanics: mesh too large for float32 index tables on gpu.js (use a larger element size or --backend js)',
    );
  const topo = new Float32Array(8 * (mesh.nElems + mesh.nNodes));
  topo.set(mesh.elemNodes);
  topo.set(mesh.nodeElems, 8 * mesh.nElems);
  const k = new Float32Array(1152);
  k.set(parts.k1);
  k.set(parts.k2, 576);
  const coef = new Float32Array(2 * mesh.nElems);
  coef.set(parts.c1);
  coef.set(parts.c2, mesh.nElems);
  const free = Float32Array.from(fixed, (f) => (f ? 0 : 1));
  const constants = { nParts: parts.twoPart ? 2 : 1, nodeOffset: 8 * mesh.nElems, coefOffset: mesh.nElems };
  return { topo, k, coef, free, constants };
}

/** Builds the kernels for this mesh/material/constraint set on compute.gpu (throws for the 'js' backend). */
export function createGpuOps(
  compute: Compute,
  mesh: HexMesh,
  parts: StiffnessParts,
  fixed: Uint8Array,
  invDiag: Float64Array,
): GpuMechanicsOps {
  const gpu = compute.gpu;
  if (!gpu) throw new Error('mechanics: createGpuOps needs a gpu.js backend (got the plain js backend)');
  const n = 3 * mesh.nNodes;
  const { topo, k, coef, free, constants } = packMatvecArgs(mesh, parts, fixed);
  const inv = Float32Array.from(invDiag, (v, i) => (fixed[i] ? 0 : v));
  const kMat = gpu.createKernel(
    stiffnessMatvecKernel,
    kernelSettings([n], constants, 64),
  ) as IKernelRunShortcut;
  const kJac = gpu.createKernel(jacobiKernel, kernelSettings([n])) as IKernelRunShortcut;
  const vec = createVectorOps(compute, n);
  return {
    kernels: [kMat, kJac, ...vec.kernels],
    matvec: async (x) => f32(await kMat(x, topo, k, coef, free)),
    precond: async (r) => f32(await kJac(r, inv)),
    axpy: (a, x, y) => vec.axpy(a, x, y),
    dot: (x, y) => vec.dot(x, y),
    destroy() {
      kMat.destroy();
      kJac.destroy();
      vec.destroy();
    },
  };
}

/** The same operations as plain float32 typed-array loops (reference for the kernel parity tests). */
export function matvecF32Ref(
  mesh: HexMesh,
  parts: StiffnessParts,
  fixed: Uint8Array,
  x: Float32Array,
): Float32Array {
  const y = new Float32Array(x.length);
  for (let dof = 0; dof < x.length; dof++) {
    if (fixed[dof]) continue;
    const nd = (dof / 3) | 0;
    const d = dof % 3;
    let s = 0;
    for (let slot = 0; slot < 8; slot++) {
      const e = mesh.nodeElems[8 * nd + slot]!;
      if (e < 0) continue;
      const row = 24 * (3 * (7 - slot) + d);
      let s1 = 0;
      let s2 = 0;
      for (let c = 0; c < 8; c++) {
        const b = 3 * mesh.elemNodes[8 * e + c]!;
        for (let q = 0; q < 3; q++) {
          s1 += parts.k1[row + 3 * c + q]! * x[b + q]!;
          s2 += parts.k2[row + 3 * c + q]! * x[b + q]!;
        }
      }
      s += parts.c1[e]! * s1 + parts.c2[e]! * s2;
    }
    y[dof] = s;
  }
  return y;
}
