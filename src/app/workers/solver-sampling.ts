// Grid → surface sampling for the solver worker: precomputes, per mesh vertex (world RAS mm), up to 8 grid
// cells and weights (trilinear weights restricted to tissue cells and renormalised; when none of the 8 corners is
// tissue, the nearest tissue cell within SEARCH_CELLS). Then each frame is a cheap gather. Vertices with no
// tissue nearby get the no-data sentinel (−1e30, drawn grey). Frame: grid axis-aligned in RAS (affine diagonal).
const SEARCH_CELLS = 3;
export const NO_DATA_VALUE = -1e30;

export interface GridLike {
  dims: [number, number, number];
  /** Row-major 4×4, diagonal spacing h plus origin. */
  origin: [number, number, number];
  h: number;
  /** Grid index → compact index (−1 outside tissue). */
  index: Int32Array;
}

export interface SamplePlan {
  nVertices: number;
  /** 8 compact indices per vertex (−1 unused). */
  cells: Int32Array;
  weights: Float32Array;
}

export function planSampling(grid: GridLike, positions: Float32Array): SamplePlan {
  const nV = positions.length / 3;
  const cells = new Int32Array(8 * nV).fill(-1);
  const weights = new Float32Array(8 * nV);
  const [nx, ny, nz] = grid.dims;
  const at = (i: number, j: number, k: number) =>
    i < 0 || j < 0 || k < 0 || i >= nx || j >= ny || k >= nz ? -1 : grid.index[i + nx * (j + ny * k)]!;
  for (let v = 0; v < nV; v++) {
    const x = (positions[3 * v]! - grid.origin[0]) / grid.h;
    const y = (positions[3 * v + 1]! - grid.origin[1]) / grid.h;
    const z = (positions[3 * v + 2]! - grid.origin[2]) / grid.h;
    const i0 = Math.floor(x), j0 = Math.floor(y), k0 = Math.floor(z);
    const fx = x - i0, fy = y - j0, fz = z - k0;
    let sum = 0;
    for (let c = 0; c < 8; c++) {
      const di = c & 1, dj = (c >> 1) & 1, dk = (c >> 2) & 1;
      const cell = at(i0 + di, j0 + dj, k0 + dk);
      if (cell < 0) continue;
      const w = (di ? fx : 1 - fx) * (dj ? fy : 1 - fy) * (dk ? fz : 1 - fz) + 1e-6;
      cells[8 * v + c] = cell;
      weights[8 * v + c] = w;
      sum += w;
    }
    if (sum > 0) {
      for (let c = 0; c < 8; c++) weights[8 * v + c] = weights[8 * v + c]! / sum;
      continue;
    }
    let best = -1;
    let bestD = Infinity;
    const ic = Math.round(x), jc = Math.round(y), kc = Math.round(z);
    for (let dk = -SEARCH_CELLS; dk <= SEARCH_CELLS; dk++)
      for (let dj = -SEARCH_CELLS; dj <= SEARCH_CELLS; dj++)
        for (let di = -SEARCH_CELLS; di <= SEARCH_CELLS; di++) {
          const cell = at(ic + di, jc + dj, kc + dk);
          if (cell < 0) continue;
          const d = (ic + di - x) ** 2 + (jc + dj - y) ** 2 + (kc + dk - z) ** 2;
          if (d < bestD) {
            bestD = d;
            best = cell;
          }
        }
    if (best >= 0) {
      cells[8 * v] = best;
      weights[8 * v] = 1;
    }
  }
  return { nVertices: nV, cells, weights };
}

/** Samples a compact per-cell array onto the vertices (NaN cells are skipped; none left → no-data). */
export function applySampling(plan: SamplePlan, values: Float32Array, out = new Float32Array(plan.nVertices)): Float32Array {
  const { cells, weights } = plan;
  for (let v = 0; v < plan.nVertices; v++) {
    let s = 0;
    let w = 0;
    for (let c = 8 * v; c < 8 * v + 8; c++) {
      const cell = cells[c]!;
      if (cell < 0) continue;
      const x = values[cell]!;
      if (x !== x) continue;
      s += weights[c]! * x;
      w += weights[c]!;
    }
    out[v] = w > 0 ? s / w : NO_DATA_VALUE;
  }
  return out;
}
