// Samples a per-cell field of a compact solver grid (EP grid: activation ms, Vm mV, ...) onto surface-mesh
// vertices (world RAS mm): trilinear over the 8 surrounding voxels that are tissue and finite (weights
// renormalised), else the nearest tissue voxel within `searchVoxels` (surface vertices sit up to ~1 voxel
// outside the mask), else NaN. Grid frame: axis-aligned, ijkToWorld = diag(dx) + origin.
import type { EpGrid } from '../ep/grid';

export type SamplingGrid = Pick<EpGrid, 'dims' | 'dxMm' | 'ijkToWorld' | 'index'>;

export function sampleGridToMesh(
  grid: SamplingGrid,
  values: Float32Array,
  positions: Float32Array,
  searchVoxels = 3,
): Float32Array {
  const [nx, ny, nz] = grid.dims;
  const h = grid.dxMm;
  const o = [grid.ijkToWorld[3]!, grid.ijkToWorld[7]!, grid.ijkToWorld[11]!];
  const nv = Math.floor(positions.length / 3);
  const out = new Float32Array(nv);
  const val = (i: number, j: number, k: number): number => {
    if (i < 0 || j < 0 || k < 0 || i >= nx || j >= ny || k >= nz) return NaN;
    const c = grid.index[i + nx * (j + ny * k)]!;
    return c >= 0 ? values[c]! : NaN;
  };
  for (let v = 0; v < nv; v++) {
    const x = (positions[3 * v]! - o[0]!) / h;
    const y = (positions[3 * v + 1]! - o[1]!) / h;
    const z = (positions[3 * v + 2]! - o[2]!) / h;
    const i0 = Math.floor(x),
      j0 = Math.floor(y),
      k0 = Math.floor(z);
    const fx = x - i0,
      fy = y - j0,
      fz = z - k0;
    let s = 0;
    let ws = 0;
    for (let d = 0; d < 8; d++) {
      const di = d & 1,
        dj = (d >> 1) & 1,
        dk = (d >> 2) & 1;
      const q = val(i0 + di, j0 + dj, k0 + dk);
      if (q !== q) continue;
      const w = (di ? fx : 1 - fx) * (dj ? fy : 1 - fy) * (dk ? fz : 1 - fz);
      s += w * q;
      ws += w;
    }
    if (ws > 1e-6) {
      out[v] = s / ws;
      continue;
    }
    let best = NaN;
    let bestD = Infinity;
    const ri = Math.round(x),
      rj = Math.round(y),
      rk = Math.round(z);
    for (let dk = -searchVoxels; dk <= searchVoxels; dk++)
      for (let dj = -searchVoxels; dj <= searchVoxels; dj++)
        for (let di = -searchVoxels; di <= searchVoxels; di++) {
          const q = val(ri + di, rj + dj, rk + dk);
          if (q !== q) continue;
          const d = (ri + di - x) ** 2 + (rj + dj - y) ** 2 + (rk + dk - z) ** 2;
          if (d < bestD) {
            bestD = d;
            best = q;
          }
        }
    out[v] = best;
  }
  return out;
}
