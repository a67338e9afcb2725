// Stimulus protocols and lesions in world mm / ms: box or sphere regions, single pulses, pacing trains
// (cycle length + count) and S1-S2 (two trains), and lesions that remove voxels (ablation lines, dense scar)
// or scale conductivity (border-zone scar). Stimulus strength in µA/cm³ (Niederer convention); the solver
// divides by χ·C_m to get mV/ms.
import type { Vec3 } from '../../volume/types';
import { cellWorld, type EpGrid } from './grid';

export type Region =
  | { kind: 'box'; min: Vec3; max: Vec3 }
  | { kind: 'sphere'; center: Vec3; radiusMm: number }
  /** Cells within radiusMm of the segment a–b (an ablation line). */
  | { kind: 'segment'; a: Vec3; b: Vec3; radiusMm: number };

export interface Stimulus {
  region: Region;
  startMs: number;
  durationMs: number;
  /** µA/cm³ (default 50 000, Niederer et al. 2011). */
  strength?: number;
  /** Repeat every cycleLengthMs, count times (pacing). */
  cycleLengthMs?: number;
  count?: number;
}

export interface Lesion {
  region: Region;
  /** 0 = non-conducting (voxels removed from the tissue), 0 < s < 1 = conductivity scaled by s. */
  sigmaScale: number;
}

export function inRegion(r: Region, p: Vec3): boolean {
  if (r.kind === 'box') return p.every((v, i) => v >= r.min[i]! - 1e-9 && v <= r.max[i]! + 1e-9);
  if (r.kind === 'sphere')
    return Math.hypot(p[0] - r.center[0], p[1] - r.center[1], p[2] - r.center[2]) <= r.radiusMm;
  const ab = [r.b[0] - r.a[0], r.b[1] - r.a[1], r.b[2] - r.a[2]];
  const ap = [p[0] - r.a[0], p[1] - r.a[1], p[2] - r.a[2]];
  const L2 = ab[0]! ** 2 + ab[1]! ** 2 + ab[2]! ** 2 || 1;
  const t = Math.max(0, Math.min(1, (ap[0]! * ab[0]! + ap[1]! * ab[1]! + ap[2]! * ab[2]!) / L2));
  return Math.hypot(ap[0]! - t * ab[0]!, ap[1]! - t * ab[1]!, ap[2]! - t * ab[2]!) <= r.radiusMm;
}

/** Compact indices of the tissue cells inside a region. */
export function cellsInRegion(grid: EpGrid, r: Region): Int32Array {
  const out: number[] = [];
  for (let c = 0; c < grid.n; c++) if (inRegion(r, cellWorld(grid, c))) out.push(c);
  return Int32Array.from(out);
}

/** Cube of edge `size` mm centred at p (the CLI's --stim x,y,z,size). */
export function cubeAt(p: Vec3, size: number): Region {
  const h = size / 2;
  return { kind: 'box', min: [p[0] - h, p[1] - h, p[2] - h], max: [p[0] + h, p[1] + h, p[2] + h] };
}

/** True when a stimulus is on at time t (ms). */
export function stimulusOn(s: Stimulus, t: number): boolean {
  const cl = s.cycleLengthMs ?? Infinity;
  const count = s.count ?? 1;
  if (t < s.startMs) return false;
  const k = Number.isFinite(cl) ? Math.floor((t - s.startMs) / cl) : 0;
  if (k >= count) return false;
  return t - s.startMs - k * (Number.isFinite(cl) ? cl : 0) < s.durationMs;
}

/** A new grid with lesions applied: removed voxels leave the mask, others get scaled conductivity. */
export function applyLesions(grid: EpGrid, lesions: Lesion[]): EpGrid {
  if (lesions.length === 0) return grid;
  const keep = new Uint8Array(grid.n).fill(1);
  const scale = Float32Array.from(grid.sigmaScale);
  for (const l of lesions) {
    if (!(l.sigmaScale >= 0 && l.sigmaScale <= 1))
      throw new Error(`lesion sigmaScale must be in [0, 1], got ${l.sigmaScale}`);
    for (const c of cellsInRegion(grid, l.region)) {
      if (l.sigmaScale === 0) keep[c] = 0;
      else scale[c] = scale[c]! * l.sigmaScale;
    }
  }
  const index = new Int32Array(grid.index.length).fill(-1);
  let n = 0;
  for (let c = 0; c < grid.n; c++) if (keep[c]) index[grid.cells[c]!] = n++;
  if (n === 0) throw new Error('lesions removed every tissue voxel');
  const cells = new Int32Array(n);
  const fibres = new Float32Array(3 * n);
  const sigmaScale = new Float32Array(n);
  for (let c = 0, m = 0; c < grid.n; c++) {
    if (!keep[c]) continue;
    cells[m] = grid.cells[c]!;
    fibres.set(grid.fibres.subarray(3 * c, 3 * c + 3), 3 * m);
    sigmaScale[m] = scale[c]!;
    m++;
  }
  return { ...grid, n, cells, index, fibres, sigmaScale };
}
