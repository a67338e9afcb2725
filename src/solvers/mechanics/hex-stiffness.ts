// Reference stiffness of one trilinear 8-node hexahedron that is a cube of edge 1 mm, split by Lamé parameter:
// K_e = h·(λ·Kλ + μ·Kμ) for a cube of edge h (mm) with Lamé constants λ, μ (MPa) → N/mm. Computed by 2×2×2
// Gauss quadrature (exact for the trilinear cube: the integrand is at most quadratic per coordinate).
// Frame: the element's local grid axes (x = i, y = j, z = k). Corner c = a + 2b + 4c' sits at offset (a, b, c')
// from the element's minimum corner. DOF order: 3·corner + component. Strain order: xx, yy, zz, xy, yz, zx
// (engineering shears γ).

/** Corner offsets (a, b, c) of local corner 0..7 (x fastest). */
export const CORNER_OFFSETS: readonly (readonly [number, number, number])[] = Array.from(
  { length: 8 },
  (_, c) => [c & 1, (c >> 1) & 1, (c >> 2) & 1] as const,
);

/** dN_c/dx (for a unit cube) at local point (x, y, z) ∈ [0,1]³, as [dN/dx, dN/dy, dN/dz] per corner. */
export function shapeGradients(x: number, y: number, z: number): Float64Array {
  const g = new Float64Array(24);
  for (let c = 0; c < 8; c++) {
    const [a, b, d] = CORNER_OFFSETS[c]!;
    const fx = a ? x : 1 - x;
    const fy = b ? y : 1 - y;
    const fz = d ? z : 1 - z;
    const sx = a ? 1 : -1;
    const sy = b ? 1 : -1;
    const sz = d ? 1 : -1;
    g[3 * c] = sx * fy * fz;
    g[3 * c + 1] = fx * sy * fz;
    g[3 * c + 2] = fx * fy * sz;
  }
  return g;
}

/** Strain-displacement matrix B (6×24, row-major) of the unit cube at (x, y, z); divide by h for edge h. */
export function strainMatrix(x: number, y: number, z: number): Float64Array {
  const g = shapeGradients(x, y, z);
  const B = new Float64Array(6 * 24);
  for (let c = 0; c < 8; c++) {
    const dx = g[3 * c]!;
    const dy = g[3 * c + 1]!;
    const dz = g[3 * c + 2]!;
    const col = 3 * c;
    B[0 * 24 + col] = dx;
    B[1 * 24 + col + 1] = dy;
    B[2 * 24 + col + 2] = dz;
    B[3 * 24 + col] = dy; // γxy = du/dy + dv/dx
    B[3 * 24 + col + 1] = dx;
    B[4 * 24 + col + 1] = dz; // γyz = dv/dz + dw/dy
    B[4 * 24 + col + 2] = dy;
    B[5 * 24 + col] = dz; // γzx = du/dz + dw/dx
    B[5 * 24 + col + 2] = dx;
  }
  return B;
}

export interface ReferenceStiffness {
  /** ∫ Bᵀ m mᵀ B dV over the unit cube (m = [1,1,1,0,0,0]): multiplies λ. 24×24 row-major. */
  kLambda: Float64Array;
  /** ∫ Bᵀ diag(2,2,2,1,1,1) B dV over the unit cube: multiplies μ. 24×24 row-major. */
  kMu: Float64Array;
}

let cached: ReferenceStiffness | undefined;

/** The two 24×24 parts of the unit-cube stiffness (computed once, 2×2×2 Gauss points at 1/2 ± 1/(2√3)). */
export function referenceStiffness(): ReferenceStiffness {
  if (cached) return cached;
  const kLambda = new Float64Array(576);
  const kMu = new Float64Array(576);
  const gp = [0.5 - 0.5 / Math.sqrt(3), 0.5 + 0.5 / Math.sqrt(3)];
  const w = 1 / 8; // Gauss weights (1 each on [-1,1]) × Jacobian (1/2)³ of the map to [0,1]
  for (const x of gp)
    for (const y of gp)
      for (const z of gp) {
        const B = strainMatrix(x, y, z);
        for (let r = 0; r < 24; r++)
          for (let s = 0; s < 24; s++) {
            const tr = B[r]! + B[24 + r]! + B[48 + r]!;
            const ts = B[s]! + B[24 + s]! + B[48 + s]!;
            kLambda[r * 24 + s]! += w * tr * ts;
            let m = 0;
            for (let q = 0; q < 6; q++) m += (q < 3 ? 2 : 1) * B[q * 24 + r]! * B[q * 24 + s]!;
            kMu[r * 24 + s]! += w * m;
          }
      }
  cached = { kLambda, kMu };
  return cached;
}

/** Lamé constants (MPa) from Young's modulus E (MPa) and Poisson ratio ν (must be in (-1, 0.5)). */
export function lame(E: number, nu: number): { lambda: number; mu: number } {
  if (!(nu > -1 && nu < 0.5)) throw new Error(`Poisson ratio must be in (-1, 0.5), got ${nu}`);
  if (!(E > 0) || !Number.isFinite(E))
    throw new Error(`Young's modulus must be a positive number (MPa), got ${E}`);
  return { lambda: (E * nu) / ((1 + nu) * (1 - 2 * nu)), mu: E / (2 * (1 + nu)) };
}
