// gpu.js kernels of the matrix-free elasticity operator (node-wise gather, no atomics) and the Jacobi
// preconditioner. One thread per DOF (3n + d): it sums, over the ≤ 8 elements incident to node n, the element
// stiffness row of (corner, d) times that element's 24 displacements. Units: x mm → y N; Jacobi: N → mm.
// Frame: local grid axes. Integer tables are passed as Float32 (exact below 2^24 entries).
// Rules (TOOLCHAIN.md): no closures/imports at runtime, constants via this.constants, indices in consts.
import type { KernelThis } from '../compute';

/**
 * y[dof] = free[dof] · Σ_slots Σ_parts c_p[e] · Σ_c K_p[row, 3c..3c+2] · x[3·node(e,c) ..].
 * Packed arguments (WebGPU allows only 8 storage buffers per stage): topo = [elemNodes (8/element) | nodeElems
 * (8/node, from constants.nodeOffset)], k = [K1 | K2] (576 each), coef = [c1 | c2] (c2 from constants.coefOffset).
 * constants.nParts = 1 uses K1 only (all elements share ν: K1 is the merged unit-E matrix), 2 adds K2.
 * Written for the production minifier (TOOLCHAIN.md; checked by tests/unit/mechanics/minified-kernels.test.ts):
 * every local and loop counter is declared at function level (the mangler reuses names across block scopes and
 * gpu.js has one scope per function), loops are `for (; test; i += 1)` after an explicit reset (gpu.js WebGPU
 * accepts no expression as a for-init; WGSL has no f32 ++), and no `if` has a one-expression body (it would
 * become `a && (b += c)`).
 */
export function stiffnessMatvecKernel(
  this: KernelThis<{ nParts: number; nodeOffset: number; coefOffset: number }>,
  x: Float32Array,
  topo: Float32Array,
  k: Float32Array,
  coef: Float32Array,
  free: Float32Array,
): number {
  const dof = this.thread.x;
  const n = Math.floor(dof / 3);
  const d = dof - 3 * n;
  let s = 0.0;
  // gpu.js rejects a declaration without an initialiser, so these inits are deliberate.
  /* eslint-disable no-useless-assignment */
  let sp = 0.0;
  let slot = 0;
  let part = 0;
  let c = 0;
  let e = 0.0;
  let row = 0.0;
  let kb = 0.0;
  let b = 0.0;
  let r0 = 0.0;
  /* eslint-enable no-useless-assignment */
  slot = 0;
  for (; slot < 8; slot += 1) {
    e = topo[this.constants.nodeOffset + 8 * n + slot]!;
    if (e >= 0) {
      row = 24 * (3 * (7 - slot) + d);
      part = 0;
      for (; part < this.constants.nParts; part += 1) {
        kb = 576 * part + row;
        sp = 0.0;
        c = 0;
        for (; c < 8; c += 1) {
          b = 3 * topo[8 * e + c]!;
          r0 = kb + 3 * c;
          sp += k[r0]! * x[b]! + k[r0 + 1]! * x[b + 1]! + k[r0 + 2]! * x[b + 2]!;
        }
        s += coef[part * this.constants.coefOffset + e]! * sp;
      }
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
