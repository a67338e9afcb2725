// EP domain from a label map (used by the solver worker): resamples the chosen labels (e.g. heart myocardium)
// onto an isotropic axis-aligned grid of spacing dx mm (nearest voxel through the inverse affine), builds the
// compacted EpGrid with uniform fibres, and picks a default pacing site. Frames: label voxel IJK → world RAS mm;
// the EP grid is axis-aligned in RAS (see src/solvers/ep/grid.ts).
import { applyAffine, invertAffine } from '../../volume/affine';
import type { Vec3, Volume } from '../../volume/types';
import { cellWorld, checkEpBudget, gridFromMask, type EpGrid } from '../../solvers/ep';

const MAX_CELLS = 3_000_000;

/** World bounding box (mm) of voxels whose label is in `values`. */
function labelBounds(labels: Volume, set: Set<number>): { min: Vec3; max: Vec3 } | undefined {
  const [nx, ny, nz] = labels.dims;
  let lo: Vec3 = [Infinity, Infinity, Infinity];
  let hi: Vec3 = [-Infinity, -Infinity, -Infinity];
  const p: Vec3 = [0, 0, 0];
  let any = false;
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        if (!set.has(labels.data[i + nx * (j + ny * k)]!)) continue;
        any = true;
        applyAffine(labels.ijkToWorld, i, j, k, p);
        lo = [Math.min(lo[0], p[0]), Math.min(lo[1], p[1]), Math.min(lo[2], p[2])];
        hi = [Math.max(hi[0], p[0]), Math.max(hi[1], p[1]), Math.max(hi[2], p[2])];
      }
  return any ? { min: lo, max: hi } : undefined;
}

export function epGridFromLabels(labels: Volume, values: number[], dxMm: number): EpGrid {
  const set = new Set(values);
  const b = labelBounds(labels, set);
  if (!b) throw new Error(`EP: the label map '${labels.name}' has no voxel with label ${values.join(', ')}`);
  const pad = dxMm;
  const origin: Vec3 = [b.min[0] - pad, b.min[1] - pad, b.min[2] - pad];
  const dims = [0, 1, 2].map((a) => Math.ceil((b.max[a]! + pad - origin[a]!) / dxMm) + 1) as Vec3;
  const what = `the heart in '${labels.name}'`;
  checkEpBudget({ dims, cells: 0, dxMm, what }); // the dense mask; tissue voxels are checked in gridFromMask
  if (dims[0] * dims[1] * dims[2] > MAX_CELLS * 8)
    throw new Error(`EP: grid ${dims.join('×')} at dx = ${dxMm} mm is too large; use a larger dx`);
  const inv = invertAffine(labels.ijkToWorld);
  const [lx, ly, lz] = labels.dims;
  const mask = new Uint8Array(dims[0] * dims[1] * dims[2]);
  const q: Vec3 = [0, 0, 0];
  for (let k = 0; k < dims[2]; k++)
    for (let j = 0; j < dims[1]; j++)
      for (let i = 0; i < dims[0]; i++) {
        applyAffine(inv, origin[0] + i * dxMm, origin[1] + j * dxMm, origin[2] + k * dxMm, q);
        const a = Math.round(q[0]);
        const c = Math.round(q[1]);
        const d = Math.round(q[2]);
        if (a < 0 || c < 0 || d < 0 || a >= lx || c >= ly || d >= lz) continue;
        if (set.has(labels.data[a + lx * (c + ly * d)]!)) mask[i + dims[0] * (j + dims[1] * k)] = 1;
      }
  const grid = gridFromMask(dims, dxMm, origin, mask, [1, 0, 0], what);
  if (grid.n > MAX_CELLS) throw new Error(`EP: ${grid.n} tissue voxels at dx = ${dxMm} mm is too many; use a larger dx`);
  return grid;
}

/** A default pacing site: the most inferior tissue voxel (≈ the apex for a heart in standard orientation). */
export function defaultPacingSite(grid: EpGrid): Vec3 {
  let best: Vec3 = cellWorld(grid, 0);
  for (let c = 1; c < grid.n; c++) {
    const w = cellWorld(grid, c);
    if (w[2] < best[2]) best = w;
  }
  return best;
}

/** Tissue centroid (mm), for placing virtual ECG electrodes around the heart. */
export function tissueCentroid(grid: EpGrid): Vec3 {
  const s: Vec3 = [0, 0, 0];
  for (let c = 0; c < grid.n; c++) {
    const w = cellWorld(grid, c);
    s[0] += w[0];
    s[1] += w[1];
    s[2] += w[2];
  }
  return [s[0] / grid.n, s[1] / grid.n, s[2] / grid.n];
}
