// Anisotropic diffusion operator on the compacted grid: a flux-based 19-point stencil for ∇·(D∇V) with the full
// 3×3 tensor D = (σ_t I + (σ_l − σ_t) f fᵀ)·scale / (χ C_m), no-flux on the tissue boundary.
// Units: σ in S/m, χ in 1/cm, C_m in µF/cm² → D in mm²/ms: D = σ/(χ C_m) · 1e3 / 1e... worked out below:
//   σ/(χ C_m) [S/m / (1/cm · µF/cm²)] = σ[S/m] / (χ·100 [1/m] · C_m·0.01 [F/m²]) m²/s = σ/(χ C_m) m²/s
//   and 1 m²/s = 1e6 mm² / 1e3 ms = 1e3 mm²/ms, so D[mm²/ms] = 1e3 · σ / (χ · C_m).
//   (Niederer 2011: σ_l 0.1334 S/m, χ 1400/cm, C_m 1 → D_l = 0.0953 mm²/ms.)
// Scheme: for each face between two tissue voxels (face D = mean of the two cells' D), flux
// F_a = D_aa ∂_aV + Σ_b≠a D_ab ∂_bV with ∂_bV from the 4 voxels around the face; voxels missing from the
// mask fall back to their partner on the same side of the face (mirror). Faces to non-tissue carry no flux.
// Frame: grid IJK axes (= world axes, see grid.ts). Output weights in 1/ms per mV.
import type { EpGrid } from './grid';

export interface Conductivity {
  /** Along-fibre and cross-fibre monodomain conductivity, S/m. */
  sigmaL: number;
  sigmaT: number;
  /** Surface-to-volume ratio, 1/cm. */
  chi: number;
  /** Membrane capacitance, µF/cm². */
  cm: number;
}

export const NIEDERER_CONDUCTIVITY: Conductivity = { sigmaL: 0.1334, sigmaT: 0.0176, chi: 1400, cm: 1 };

/** Diffusivity (mm²/ms) for a conductivity σ (S/m). */
export function diffusivity(sigma: number, c: Conductivity): number {
  return (1e3 * sigma) / (c.chi * c.cm);
}

/** The 18 neighbour offsets (6 faces then 12 edges); slot 0 of the weights is the centre. */
export const OFFSETS: readonly (readonly [number, number, number])[] = (() => {
  const out: [number, number, number][] = [];
  for (const [a, b, c] of [
    [1, 0, 0],
    [-1, 0, 0],
    [0, 1, 0],
    [0, -1, 0],
    [0, 0, 1],
    [0, 0, -1],
  ] as const)
    out.push([a, b, c]);
  for (let dz = -1; dz <= 1; dz++)
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++)
        if (Math.abs(dx) + Math.abs(dy) + Math.abs(dz) === 2) out.push([dx, dy, dz]);
  return out;
})();
export const NB = 18;

export interface Stencil {
  n: number;
  /** nb[c·18 + k] = compact index of neighbour k (c itself where its weight is 0). */
  nb: Int32Array;
  /** w[c·19]: centre weight, w[c·19 + 1 + k]: neighbour k; 1/ms. */
  w: Float32Array;
  /** Largest Gershgorin row sum Σ|w| (1/ms): forward Euler on diffusion is stable for dt ≤ 2/lambdaMax. */
  lambdaMax: number;
  dMaxMm2PerMs: number;
}

/** Diffusion tensor component (mm²/ms) of cell c, computed from its fibre and scale (no per-cell storage). */
type TensorComp = (c: number, p: number, q: number) => number;

function tensorOnTheFly(grid: EpGrid, dl: number, dt_: number): TensorComp {
  return (c, p, q) => {
    const s = grid.sigmaScale[c]!;
    const fp = grid.fibres[3 * c + p]!;
    const fq = grid.fibres[3 * c + q]!;
    return (p === q ? dt_ * s : 0) + (dl - dt_) * s * fp * fq;
  };
}

/** Row builder: fill(c) writes cell c's 19 weights (1/ms; slot 0 centre, 1+k neighbour k) into `row`. */
function rowBuilder(grid: EpGrid, comp: TensorComp) {
  const { dims, dxMm: h } = grid;
  const [nx, ny, nz] = dims;
  const slot = new Int8Array(27).fill(-1);
  OFFSETS.forEach(([a, b, c], k) => (slot[a + 1 + 3 * (b + 1) + 9 * (c + 1)] = k + 1));
  slot[13] = 0;
  const row = new Float64Array(NB + 1);
  const ijk = [0, 0, 0];
  const at = (o: readonly number[]): number => {
    const i = ijk[0]! + o[0]!,
      j = ijk[1]! + o[1]!,
      k = ijk[2]! + o[2]!;
    if (i < 0 || j < 0 || k < 0 || i >= nx || j >= ny || k >= nz) return -1;
    return grid.index[i + nx * (j + ny * k)]!;
  };
  const add = (o: number[], fallback: number[], v: number) => {
    const use = at(o) >= 0 ? o : fallback;
    row[slot[use[0]! + 1 + 3 * (use[1]! + 1) + 9 * (use[2]! + 1)]!]! += v;
  };
  const h2 = h * h;
  const fill = (c: number): void => {
    const g = grid.cells[c]!;
    ijk[0] = g % nx;
    ijk[1] = Math.floor(g / nx) % ny;
    ijk[2] = Math.floor(g / (nx * ny));
    row.fill(0);
    for (let a = 0; a < 3; a++)
      for (const s of [1, -1]) {
        const oN = [0, 0, 0];
        oN[a] = s;
        const m = at(oN);
        if (m < 0) continue;
        const daa = 0.5 * (comp(c, a, a) + comp(m, a, a));
        row[slot[oN[0]! + 1 + 3 * (oN[1]! + 1) + 9 * (oN[2]! + 1)]!]! += daa / h2;
        row[0]! -= daa / h2;
        for (let b = 0; b < 3; b++) {
          if (b === a) continue;
          const coef = (s * 0.5 * (comp(c, a, b) + comp(m, a, b))) / (4 * h2);
          if (coef === 0) continue;
          const up = [0, 0, 0],
            dn = [0, 0, 0],
            nUp = [...oN],
            nDn = [...oN];
          up[b] = 1;
          dn[b] = -1;
          nUp[b] = 1;
          nDn[b] = -1;
          add(up, [0, 0, 0], coef);
          add(nUp, oN, coef);
          add(dn, [0, 0, 0], -coef);
          add(nDn, oN, -coef);
        }
      }
  };
  /** Gershgorin row sum Σ|w| of the row last filled (neighbour weights count only where the neighbour is tissue). */
  const absSum = (): number => {
    let sum = Math.abs(row[0]!);
    for (let k = 0; k < NB; k++) sum += Math.abs(row[k + 1]!);
    return sum;
  };
  return { row, at, fill, absSum };
}

/**
 * λ_max of the stencil (the largest Gershgorin row sum, 1/ms) without assembling it: O(1) extra memory, so
 * the stability limit can be checked before the stencil's ~200 bytes per cell are allocated.
 */
export function stencilLambdaMax(
  grid: EpGrid,
  cond: Conductivity,
): { lambdaMax: number; dMaxMm2PerMs: number } {
  const dl = diffusivity(cond.sigmaL, cond);
  const dt_ = diffusivity(cond.sigmaT, cond);
  const rows = rowBuilder(grid, tensorOnTheFly(grid, dl, dt_));
  let lambdaMax = 0;
  let dMax = 0;
  for (let c = 0; c < grid.n; c++) {
    rows.fill(c);
    lambdaMax = Math.max(lambdaMax, rows.absSum());
    dMax = Math.max(dMax, dl * grid.sigmaScale[c]!);
  }
  return { lambdaMax, dMaxMm2PerMs: dMax };
}

export function assembleStencil(grid: EpGrid, cond: Conductivity): Stencil {
  const { n } = grid;
  const dl = diffusivity(cond.sigmaL, cond);
  const dt_ = diffusivity(cond.sigmaT, cond);
  const D = new Float64Array(6 * n); // xx yy zz xy yz zx
  let dMax = 0;
  for (let c = 0; c < n; c++) {
    const s = grid.sigmaScale[c]!;
    const f0 = grid.fibres[3 * c]!,
      f1 = grid.fibres[3 * c + 1]!,
      f2 = grid.fibres[3 * c + 2]!;
    const a = (dl - dt_) * s;
    D.set(
      [
        dt_ * s + a * f0 * f0,
        dt_ * s + a * f1 * f1,
        dt_ * s + a * f2 * f2,
        a * f0 * f1,
        a * f1 * f2,
        a * f2 * f0,
      ],
      6 * c,
    );
    dMax = Math.max(dMax, dl * s);
  }
  const comp: TensorComp = (c, p, q) => {
    if (p === q) return D[6 * c + p]!;
    const m = p + q === 1 ? 3 : p + q === 3 ? 4 : 5;
    return D[6 * c + m]!;
  };
  const { row, at, fill, absSum } = rowBuilder(grid, comp);
  const nb = new Int32Array(n * NB);
  const w = new Float32Array(n * (NB + 1));
  let lambdaMax = 0;
  for (let c = 0; c < n; c++) {
    fill(c);
    w[c * (NB + 1)] = row[0]!;
    for (let k = 0; k < NB; k++) {
      const v = row[k + 1]!;
      const m = v !== 0 ? at(OFFSETS[k]!) : -1;
      nb[c * NB + k] = m >= 0 ? m : c;
      w[c * (NB + 1) + 1 + k] = m >= 0 ? v : 0;
    }
    lambdaMax = Math.max(lambdaMax, absSum());
  }
  return { n, nb, w, lambdaMax, dMaxMm2PerMs: dMax };
}

/** out[c] = Σ_k w_ck V[nb_ck] (mV/ms): the reference diffusion operator and the 'js' backend. */
export function applyDiffusion(st: Stencil, v: Float32Array, out: Float32Array): void {
  const { n, nb, w } = st;
  for (let c = 0; c < n; c++) {
    const wb = c * 19;
    const nbb = c * 18;
    let s = w[wb]! * v[c]!;
    for (let k = 0; k < 18; k++) s += w[wb + 1 + k]! * v[nb[nbb + k]!]!;
    out[c] = s;
  }
}

/**
 * Throws a clear Error when dt exceeds the explicit limit 2/λ_max — of an assembled stencil, or of
 * stencilLambdaMax(grid, cond) before assembling (same numbers, no allocation).
 */
export function checkStability(
  st: Pick<Stencil, 'lambdaMax' | 'dMaxMm2PerMs'>,
  dtMs: number,
  dxMm: number,
): void {
  const dtMax = 2 / st.lambdaMax;
  if (dtMs > dtMax) {
    const dxMin = dxMm * Math.sqrt(dtMs / dtMax);
    throw new Error(
      `EP: dt = ${dtMs} ms exceeds the explicit stability limit ${dtMax.toPrecision(3)} ms for dx = ${dxMm} mm ` +
        `(D_max = ${st.dMaxMm2PerMs.toPrecision(3)} mm²/ms): use dt ≤ ${dtMax.toPrecision(3)} ms or dx ≥ ${dxMin.toPrecision(3)} mm`,
    );
  }
}
