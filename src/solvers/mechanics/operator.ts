// Matrix-free stiffness operator on the compacted hex mesh (plain typed-array reference = the 'js' backend).
// y = P·K·P·x where P zeroes fixed DOFs; K = Σ_e h·(λ_e·Kλ + μ_e·Kμ). When every element has the same ν the two
// parts are merged into one 24×24 matrix scaled by h·E_e (half the work). Units: x in mm, y in N.
// Frame: local grid axes. DOF d of node n is at 3n + d.
import { lame, referenceStiffness } from './hex-stiffness';
import type { HexDomain, HexMesh } from './types';

/** Element stiffness as one or two 24×24 matrices and per-element coefficients (N/mm). */
export interface StiffnessParts {
  /** First matrix (Kλ, or the merged unit-E matrix when twoPart is false). */
  k1: Float64Array;
  /** Second matrix (Kμ) or zeros when twoPart is false. */
  k2: Float64Array;
  c1: Float64Array;
  c2: Float64Array;
  twoPart: boolean;
}

export function stiffnessParts(domain: HexDomain): StiffnessParts {
  const { kLambda, kMu } = referenceStiffness();
  const n = domain.elements.length;
  const h = domain.h;
  const nu0 = domain.nu[0]!;
  let uniform = true;
  for (let e = 0; e < n; e++) if (domain.nu[e] !== nu0) uniform = false;
  const c1 = new Float64Array(n);
  const c2 = new Float64Array(n);
  if (uniform) {
    const { lambda, mu } = lame(1, nu0);
    const k1 = new Float64Array(576);
    for (let i = 0; i < 576; i++) k1[i] = lambda * kLambda[i]! + mu * kMu[i]!;
    for (let e = 0; e < n; e++) {
      const E = domain.E[e]!;
      if (!(E > 0)) throw new Error(`mechanics: element ${e} has a non-positive Young's modulus (${E} MPa)`);
      c1[e] = h * E;
    }
    return { k1, k2: new Float64Array(576), c1, c2, twoPart: false };
  }
  for (let e = 0; e < n; e++) {
    const { lambda, mu } = lame(domain.E[e]!, domain.nu[e]!);
    c1[e] = h * lambda;
    c2[e] = h * mu;
  }
  return { k1: kLambda, k2: kMu, c1, c2, twoPart: true };
}

/** y = P K P x by element scatter (fast on CPU). x must be zero at fixed DOFs; y is zeroed there. */
export function matvecRef(
  mesh: HexMesh,
  parts: StiffnessParts,
  fixed: Uint8Array,
  x: ArrayLike<number>,
  y: Float64Array,
): Float64Array {
  const { k1, k2, c1, c2, twoPart } = parts;
  const en = mesh.elemNodes;
  const ue = new Float64Array(24);
  y.fill(0);
  for (let e = 0; e < mesh.nElems; e++) {
    for (let c = 0; c < 8; c++) {
      const b = 3 * en[8 * e + c]!;
      ue[3 * c] = x[b]!;
      ue[3 * c + 1] = x[b + 1]!;
      ue[3 * c + 2] = x[b + 2]!;
    }
    const a1 = c1[e]!;
    const a2 = c2[e]!;
    for (let r = 0; r < 24; r++) {
      const row = 24 * r;
      let s1 = 0;
      for (let c = 0; c < 24; c++) s1 += k1[row + c]! * ue[c]!;
      let s = a1 * s1;
      if (twoPart) {
        let s2 = 0;
        for (let c = 0; c < 24; c++) s2 += k2[row + c]! * ue[c]!;
        s += a2 * s2;
      }
      const dof = 3 * en[8 * e + ((r / 3) | 0)]! + (r % 3);
      y[dof]! += s;
    }
  }
  for (let i = 0; i < y.length; i++) if (fixed[i]) y[i] = 0;
  return y;
}

/** Node-wise gather form of the same product (the exact algorithm of the gpu.js kernel), for parity tests. */
export function matvecGatherRef(
  mesh: HexMesh,
  parts: StiffnessParts,
  fixed: Uint8Array,
  x: ArrayLike<number>,
): Float64Array {
  const y = new Float64Array(3 * mesh.nNodes);
  for (let dof = 0; dof < y.length; dof++) {
    if (fixed[dof]) continue;
    const n = (dof / 3) | 0;
    const d = dof % 3;
    let s = 0;
    for (let slot = 0; slot < 8; slot++) {
      const e = mesh.nodeElems[8 * n + slot]!;
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

/** Diagonal of P K P assembled node-wise; fixed DOFs get 1 (their residual is always 0). */
export function diagonalRef(mesh: HexMesh, parts: StiffnessParts, fixed: Uint8Array): Float64Array {
  const diag = new Float64Array(3 * mesh.nNodes);
  for (let e = 0; e < mesh.nElems; e++)
    for (let r = 0; r < 24; r++) {
      const dof = 3 * mesh.elemNodes[8 * e + ((r / 3) | 0)]! + (r % 3);
      diag[dof]! += parts.c1[e]! * parts.k1[25 * r]! + parts.c2[e]! * parts.k2[25 * r]!;
    }
  for (let i = 0; i < diag.length; i++) if (fixed[i] || !(diag[i]! > 0)) diag[i] = 1;
  return diag;
}
