// Electrical connectivity of a voxel tissue mask. The monodomain stencil couples voxels through shared faces
// (stencil.ts), but a thin wall (atria, RV free wall: 1-2 voxels at 1.5-2 mm) resampled onto a grid is often
// only edge/corner-connected: 26-connected in the segmentation, split into islands for the solver, so a wave
// can never cross. bridgeDiagonalContacts adds, for every pair of tissue voxels that touch only along an edge
// or at a corner, the voxel(s) of one face path between them (preferring voxels flagged in `prefer`, e.g.
// inside the heart label), which makes every 26-connected piece 6-connected; keepLargestComponent then drops
// what is still isolated (segmentation specks). Frame: voxel IJK of the grid (i fastest); no physical units.
import type { Vec3 } from '../../volume/types';
import { connectedComponents } from '../../volume/segment';

export interface ConnectivityReport {
  /** Voxels added to bridge edge/corner-only contacts. */
  bridged: number;
  /** Voxels removed because they are not face-connected to the largest piece. */
  removed: number;
  /** Number of face-connected pieces before the largest was kept. */
  components: number;
  /** Tissue voxels before and after. */
  before: number;
  after: number;
}

/** The 10 edge/corner offsets that come "after" the voxel in raster order (each unordered pair once). */
const FORWARD_DIAGONALS: Vec3[] = (() => {
  const out: Vec3[] = [];
  for (let dk = -1; dk <= 1; dk++)
    for (let dj = -1; dj <= 1; dj++)
      for (let di = -1; di <= 1; di++) {
        const l1 = Math.abs(di) + Math.abs(dj) + Math.abs(dk);
        const forward = dk > 0 || (dk === 0 && (dj > 0 || (dj === 0 && di > 0)));
        if (l1 >= 2 && forward) out.push([di, dj, dk]);
      }
  return out;
})();

/** Adds face bridges in place; returns the number of voxels added. */
export function bridgeDiagonalContacts(mask: Uint8Array, dims: Vec3, prefer?: Uint8Array): number {
  const [nx, ny, nz] = dims;
  const stride: Vec3 = [1, nx, nx * ny];
  let added = 0;
  const score = (g: number) => (prefer?.[g] ? 1 : 0);
  const offs = FORWARD_DIAGONALS.map((d) => {
    const steps = [0, 1, 2].filter((ax) => d[ax] !== 0).map((ax) => d[ax]! * stride[ax]!);
    return { d, steps, delta: steps.reduce((x, s) => x + s, 0) };
  });
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        const p = i + nx * (j + ny * k);
        if (!mask[p]) continue;
        for (const { d, steps, delta } of offs) {
          const a = i + d[0];
          const b = j + d[1];
          const c = k + d[2];
          if (a < 0 || b < 0 || c < 0 || a >= nx || b >= ny || c >= nz) continue;
          if (mask[p + delta]) added += bridge(p, steps, mask, score);
        }
      }
  return added;
}

/** p and q = p + Σ steps (2 or 3 unit steps on different axes): add a face path if none exists. */
function bridge(p: number, steps: number[], mask: Uint8Array, score: (g: number) => number): number {
  if (steps.length === 2) {
    const [s, t] = steps as [number, number];
    if (mask[p + s] || mask[p + t]) return 0;
    const g = score(p + t) > score(p + s) ? p + t : p + s;
    mask[g] = 1;
    return 1;
  }
  const [s, t, u] = steps as [number, number, number];
  const orders: [number, number, number][] = [
    [s, t, u],
    [s, u, t],
    [t, s, u],
    [t, u, s],
    [u, s, t],
    [u, t, s],
  ];
  let best: [number, number] | undefined;
  let bestScore = -1;
  for (const [x, y] of orders) {
    const m1 = p + x;
    const m2 = p + x + y;
    if (mask[m1] && mask[m2]) return 0; // already face-connected
    const sc = (mask[m1] ? 4 : score(m1)) + (mask[m2] ? 4 : score(m2));
    if (sc > bestScore) {
      bestScore = sc;
      best = [m1, m2];
    }
  }
  let added = 0;
  for (const g of best!)
    if (!mask[g]) {
      mask[g] = 1;
      added++;
    }
  return added;
}

/** Keeps only the largest face-connected (6-connected) piece, in place; returns removed count and pieces. */
export function keepLargestComponent(mask: Uint8Array, dims: Vec3): { removed: number; components: number } {
  const cc = connectedComponents(mask, dims, 6);
  let removed = 0;
  for (let g = 0; g < mask.length; g++)
    if (mask[g] && cc.labels[g] !== 1) {
      mask[g] = 0;
      removed++;
    }
  return { removed, components: cc.sizes.length };
}

/** Bridge, then keep the largest piece; mask is modified in place. */
export function repairConnectivity(mask: Uint8Array, dims: Vec3, prefer?: Uint8Array): ConnectivityReport {
  let before = 0;
  for (let g = 0; g < mask.length; g++) if (mask[g]) before++;
  const bridged = bridgeDiagonalContacts(mask, dims, prefer);
  const { removed, components } = keepLargestComponent(mask, dims);
  return { bridged, removed, components, before, after: before + bridged - removed };
}
