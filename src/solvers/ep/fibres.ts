// Rule-based ventricular fibres on an EP grid: transmural coordinate e ∈ [0,1] (0 endo, 1 epi) from voxel
// distances to the endocardial cavities and to the outside (voxel-centre corrected), helix angle α = +60° (endo) → −60° (epi),
// f = cos α·ĉ + sin α·(t̂ × ĉ) with t̂ = ∇e/|∇e| (transmural), ĉ = long axis × t̂ (circumferential); the long axis
// is the principal axis of the cavity voxels. Distances in voxels (6-connected BFS), angles in degrees.
// Frame: grid IJK = world axes (see grid.ts).
import type { EpGrid } from './grid';

export const HELIX_ENDO_DEG = 60;
export const HELIX_EPI_DEG = -60;

function bfs(dims: number[], passable: Uint8Array, seeds: Uint8Array): Float32Array {
  const [nx, ny, nz] = dims as [number, number, number];
  const total = nx * ny * nz;
  const dist = new Float32Array(total).fill(Infinity);
  const q = new Int32Array(total);
  let head = 0;
  let tail = 0;
  for (let g = 0; g < total; g++)
    if (seeds[g]) {
      dist[g] = 0;
      q[tail++] = g;
    }
  const steps = [1, -1, nx, -nx, nx * ny, -nx * ny];
  while (head < tail) {
    const g = q[head++]!;
    const i = g % nx;
    const j = Math.floor(g / nx) % ny;
    const k = Math.floor(g / (nx * ny));
    for (let s = 0; s < 6; s++) {
      if (
        (s === 0 && i === nx - 1) ||
        (s === 1 && i === 0) ||
        (s === 2 && j === ny - 1) ||
        (s === 3 && j === 0)
      )
        continue;
      if ((s === 4 && k === nz - 1) || (s === 5 && k === 0)) continue;
      const m = g + steps[s]!;
      if (!passable[m] || dist[m]! <= dist[g]! + 1) continue;
      dist[m] = dist[g]! + 1;
      q[tail++] = m;
    }
  }
  return dist;
}

function principalAxis(grid: EpGrid, cavity: Uint8Array): [number, number, number] {
  const [nx, ny] = grid.dims;
  const m = [0, 0, 0];
  let cnt = 0;
  const pts: number[] = [];
  cavity.forEach((v, g) => {
    if (!v) return;
    const p = [g % nx, Math.floor(g / nx) % ny, Math.floor(g / (nx * ny))];
    pts.push(...p);
    for (let a = 0; a < 3; a++) m[a]! += p[a]!;
    cnt++;
  });
  if (cnt < 2) return [0, 0, 1];
  for (let a = 0; a < 3; a++) m[a]! /= cnt;
  const C = new Float64Array(9);
  for (let p = 0; p < pts.length; p += 3)
    for (let a = 0; a < 3; a++)
      for (let b = 0; b < 3; b++) C[3 * a + b]! += (pts[p + a]! - m[a]!) * (pts[p + b]! - m[b]!);
  let v = [0.3, 0.4, 0.87];
  for (let it = 0; it < 100; it++) {
    const w = [0, 1, 2].map((a) => C[3 * a]! * v[0]! + C[3 * a + 1]! * v[1]! + C[3 * a + 2]! * v[2]!);
    const L = Math.hypot(...w) || 1;
    v = w.map((x) => x / L);
  }
  return v as [number, number, number];
}

const cross = (a: number[], b: number[]) => [
  a[1]! * b[2]! - a[2]! * b[1]!,
  a[2]! * b[0]! - a[0]! * b[2]!,
  a[0]! * b[1]! - a[1]! * b[0]!,
];
const norm = (a: number[]) => {
  const L = Math.hypot(a[0]!, a[1]!, a[2]!);
  return L > 1e-12 ? a.map((x) => x / L) : undefined;
};

/** Sets grid.fibres from the cavity mask (grid-sized, 1 = endocardial cavity voxel). Returns e per cell. */
export function ruleBasedFibres(grid: EpGrid, cavity: Uint8Array): Float32Array {
  const total = grid.index.length;
  const tissue = new Uint8Array(total);
  for (const g of grid.cells) tissue[g] = 1;
  const outside = new Uint8Array(total);
  for (let g = 0; g < total; g++) outside[g] = !tissue[g] && !cavity[g] ? 1 : 0;
  const pass = Uint8Array.from(tissue);
  const dEndo = bfs(grid.dims, pass, cavity);
  const dEpi = bfs(grid.dims, pass, outside);
  const e = new Float32Array(total).fill(NaN);
  const out = new Float32Array(grid.n);
  grid.cells.forEach((g, c) => {
    const a = dEndo[g]!;
    const b = dEpi[g]!;
    // Voxel centres of the first/last tissue layer lie half a voxel inside the wall: e = (a − ½)/(a + b − 1)
    // puts them at 1/(2W) and 1 − 1/(2W) for a wall W voxels thick (a/(a + b) gave 1/(W + 1)).
    const v = Number.isFinite(a) && Number.isFinite(b) ? (a - 0.5) / Math.max(1, a + b - 1) : 0.5;
    e[g] = v;
    out[c] = v;
  });
  const axis = principalAxis(grid, cavity);
  const [nx, ny] = grid.dims;
  const steps = [1, nx, nx * ny];
  grid.cells.forEach((g, c) => {
    const grad = [0, 0, 0];
    for (let a = 0; a < 3; a++) {
      const up = e[g + steps[a]!];
      const dn = e[g - steps[a]!];
      const eu = up !== undefined && up === up ? up : e[g]!;
      const ed = dn !== undefined && dn === dn ? dn : e[g]!;
      grad[a] = eu - ed;
    }
    const t = norm(grad) ?? [1, 0, 0];
    const circ = norm(cross(axis, t)) ?? norm(cross([1, 0, 0], t)) ?? [0, 1, 0];
    const lon = cross(t, circ);
    const alpha = ((HELIX_ENDO_DEG + (HELIX_EPI_DEG - HELIX_ENDO_DEG) * out[c]!) * Math.PI) / 180;
    for (let a = 0; a < 3; a++)
      grid.fibres[3 * c + a] = Math.cos(alpha) * circ[a]! + Math.sin(alpha) * lon[a]!;
  });
  return out;
}
