// Lung segmentation from HU where no lung labels exist: air-like voxels (< -400 HU by default) inside the
// body mask (so outside air is excluded), the two largest 6-connected components; when airways join both
// lungs into one blob, the blob is cut at the sagittal plane (world x, RAS) where it is thinnest in the
// central half of its left-right extent (the mediastinum). Output label map: 1 = lung_right (larger world
// x: RAS +x is the patient's right), 2 = lung_left. Units: HU, mm. Frames: voxel IJK, world RAS+.
import type { Volume } from '../types';
import { bodyMask } from './body';
import { connectedComponents } from './components';
import { labelVolume, worldX } from './volumes';

export interface LungOptions {
  thresholdHu?: number;
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
  const x = worldX(ct);
  const out = new Uint8Array(n);
  const two = cc.sizes.length > 1 && cc.sizes[1]! >= SECOND_LUNG_MIN_FRACTION * cc.sizes[0]!;
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
    const blob = new Uint8Array(n);
    for (let p = 0; p < n; p++) blob[p] = cc.labels[p] === 1 ? 1 : 0;
    const cut = splitAtMediastinum(blob, x, Math.min(...ct.spacing));
    for (let p = 0; p < n; p++) if (blob[p]) out[p] = x[p]! > cut ? 1 : 2;
  }
  return labelVolume(ct, `${ct.name} lungs`, out, [
    { value: 1, name: 'lung_right', color: [0.98, 0.74, 0.78] },
    { value: 2, name: 'lung_left', color: [0.96, 0.66, 0.7] },
  ]);
}
