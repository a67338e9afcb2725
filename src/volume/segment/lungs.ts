// Lung segmentation from HU where no lung labels exist: air-like voxels (< -400 HU by default) inside the
// body mask (so outside air is excluded), the largest 6-connected component (plus the second when the
// lungs are already apart). Trachea and main bronchi are removed and the two lungs parted by erosion and
// competing geodesic grow-back (./lung-split.ts), so each lung is one connected component and the airway
// belongs to neither. Only if no erosion parts the blob, it is cut at the sagittal plane (world x, RAS)
// where it is thinnest in the central half of its left-right extent (the mediastinum). Output label map:
// 1 = lung_right (larger world x: RAS +x is the patient's right), 2 = lung_left. Units: HU, mm, ml.
// Frames: voxel IJK, world RAS+.
import type { Volume } from '../types';
import { bodyMask } from './body';
import { connectedComponents } from './components';
import { separateLungs } from './lung-split';
import { labelVolume, worldX } from './volumes';

export interface LungReport {
  /** 'erosion': airway removed and lungs parted (normal); 'components' / 'sagittal-cut': fallbacks. */
  method: 'erosion' | 'components' | 'sagittal-cut';
  erosionMm?: number;
  /** Air volume given to the trachea / main bronchi (excluded from both lungs). */
  airwayMl: number;
  rightMl: number;
  leftMl: number;
}

export interface LungOptions {
  thresholdHu?: number;
  onReport?: (r: LungReport) => void;
}

/** A second component smaller than this fraction of the largest is not a lung: the lungs are one blob. */
export const SECOND_LUNG_MIN_FRACTION = 0.1;

function splitAtMediastinum(blob: Uint8Array, x: Float32Array, binMm: number): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let p = 0; p < blob.length; p++) {
    if (!blob[p]) continue;
    lo = Math.min(lo, x[p]!);
    hi = Math.max(hi, x[p]!);
  }
  const nb = Math.max(1, Math.ceil((hi - lo) / binMm) + 1);
  const hist = new Float64Array(nb);
  for (let p = 0; p < blob.length; p++) if (blob[p]) hist[Math.floor((x[p]! - lo) / binMm)]!++;
  let best = Math.floor(nb / 2);
  for (let b = Math.floor(nb / 4); b <= Math.ceil((3 * nb) / 4) && b < nb; b++)
    if (hist[b]! < hist[best]!) best = b;
  return lo + (best + 0.5) * binMm;
}

export function segmentLungs(ct: Volume, opts: LungOptions = {}): Volume {
  const thr = opts.thresholdHu ?? -400;
  const body = bodyMask(ct);
  const n = ct.data.length;
  const air = new Uint8Array(n);
  for (let p = 0; p < n; p++) air[p] = body[p] && ct.data[p]! < thr ? 1 : 0;
  const cc = connectedComponents(air, ct.dims, 6);
  if (cc.sizes.length === 0)
    throw new Error(`${ct.name}: no air-like voxels below ${thr} HU inside the body (not a chest CT?)`);
  const two = cc.sizes.length > 1 && cc.sizes[1]! >= SECOND_LUNG_MIN_FRACTION * cc.sizes[0]!;
  const candidate = new Uint8Array(n);
  const last = two ? 2 : 1;
  for (let p = 0; p < n; p++) {
    const c = cc.labels[p]!;
    if (c !== 0 && c <= last) candidate[p] = 1;
  }
  const split = separateLungs(ct, candidate);
  const ml = (ct.spacing[0] * ct.spacing[1] * ct.spacing[2]) / 1000;
  if (split) {
    const out = split.labels;
    const count = [0, 0, 0, 0];
    for (let p = 0; p < n; p++) {
      count[out[p]!]!++;
      if (out[p] === 3) out[p] = 0;
    }
    opts.onReport?.({
      method: 'erosion',
      erosionMm: split.erosionMm,
      airwayMl: count[3]! * ml,
      rightMl: count[1]! * ml,
      leftMl: count[2]! * ml,
    });
    return lungVolume(ct, out);
  }
  const x = worldX(ct);
  const out = new Uint8Array(n);
  if (two) {
    // Right lung = the component with the larger mean world x.
    const sum = [0, 0];
    for (let p = 0; p < n; p++) {
      const c = cc.labels[p]!;
      if (c === 1 || c === 2) sum[c - 1]! += x[p]!;
    }
    const rightId = sum[0]! / cc.sizes[0]! > sum[1]! / cc.sizes[1]! ? 1 : 2;
    for (let p = 0; p < n; p++) {
      const c = cc.labels[p]!;
      if (c === 1 || c === 2) out[p] = c === rightId ? 1 : 2;
    }
  } else {
    const cut = splitAtMediastinum(candidate, x, Math.min(...ct.spacing));
    for (let p = 0; p < n; p++) if (candidate[p]) out[p] = x[p]! > cut ? 1 : 2;
  }
  const count = [0, 0, 0];
  for (let p = 0; p < n; p++) count[out[p]!]!++;
  opts.onReport?.({
    method: two ? 'components' : 'sagittal-cut',
    airwayMl: 0,
    rightMl: count[1]! * ml,
    leftMl: count[2]! * ml,
  });
  return lungVolume(ct, out);
}

function lungVolume(ct: Volume, out: Uint8Array): Volume {
  return labelVolume(ct, `${ct.name} lungs`, out, [
    { value: 1, name: 'lung_right', color: [0.98, 0.74, 0.78] },
    { value: 2, name: 'lung_left', color: [0.96, 0.66, 0.7] },
  ]);
}
