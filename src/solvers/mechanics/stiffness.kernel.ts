// gpu.js kernels of the matrix-free elasticity operator (node-wise gather, no atomics) and the Jacobi
// preconditioner. One thread per DOF (3n + d): it sums, over the ≤ 8 elements incident to node n, the element
// stiffness row of (corner, d) times that element's 24 displacements. Units: x mm → y N; Jacobi: N → mm.
// Frame: local grid axes. Integer tables are passed as Float32 (exact below 2^24 entries).
// Rules (TOOLCHAIN.md): no closures/imports at runtime, constants via this.constants, indices in consts.
import type { KernelThis } from '../compute';

/**
 * y[dof] = free[dof] · Σ_slots Σ_c (c1[e]·K1[row, 3c..3c+2] + c2[e]·K2[row, ...]) · x[3·node(e,c) ..].
 * Packed arguments (WebGPU allows only 8 storage buffers per stage): topo = [elemNodes (8/element) | nodeElems
 * (8/node, from constants.nodeOffset)], k = [K1 | K2] (576 each), coef = [c1 | c2] (c2 from constants.coefOffset).
 * constants.twoPart = 0 skips K2 (all elements share ν: K1 is the merged unit-E matrix).
 */
export function stiffnessMatvecKernel(
  this: KernelThis<{ twoPart: number; nodeOffset: number; coefOffset: number }>,
  x: Float32Array,
  topo: Float32Array,
  k: Float32Array,
  coef: Float32Array,
  free: Float32Array,
): number {
  const dof = this.thread.x;
  const n = Math.floor(dof / 3);
  const d = dof - 3 * n;
  let s = 0;
  for (let slot = 0; slot < 8; slot++) {
    const e = topo[this.constants.nodeOffset + 8 * n + slot]!;
    if (e >= 0) {
      const row = 24 * (3 * (7 - slot) + d);
      let s1 = 0;
      let s2 = 0;
      for (let c = 0; c < 8; c++) {
        const b = 3 * topo[8 * e + c]!;
        const r0 = row + 3 * c;
        const xa = x[b]!;
        const xb = x[b + 1]!;
        const xc = x[b + 2]!;
        s1 += k[r0]! * xa + k[r0 + 1]! * xb + k[r0 + 2]! * xc;
        if (this.constants.twoPart > 0) {
          s2 += k[576 + r0]! * xa + k[577 + r0]! * xb + k[578 + r0]! * xc;
        }
      }
      s += coef[e]! * s1 + coef[this.constants.coefOffset + e]! * s2;
    }
  }
  return free[dof]! * s;
}

/** z = r ⊙ invDiag (invDiag = 0 on fixed DOFs). */
export function jacobiKernel(
  this: KernelThis<Record<string, never>>,
  r: Float32Array,
  invDiag: Float32Array,
): number {
  const i = this.thread.x;
  return r[i]! * invDiag[i]!;
}
