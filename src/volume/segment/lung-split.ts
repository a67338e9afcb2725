// Separates the air blob inside the body into right lung, left lung and the central airway (trachea and
// main bronchi): erode the blob (exact distance transform on a ~2 mm block grid, a block counts only if all
// its voxels are air) by increasing radii until its two largest cores lie on opposite sides and each holds
// a sizeable fraction of the larger; prefer the first radius at which a third core, between the two lungs
// and reaching the top of the blob, survives as the trachea. Then grow the cores back geodesically
// (6-connected breadth-first, nearest core wins) inside the original blob, the trachea core competing, so
// airway voxels go to the airway, not to a lung; a lung never takes a voxel touching the other lung. Output per voxel: 1 = right lung (larger world x, RAS),
// 2 = left lung, 3 = airway, 0 = elsewhere. Units: mm, ml. Frames: voxel IJK, world RAS+ via ijkToWorld.
import type { Vec3, Volume } from '../types';
import { connectedComponents, type Components } from './components';
import { squaredDistanceMm2 } from './distance';

/** Block size of the erosion grid: erosion radii step by about this much, and the search stays cheap. */
export const EROSION_GRID_MM = 3;
/** Largest erosion tried: above an adult trachea's radius (~8-12 mm) nothing airway-like survives. */
export const MAX_EROSION_MM = 12;
/** Each lung core must hold at least this fraction of the larger one (else it is a fragment). */
export const LUNG_CORE_MIN_FRACTION = 0.1;
/** The two lung cores' mean world x must differ by this fraction of the blob's left-right extent. */
export const LUNG_SIDE_SEPARATION = 0.25;

export interface LungSplit {
  /** 1 right lung, 2 left lung, 3 airway, 0 not in the blob. */
  labels: Uint8Array;
  erosionMm: number;
  /** True when a trachea core competed in the grow-back. */
  airwayFound: boolean;
  airwayVoxels: number;
}

interface Grid {
  dims: Vec3;
  spacing: Vec3;
  f: Vec3;
  /** 1 where every fine voxel of the block is in the blob. */
  full: Uint8Array;
  /** World x and z of every block centre. */
  x: Float32Array;
  z: Float32Array;
  xRange: [number, number];
  topZ: number;
}

function blockGrid(v: Volume, blob: Uint8Array): Grid {
  const [nx, ny, nz] = v.dims;
  const f = v.spacing.map((s) => Math.max(1, Math.floor(EROSION_GRID_MM / s + 1e-6))) as Vec3;
  const dims = [0, 1, 2].map((a) => Math.ceil(v.dims[a]! / f[a]!)) as Vec3;
  const [cx, cy, cz] = dims;
  const cn = cx * cy * cz;
  const count = new Uint32Array(cn);
  const ci = Int32Array.from({ length: nx }, (_, i) => Math.floor(i / f[0]));
  let p = 0;
  for (let k = 0; k < nz; k++) {
    const ck = Math.floor(k / f[2]) * cx * cy;
    for (let j = 0; j < ny; j++) {
      const row = ck + Math.floor(j / f[1]) * cx;
      for (let i = 0; i < nx; i++, p++) if (blob[p]) count[row + ci[i]!]!++;
    }
  }
  const full = new Uint8Array(cn);
  const x = new Float32Array(cn);
  const z = new Float32Array(cn);
  const A = v.ijkToWorld;
  const xRange: [number, number] = [Infinity, -Infinity];
  let topZ = -Infinity;
  let c = 0;
  for (let k = 0; k < cz; k++) {
    const bk = Math.min(f[2], nz - k * f[2]);
    const fk = k * f[2] + (bk - 1) / 2;
    for (let j = 0; j < cy; j++) {
      const bj = Math.min(f[1], ny - j * f[1]);
      const fj = j * f[1] + (bj - 1) / 2;
      for (let i = 0; i < cx; i++, c++) {
        const bi = Math.min(f[0], nx - i * f[0]);
        const fi = i * f[0] + (bi - 1) / 2;
        x[c] = A[0]! * fi + A[1]! * fj + A[2]! * fk + A[3]!;
        z[c] = A[8]! * fi + A[9]! * fj + A[10]! * fk + A[11]!;
        if (count[c] === 0) continue;
        full[c] = count[c] === bi * bj * bk ? 1 : 0;
        xRange[0] = Math.min(xRange[0], x[c]!);
        xRange[1] = Math.max(xRange[1], x[c]!);
        topZ = Math.max(topZ, z[c]!);
      }
    }
  }
  const spacing = [0, 1, 2].map((a) => f[a]! * v.spacing[a]!) as Vec3;
  return { dims, spacing, f, full, x, z, xRange, topZ };
}

interface Pick {
  right: number;
  left: number;
  airways: number[];
}

/** Lung and airway cores among the components of one erosion, or undefined if the lungs are not apart. */
function pickCores(g: Grid, cc: Components, r: number): Pick | undefined {
  const s = cc.sizes;
  if (s.length < 2 || s[1]! < LUNG_CORE_MIN_FRACTION * s[0]!) return undefined;
  const m = s.length;
  const sumX = new Float64Array(m + 1);
  const maxZ = new Float64Array(m + 1).fill(-Infinity);
  for (let c = 0; c < cc.labels.length; c++) {
    const id = cc.labels[c]!;
    if (id === 0) continue;
    sumX[id]! += g.x[c]!;
    if (g.z[c]! > maxZ[id]!) maxZ[id] = g.z[c]!;
  }
  const mx = (id: number) => sumX[id]! / s[id - 1]!;
  const dx = mx(1) - mx(2);
  if (Math.abs(dx) < LUNG_SIDE_SEPARATION * (g.xRange[1] - g.xRange[0])) return undefined;
  const [right, left] = dx > 0 ? [1, 2] : [2, 1];
  const lo = Math.min(mx(1), mx(2)) + 0.25 * Math.abs(dx);
  const hi = Math.max(mx(1), mx(2)) - 0.25 * Math.abs(dx);
  const reach = g.topZ - r - 2 * Math.max(...g.spacing);
  const airways: number[] = [];
  for (let id = 3; id <= m; id++) if (maxZ[id]! >= reach && mx(id) > lo && mx(id) < hi) airways.push(id);
  return { right, left, airways };
}

/** Multi-source breadth-first growth of the block-grid seeds inside the fine blob (see header). */
function growBack(v: Volume, blob: Uint8Array, g: Grid, seeds: Uint8Array): Uint8Array {
  const [nx, ny, nz] = v.dims;
  const [cx, cy] = g.dims;
  const n = nx * ny * nz;
  const out = new Uint8Array(n);
  let total = 0;
  for (let p = 0; p < n; p++) total += blob[p]!;
  const queue = new Int32Array(total);
  let tail = 0;
  const ci = Int32Array.from({ length: nx }, (_, i) => Math.floor(i / g.f[0]));
  let p = 0;
  for (let k = 0; k < nz; k++) {
    const ck = Math.floor(k / g.f[2]) * cx * cy;
    for (let j = 0; j < ny; j++) {
      const row = ck + Math.floor(j / g.f[1]) * cx;
      for (let i = 0; i < nx; i++, p++) {
        if (!blob[p]) continue;
        const s = seeds[row + ci[i]!]!;
        if (s) {
          out[p] = s;
          queue[tail++] = p;
        }
      }
    }
  }
  const sxy = nx * ny;
  // A lung never takes a voxel 6-adjacent to the other lung: the two stay disjoint components.
  const touches = (r: number, a: number, b: number, c: number, rival: number): boolean =>
    (a > 0 && out[r - 1] === rival) ||
    (a < nx - 1 && out[r + 1] === rival) ||
    (b > 0 && out[r - nx] === rival) ||
    (b < ny - 1 && out[r + nx] === rival) ||
    (c > 0 && out[r - sxy] === rival) ||
    (c < nz - 1 && out[r + sxy] === rival);
  let head = 0;
  while (head < tail) {
    const q = queue[head++]!;
    const lab = out[q]!;
    const rival = lab === 1 ? 2 : lab === 2 ? 1 : 0;
    const i = q % nx;
    const j = ((q - i) / nx) % ny;
    const k = (q - i - nx * j) / sxy;
    for (let d = 0; d < 6; d++) {
      let r: number;
      let a = i;
      let b = j;
      let c = k;
      if (d === 0) {
        if (i === 0) continue;
        r = q - 1;
        a--;
      } else if (d === 1) {
        if (i === nx - 1) continue;
        r = q + 1;
        a++;
      } else if (d === 2) {
        if (j === 0) continue;
        r = q - nx;
        b--;
      } else if (d === 3) {
        if (j === ny - 1) continue;
        r = q + nx;
        b++;
      } else if (d === 4) {
        if (k === 0) continue;
        r = q - sxy;
        c--;
      } else {
        if (k === nz - 1) continue;
        r = q + sxy;
        c++;
      }
      if (!blob[r] || out[r] || (rival !== 0 && touches(r, a, b, c, rival))) continue;
      out[r] = lab;
      queue[tail++] = r;
    }
  }
  return out;
}

/** Splits `blob` (1 = air inside the body) into lungs and airway; undefined if no erosion parts the lungs. */
export function separateLungs(v: Volume, blob: Uint8Array): LungSplit | undefined {
  const g = blockGrid(v, blob);
  const d2 = squaredDistanceMm2(g.full, g.dims, g.spacing);
  const step = Math.min(...g.spacing);
  let chosen: { r: number; cc: Components; pick: Pick } | undefined;
  for (let r = step; r <= MAX_EROSION_MM + 1e-6; r += step) {
    const core = new Uint8Array(d2.length);
    let any = false;
    for (let c = 0; c < d2.length; c++)
      if (d2[c]! > r * r) {
        core[c] = 1;
        any = true;
      }
    if (!any) break;
    const cc = connectedComponents(core, g.dims, 6);
    const pick = pickCores(g, cc, r);
    if (!pick) continue;
    if (!chosen) chosen = { r, cc, pick };
    if (pick.airways.length > 0) {
      chosen = { r, cc, pick };
      break;
    }
  }
  if (!chosen) return undefined;
  const { r, cc, pick } = chosen;
  const code = new Uint8Array(cc.sizes.length + 1);
  code[pick.right] = 1;
  code[pick.left] = 2;
  for (const id of pick.airways) code[id] = 3;
  const seeds = new Uint8Array(cc.labels.length);
  for (let c = 0; c < seeds.length; c++) seeds[c] = code[cc.labels[c]!]!;
  const labels = growBack(v, blob, g, seeds);
  let airwayVoxels = 0;
  for (let p = 0; p < labels.length; p++) if (labels[p] === 3) airwayVoxels++;
  return { labels, erosionMm: r, airwayFound: pick.airways.length > 0, airwayVoxels };
}
