// Nearest-neighbour resampling of a solver grid field into slice pixels, checked against the geometry itself:
// for scans with RAS, LPS-flipped and axis-permuted affines and grids with their own spacing, origin and axis
// order, every pixel that gets a value gets the grid point nearest to the pixel's world position (within half a
// grid spacing on each grid axis), pixels off the grid or on non-tissue points get none (NaN), and no-data values
// stay empty. Frames: scan voxel IJK, world RAS mm, grid IJK. Units: mm.
import { describe, expect, it } from 'vitest';
import {
  applySliceResample,
  planSliceResample,
  type GridGeometry,
} from '../../../src/app/workers/slice-field';
import { ijkToWorld, pixelToIjk, sliceFrame, type SlicePlane } from '../../../src/app/workers/slice';
import { invertAffine, applyAffine } from '../../../src/volume/affine';
import type { Vec3 } from '../../../src/volume/types';
import { affineFromColumns } from '../affine-fixture';

/** Grid-coordinate slack for "nearest" (rounding at exactly half a cell may go either way). */
const HALF_CELL_TOL = 0.5 + 1e-9;

const affine = affineFromColumns;

const SCAN_DIMS: Vec3 = [30, 26, 22];
const SCANS: Record<string, Float64Array> = {
  ras: affine(
    [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1.5],
    ],
    [-15, -13, -16],
  ),
  lps: affine(
    [
      [-1.2, 0, 0],
      [0, -1.2, 0],
      [0, 0, 2],
    ],
    [18, 15, -20],
  ),
  permuted: affine(
    [
      [0, 0, 1.5],
      [-1, 0, 0],
      [0, 1.1, 0],
    ],
    [14, -12, -16],
  ),
};

/** A grid of spacing 2.5 mm over part of the scan; tissue = a ball of radius 9 mm, compact values = grid index. */
function ballGrid(
  gridToWorld: Float64Array,
  dims: Vec3,
): { grid: GridGeometry; values: Float32Array; tissue: Uint8Array } {
  const n = dims[0] * dims[1] * dims[2];
  const index = new Int32Array(n).fill(-1);
  const tissue = new Uint8Array(n);
  const cells: number[] = [];
  const p: Vec3 = [0, 0, 0];
  for (let k = 0; k < dims[2]; k++)
    for (let j = 0; j < dims[1]; j++)
      for (let i = 0; i < dims[0]; i++) {
        applyAffine(gridToWorld, i, j, k, p);
        if (Math.hypot(p[0] - 2, p[1] + 1, p[2] - 3) > 9) continue;
        const g = i + dims[0] * (j + dims[1] * k);
        index[g] = cells.length;
        tissue[g] = 1;
        cells.push(g);
      }
  return { grid: { dims, gridToWorld, index }, values: Float32Array.from(cells), tissue };
}

const GRIDS: Record<string, { m: Float64Array; dims: Vec3 }> = {
  'axis-aligned': {
    m: affine(
      [
        [2.5, 0, 0],
        [0, 2.5, 0],
        [0, 0, 2.5],
      ],
      [-10, -12, -8],
    ),
    dims: [10, 10, 10],
  },
  'permuted and flipped': {
    m: affine(
      [
        [0, -2.5, 0],
        [0, 0, 2.5],
        [2.5, 0, 0],
      ],
      [-9, 12, -7],
    ),
    dims: [9, 11, 10],
  },
};

function check(scan: Float64Array, plane: SlicePlane, gridCase: { m: Float64Array; dims: Vec3 }) {
  const { grid, values, tissue } = ballGrid(gridCase.m, gridCase.dims);
  const f = sliceFrame(SCAN_DIMS, scan, plane);
  const sliceIndex = Math.floor(f.count / 2);
  const plan = planSliceResample(SCAN_DIMS, scan, plane, sliceIndex, grid);
  const out = applySliceResample(plan, values);
  expect(out.length).toBe(f.width * f.height);
  const inv = invertAffine(gridCase.m);
  const [nx, ny, nz] = gridCase.dims;
  let hits = 0;
  for (let y = 0; y < f.height; y++)
    for (let x = 0; x < f.width; x++) {
      const w = ijkToWorld(scan, pixelToIjk(f, sliceIndex, x, y));
      const g = applyAffine(inv, w[0], w[1], w[2]);
      const v = out[y * f.width + x]!;
      const r = g.map(Math.round);
      const inside = r[0]! >= 0 && r[1]! >= 0 && r[2]! >= 0 && r[0]! < nx && r[1]! < ny && r[2]! < nz;
      if (Number.isNaN(v)) {
        // empty: off the grid, or the nearest grid point is not tissue
        if (inside) expect(tissue[r[0]! + nx * (r[1]! + ny * r[2]!)]).toBe(0);
        continue;
      }
      hits++;
      const gi = v;
      const gp = [gi % nx, Math.floor(gi / nx) % ny, Math.floor(gi / (nx * ny))];
      for (let a = 0; a < 3; a++) expect(Math.abs(gp[a]! - g[a]!)).toBeLessThanOrEqual(HALF_CELL_TOL);
    }
  return hits;
}

describe('planSliceResample', () => {
  for (const [scanName, scan] of Object.entries(SCANS))
    for (const [gridName, gridCase] of Object.entries(GRIDS))
      it(`picks the nearest grid point for a ${scanName} scan and an ${gridName} grid`, () => {
        for (const plane of ['axial', 'coronal', 'sagittal'] as const)
          expect(check(scan, plane, gridCase)).toBeGreaterThan(10);
      });

  it('reads a full grid (no compact index) and leaves no-data values empty', () => {
    const dims: Vec3 = [4, 4, 4];
    const grid: GridGeometry = {
      dims,
      gridToWorld: affine(
        [
          [5, 0, 0],
          [0, 5, 0],
          [0, 0, 5],
        ],
        [-7.5, -7.5, -7.5],
      ),
    };
    const values = Float32Array.from({ length: 64 }, (_, g) => (g % 2 ? -1e30 : g));
    values[21] = NaN;
    const scan = SCANS.ras!;
    const plan = planSliceResample(SCAN_DIMS, scan, 'axial', 11, grid);
    const out = applySliceResample(plan, values);
    let valid = 0;
    for (let p = 0; p < plan.length; p++) {
      const c = plan[p]!;
      if (c < 0 || c % 2 || c === 21) expect(Number.isNaN(out[p]!)).toBe(true);
      else {
        expect(out[p]).toBe(c);
        valid++;
      }
    }
    expect(valid).toBeGreaterThan(0);
  });
});
