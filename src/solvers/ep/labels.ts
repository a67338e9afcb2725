// EP domain from a label map: resamples the chosen label values onto an axis-aligned isotropic grid of spacing
// dx mm (nearest-neighbour lookup through the inverse of the label map's ijkToWorld), optionally with
// endocardial cavity labels for rule-based fibres (fibres.ts), and optionally a connectivity repair
// (connectivity.ts: face bridges across edge/corner-only contacts, then the largest face-connected piece).
// World RAS mm; works for oblique label maps.
import type { Volume, Vec3 } from '../../volume/types';
import { gridFromMask, type EpGrid } from './grid';
import { checkEpBudget } from './budget';
import { ruleBasedFibres } from './fibres';
import { repairConnectivity, type ConnectivityReport } from './connectivity';

function invert4(m: Float64Array): Float64Array {
  // 3x3 inverse + translation (affine).
  const a = [m[0]!, m[1]!, m[2]!, m[4]!, m[5]!, m[6]!, m[8]!, m[9]!, m[10]!];
  const det =
    a[0]! * (a[4]! * a[8]! - a[5]! * a[7]!) -
    a[1]! * (a[3]! * a[8]! - a[5]! * a[6]!) +
    a[2]! * (a[3]! * a[7]! - a[4]! * a[6]!);
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12) throw new Error('label map affine is singular');
  const inv = [
    (a[4]! * a[8]! - a[5]! * a[7]!) / det,
    (a[2]! * a[7]! - a[1]! * a[8]!) / det,
    (a[1]! * a[5]! - a[2]! * a[4]!) / det,
    (a[5]! * a[6]! - a[3]! * a[8]!) / det,
    (a[0]! * a[8]! - a[2]! * a[6]!) / det,
    (a[2]! * a[3]! - a[0]! * a[5]!) / det,
    (a[3]! * a[7]! - a[4]! * a[6]!) / det,
    (a[1]! * a[6]! - a[0]! * a[7]!) / det,
    (a[0]! * a[4]! - a[1]! * a[3]!) / det,
  ];
  const t = [m[3]!, m[7]!, m[11]!];
  const r = new Float64Array(16);
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) r[4 * i + j] = inv[3 * i + j]!;
    r[4 * i + 3] = -(inv[3 * i]! * t[0]! + inv[3 * i + 1]! * t[1]! + inv[3 * i + 2]! * t[2]!);
  }
  r[15] = 1;
  return r;
}

export interface LabelDomainOptions {
  /** Label values of the endocardial cavities (e.g. lv_blood, rv_blood): enables rule-based fibres. */
  cavityValues?: number[];
  /**
   * Make the tissue electrically connected as the segmentation is (26-connected pieces become face-connected,
   * preferring cavity voxels for the bridges) and keep the largest piece. Off by default (analytic domains).
   */
  repairConnectivity?: boolean;
  onConnectivity?: (r: ConnectivityReport) => void;
}

export function epDomainFromLabels(
  labels: Volume,
  values: number[],
  dxMm: number,
  opts: LabelDomainOptions = {},
): EpGrid {
  if (!(dxMm >= 0.25 && dxMm <= 2))
    throw new Error(`EP domain: dx must be between 0.25 and 2 mm, got ${dxMm}`);
  const [sx, sy, sz] = labels.dims;
  const want = new Set(values);
  const cav = new Set(opts.cavityValues ?? []);
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  const A = labels.ijkToWorld;
  for (let k = 0, g = 0; k < sz; k++)
    for (let j = 0; j < sy; j++)
      for (let i = 0; i < sx; i++, g++) {
        const v = labels.data[g]!;
        if (!want.has(v) && !cav.has(v)) continue;
        for (let a = 0; a < 3; a++) {
          const w = A[4 * a]! * i + A[4 * a + 1]! * j + A[4 * a + 2]! * k + A[4 * a + 3]!;
          if (w < lo[a]!) lo[a] = w;
          if (w > hi[a]!) hi[a] = w;
        }
      }
  if (!Number.isFinite(lo[0]!))
    throw new Error(`EP domain: label map '${labels.name}' contains none of the labels ${values.join(', ')}`);
  const pad = Math.max(...labels.spacing, dxMm);
  const origin: Vec3 = [lo[0]! - pad, lo[1]! - pad, lo[2]! - pad];
  const dims: Vec3 = [0, 1, 2].map((a) => Math.ceil((hi[a]! - lo[a]! + 2 * pad) / dxMm) + 1) as Vec3;
  const total = dims[0] * dims[1] * dims[2];
  const what = `label map '${labels.name}' (labels ${values.join(', ')})`;
  checkEpBudget({ dims, cells: 0, dxMm, what }); // the dense masks; tissue voxels are checked in gridFromMask
  if (total > 64e6)
    throw new Error(`EP domain: ${dims.join('×')} voxels at dx = ${dxMm} mm is too large; use a larger dx`);
  const B = invert4(A);
  const mask = new Uint8Array(total);
  const cavity = new Uint8Array(total);
  // Coarser than the label map: vote over s³ sub-points of each EP voxel (tissue wins ties), so a wall thinner
  // than dx survives (nearest-neighbour at one point drops it where it straddles two EP voxels). s = 1 is the
  // plain nearest-neighbour lookup.
  const s = Math.max(1, Math.ceil(dxMm / Math.min(...labels.spacing) - 1e-6));
  const sub = Array.from({ length: s }, (_, q) => ((q + 0.5) / s - 0.5) * dxMm);
  const w = [0, 0, 0];
  const classify = (x: number, y: number, z: number): number => {
    const si = Math.round(B[0]! * x + B[1]! * y + B[2]! * z + B[3]!);
    const sj = Math.round(B[4]! * x + B[5]! * y + B[6]! * z + B[7]!);
    const sk = Math.round(B[8]! * x + B[9]! * y + B[10]! * z + B[11]!);
    if (si < 0 || sj < 0 || sk < 0 || si >= sx || sj >= sy || sk >= sz) return 0;
    const v = labels.data[si + sx * (sj + sy * sk)]!;
    return want.has(v) ? 1 : cav.has(v) ? 2 : 0;
  };
  const votes = [0, 0, 0];
  for (let k = 0, g = 0; k < dims[2]; k++)
    for (let j = 0; j < dims[1]; j++)
      for (let i = 0; i < dims[0]; i++, g++) {
        w[0] = origin[0] + i * dxMm;
        w[1] = origin[1] + j * dxMm;
        w[2] = origin[2] + k * dxMm;
        votes[0] = votes[1] = votes[2] = 0;
        for (const oz of sub)
          for (const oy of sub) for (const ox of sub) votes[classify(w[0]! + ox, w[1]! + oy, w[2]! + oz)]!++;
        if (votes[1]! > 0 && votes[1]! >= votes[0]! && votes[1]! >= votes[2]!) mask[g] = 1;
        else if (votes[2]! > 0 && votes[2]! >= votes[0]!) cavity[g] = 1;
      }
  if (opts.repairConnectivity) {
    const r = repairConnectivity(mask, dims, cavity);
    for (let g = 0; g < total; g++) if (mask[g]) cavity[g] = 0;
    opts.onConnectivity?.(r);
  }
  const grid = gridFromMask(dims, dxMm, origin, mask, [1, 0, 0], what);
  if (cav.size > 0) ruleBasedFibres(grid, cavity);
  return grid;
}
