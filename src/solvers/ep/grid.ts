// EP grid: an axis-aligned isotropic voxel grid (spacing dx mm) with a compacted tissue layout — the list of
// tissue voxels (compact index → grid index) and its inverse — plus a fibre unit vector and a conductivity
// scale per tissue voxel. Frames: voxel IJK (i fastest) and world RAS mm; the grid's ijkToWorld is
// diag(dx, dx, dx) + origin (no rotation), so fibre vectors are the same in IJK and world axes.
// Every builder checks the memory budget (budget.ts) before it allocates.
import type { Vec3 } from '../../volume/types';
import { checkEpBudget } from './budget';

export interface EpGrid {
  dims: Vec3;
  dxMm: number;
  /** Row-major 4x4 affine, (i,j,k,1) → world RAS mm; diagonal dx plus origin. */
  ijkToWorld: Float64Array;
  /** Number of tissue voxels. */
  n: number;
  /** Compact index → grid index i + dims0·(j + dims1·k). */
  cells: Int32Array;
  /** Grid index → compact index, −1 outside tissue. */
  index: Int32Array;
  /** Unit fibre direction per tissue voxel (3n, world = IJK axes). */
  fibres: Float32Array;
  /** Conductivity multiplier per tissue voxel (1 healthy, 0<s<1 partly conducting scar). */
  sigmaScale: Float32Array;
  /** Two points (world mm) along the fibres for a conduction-velocity readout, when the domain has a natural axis. */
  cvPoints?: [Vec3, Vec3];
}

export function gridAffine(dxMm: number, origin: Vec3): Float64Array {
  return Float64Array.from([dxMm, 0, 0, origin[0], 0, dxMm, 0, origin[1], 0, 0, dxMm, origin[2], 0, 0, 0, 1]);
}

/** Builds a grid from a node mask (1 = tissue) with uniform fibres. `what` names the domain in budget errors. */
export function gridFromMask(
  dims: Vec3,
  dxMm: number,
  origin: Vec3,
  mask: Uint8Array,
  fibre: Vec3 = [1, 0, 0],
  what = 'tissue mask',
): EpGrid {
  if (!(dxMm > 0)) throw new Error(`EP grid: dx must be positive, got ${dxMm} mm`);
  const total = dims[0] * dims[1] * dims[2];
  if (mask.length !== total) throw new Error(`EP grid: mask has ${mask.length} voxels, dims give ${total}`);
  let n = 0;
  for (let g = 0; g < total; g++) if (mask[g]) n++;
  if (n === 0) throw new Error('EP grid: the tissue mask is empty');
  checkEpBudget({ dims, cells: n, dxMm, what });
  const index = new Int32Array(total).fill(-1);
  n = 0;
  for (let g = 0; g < total; g++) if (mask[g]) index[g] = n++;
  const cells = new Int32Array(n);
  for (let g = 0; g < total; g++) if (index[g]! >= 0) cells[index[g]!] = g;
  const len = Math.hypot(...fibre) || 1;
  const fibres = new Float32Array(3 * n);
  for (let c = 0; c < n; c++) {
    fibres[3 * c] = fibre[0] / len;
    fibres[3 * c + 1] = fibre[1] / len;
    fibres[3 * c + 2] = fibre[2] / len;
  }
  return {
    dims,
    dxMm,
    ijkToWorld: gridAffine(dxMm, origin),
    n,
    cells,
    index,
    fibres,
    sigmaScale: new Float32Array(n).fill(1),
  };
}

function nodesAlong(L: number, dx: number, what: string): number {
  if (!(L > 0) || !Number.isFinite(L)) throw new Error(`${what} must be a positive length in mm, got ${L}`);
  const m = Math.round(L / dx);
  if (m < 1) throw new Error(`${what} = ${L} mm is shorter than dx = ${dx} mm`);
  return m + 1;
}

/** Vertex-centred slab [0,Lx]×[0,Ly]×[0,Lz] mm (nodes at i·dx), fibres along x (Niederer et al. 2011). */
export function slabDomain(Lx: number, Ly: number, Lz: number, dxMm: number): EpGrid {
  if (!(dxMm >= 0.01 && dxMm <= 5)) throw new Error(`slab: dx must be in [0.01, 5] mm, got ${dxMm}`);
  const dims: Vec3 = [
    nodesAlong(Lx, dxMm, 'slab Lx'),
    nodesAlong(Ly, dxMm, 'slab Ly'),
    nodesAlong(Lz, dxMm, 'slab Lz'),
  ];
  const what = `slab ${Lx}×${Ly}×${Lz} mm`;
  checkEpBudget({ dims, cells: dims[0] * dims[1] * dims[2], dxMm, what });
  const g = gridFromMask(
    dims,
    dxMm,
    [0, 0, 0],
    new Uint8Array(dims[0] * dims[1] * dims[2]).fill(1),
    [1, 0, 0],
    what,
  );
  const yc = Math.round((dims[1] - 1) / 2) * dxMm;
  const zc = Math.round((dims[2] - 1) / 2) * dxMm;
  const x = (f: number) => Math.round((dims[0] - 1) * f) * dxMm;
  g.cvPoints = [
    [x(0.25), yc, zc],
    [x(0.75), yc, zc],
  ];
  return g;
}

/** A 1-voxel-thick cable of length L mm along x (a 1D problem on the 3D stencil), fibres along x. */
export function cableDomain(L: number, dxMm: number): EpGrid {
  if (!(dxMm >= 0.005 && dxMm <= 5)) throw new Error(`cable: dx must be in [0.005, 5] mm, got ${dxMm}`);
  const nx = nodesAlong(L, dxMm, 'cable length');
  const what = `cable ${L} mm`;
  checkEpBudget({ dims: [nx, 1, 1], cells: nx, dxMm, what });
  const g = gridFromMask([nx, 1, 1], dxMm, [0, 0, 0], new Uint8Array(nx).fill(1), [1, 0, 0], what);
  const x = (f: number) => Math.round((nx - 1) * f) * dxMm;
  g.cvPoints = [
    [x(0.25), 0, 0],
    [x(0.75), 0, 0],
  ];
  return g;
}

/** World position (mm) of compact cell c. */
export function cellWorld(grid: EpGrid, c: number): Vec3 {
  const g = grid.cells[c]!;
  const [nx, ny] = grid.dims;
  const i = g % nx;
  const j = Math.floor(g / nx) % ny;
  const k = Math.floor(g / (nx * ny));
  const A = grid.ijkToWorld;
  return [A[0]! * i + A[3]!, A[5]! * j + A[7]!, A[10]! * k + A[11]!];
}

/** Compact index of the tissue voxel nearest to a world point (mm); throws if the point is far outside. */
export function nearestCell(grid: EpGrid, p: Vec3, maxDistMm = Infinity): number {
  let best = -1;
  let bestD = Infinity;
  for (let c = 0; c < grid.n; c++) {
    const w = cellWorld(grid, c);
    const d = (w[0] - p[0]) ** 2 + (w[1] - p[1]) ** 2 + (w[2] - p[2]) ** 2;
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best < 0 || Math.sqrt(bestD) > maxDistMm)
    throw new Error(
      `point (${p.map((v) => v.toFixed(1)).join(', ')}) mm is ${Math.sqrt(bestD).toFixed(1)} mm from any tissue voxel`,
    );
  return best;
}

/** Scatters a compact per-cell array onto the full grid (fill outside tissue, default NaN). */
export function toGridArray(grid: EpGrid, compact: Float32Array, fill = NaN): Float32Array {
  const out = new Float32Array(grid.dims[0] * grid.dims[1] * grid.dims[2]).fill(fill);
  for (let c = 0; c < grid.n; c++) out[grid.cells[c]!] = compact[c]!;
  return out;
}

/** A one-voxel-thick sheet [0,Lx]×[0,Ly] mm in the z = 0 plane (2D tissue on the 3D stencil), fibres along x. */
export function sheetDomain(Lx: number, Ly: number, dxMm: number): EpGrid {
  if (!(dxMm >= 0.01 && dxMm <= 5)) throw new Error(`sheet: dx must be in [0.01, 5] mm, got ${dxMm}`);
  const dims: Vec3 = [nodesAlong(Lx, dxMm, 'sheet Lx'), nodesAlong(Ly, dxMm, 'sheet Ly'), 1];
  const what = `sheet ${Lx}×${Ly} mm`;
  const g = gridFromMask(dims, dxMm, [0, 0, 0], new Uint8Array(dims[0] * dims[1]).fill(1), [1, 0, 0], what);
  const yc = Math.round((dims[1] - 1) / 2) * dxMm;
  const x = (f: number) => Math.round((dims[0] - 1) * f) * dxMm;
  g.cvPoints = [
    [x(0.25), yc, 0],
    [x(0.75), yc, 0],
  ];
  return g;
}
