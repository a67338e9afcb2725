// Nearest-neighbour resampling of a solver grid field (EP grid, mechanics node grid: its own affine and spacing)
// into the pixel grid of a 2D slice view. Each display pixel goes pixel -> scan voxel IJK -> world RAS mm -> grid
// IJK (continuous) -> nearest grid point -> compact index. The plan (one index per pixel, −1 = no tissue) is
// built once per slice and grid; every time frame is then a gather. Pure maths, no DOM: runs in Node tests.
// Units: values in the field's own units (mV, ms, MPa, kPa, mm). Frames: voxel IJK, world RAS mm, grid IJK.
import { invertAffine } from '../../volume/affine';
import type { Vec3 } from '../../volume/types';
import { pixelToIjk, sliceFrame, type SlicePlane } from './slice';

/** Values at or below this (the solver sampling's −1e30 sentinel) or NaN mean "no data". */
export const NO_DATA_BELOW = -1e29;

export interface GridGeometry {
  dims: Vec3;
  /** Row-major 4×4, grid (i, j, k, 1) -> world RAS mm. */
  gridToWorld: Float64Array;
  /** Grid index i + nx·(j + ny·k) -> compact value index, −1 outside tissue; absent = values are the full grid. */
  index?: Int32Array;
}

/** Row-major 4×4 product a·b. */
function mul(a: Float64Array, b: Float64Array): Float64Array {
  const r = new Float64Array(16);
  for (let i = 0; i < 4; i++)
    for (let j = 0; j < 4; j++) {
      let s = 0;
      for (let k = 0; k < 4; k++) s += a[4 * i + k]! * b[4 * k + j]!;
      r[4 * i + j] = s;
    }
  return r;
}

/**
 * Per display pixel of slice `sliceIndex` (row-major, screen y down): the value index of the nearest grid point,
 * or −1 when the pixel lies outside the grid or on a non-tissue point.
 */
export function planSliceResample(
  scanDims: Vec3,
  scanIjkToWorld: Float64Array,
  plane: SlicePlane,
  sliceIndex: number,
  grid: GridGeometry,
): Int32Array {
  const f = sliceFrame(scanDims, scanIjkToWorld, plane);
  // scan IJK -> grid IJK, then an affine map of the display pixel (x, y): g = g0 + x·gx + y·gy.
  const a = mul(invertAffine(grid.gridToWorld), scanIjkToWorld);
  const toGrid = (ijk: Vec3): Vec3 =>
    [0, 1, 2].map((r) => a[4 * r]! * ijk[0] + a[4 * r + 1]! * ijk[1] + a[4 * r + 2]! * ijk[2] + a[4 * r + 3]!) as Vec3;
  const g0 = toGrid(pixelToIjk(f, sliceIndex, 0, 0));
  const g1 = toGrid(pixelToIjk(f, sliceIndex, 1, 0));
  const g2 = toGrid(pixelToIjk(f, sliceIndex, 0, 1));
  const gx = [g1[0] - g0[0], g1[1] - g0[1], g1[2] - g0[2]];
  const gy = [g2[0] - g0[0], g2[1] - g0[1], g2[2] - g0[2]];
  const [nx, ny, nz] = grid.dims;
  const plan = new Int32Array(f.width * f.height).fill(-1);
  for (let y = 0; y < f.height; y++)
    for (let x = 0; x < f.width; x++) {
      const i = Math.round(g0[0] + x * gx[0]! + y * gy[0]!);
      const j = Math.round(g0[1] + x * gx[1]! + y * gy[1]!);
      const k = Math.round(g0[2] + x * gx[2]! + y * gy[2]!);
      if (i < 0 || j < 0 || k < 0 || i >= nx || j >= ny || k >= nz) continue;
      const g = i + nx * (j + ny * k);
      plan[y * f.width + x] = grid.index ? grid.index[g]! : g;
    }
  return plan;
}

/** Gathers one frame of values through a plan; NaN where there is no grid point or no data. */
export function applySliceResample(plan: Int32Array, values: Float32Array, out = new Float32Array(plan.length)): Float32Array {
  for (let p = 0; p < plan.length; p++) {
    const c = plan[p]!;
    const v = c >= 0 ? values[c]! : NaN;
    out[p] = v > NO_DATA_BELOW ? v : NaN;
  }
  return out;
}
