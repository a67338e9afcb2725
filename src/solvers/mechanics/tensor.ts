// Closed-form helpers for symmetric 3×3 tensors stored (xx, yy, zz, xy, yz, zx) with tensor (not engineering)
// shears: eigenvalues by the trigonometric method (Smith 1961, Commun. ACM 4:168), von Mises equivalent.
// Units follow the input (MPa for stress, mm/mm for strain). Frame: whatever frame the tensor is in.

/** Eigenvalues in descending order (σ1 ≥ σ2 ≥ σ3) written to out[at..at+2]. */
export function principal3(
  t: ArrayLike<number>,
  at: number,
  out: Float64Array | Float32Array,
  outAt: number,
): void {
  const a = t[at]!,
    b = t[at + 1]!,
    c = t[at + 2]!;
  const d = t[at + 3]!,
    e = t[at + 4]!,
    f = t[at + 5]!; // xy, yz, zx
  const p1 = d * d + e * e + f * f;
  const q = (a + b + c) / 3;
  const p2 = (a - q) ** 2 + (b - q) ** 2 + (c - q) ** 2 + 2 * p1;
  if (p2 <= 1e-30 * (q * q + 1e-300)) {
    out[outAt] = out[outAt + 1] = out[outAt + 2] = q;
    return;
  }
  const p = Math.sqrt(p2 / 6);
  // B = (A − qI)/p; r = det(B)/2
  const ba = (a - q) / p,
    bb = (b - q) / p,
    bc = (c - q) / p;
  const bd = d / p,
    be = e / p,
    bf = f / p;
  const det = ba * (bb * bc - be * be) - bd * (bd * bc - be * bf) + bf * (bd * be - bb * bf);
  const r = Math.min(1, Math.max(-1, det / 2));
  const phi = Math.acos(r) / 3;
  const l1 = q + 2 * p * Math.cos(phi);
  const l3 = q + 2 * p * Math.cos(phi + (2 * Math.PI) / 3);
  out[outAt] = l1;
  out[outAt + 1] = 3 * q - l1 - l3;
  out[outAt + 2] = l3;
}

/** von Mises equivalent of a symmetric tensor (xx, yy, zz, xy, yz, zx). */
export function vonMises(t: ArrayLike<number>, at: number): number {
  const a = t[at]!,
    b = t[at + 1]!,
    c = t[at + 2]!;
  const d = t[at + 3]!,
    e = t[at + 4]!,
    f = t[at + 5]!;
  return Math.sqrt(0.5 * ((a - b) ** 2 + (b - c) ** 2 + (c - a) ** 2) + 3 * (d * d + e * e + f * f));
}
