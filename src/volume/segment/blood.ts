// Blood pool vs myocardium inside a heart mask on a contrast CT: opacified blood is bright (~250-500 HU),
// myocardium ~30-80 HU. The threshold defaults to Otsu's (between-class variance maximum over a 1-HU
// histogram of the voxels inside the mask) and is reported. Output: 1 = heart_myocardium, 2 = heart_blood_pool.
// Units: HU. Frame: voxel IJK; the heart mask must be on the CT's grid (resample it first).
import type { Volume } from '../types';
import { assertSameGrid, labelVolume } from './volumes';

/** Below this Otsu cut the CT shows no contrast-filled blood pool inside the heart: opacified blood is ≥ ~250 HU
 *  and enhanced myocardium ≤ ~150 HU; without contrast both are 30-60 HU and Otsu splits fat from soft tissue. */
export const CONTRAST_MIN_OTSU_HU = 150;

export interface BloodPoolReport {
  thresholdHu: number;
  /** True when the threshold came from Otsu's method (no thresholdHu option given). */
  otsu: boolean;
  myocardiumVoxels: number;
  bloodVoxels: number;
  bloodFraction: number;
}

export interface BloodPoolOptions {
  thresholdHu?: number;
  /** Label values of `heartMask` that are heart (e.g. the whole-heart label of a multi-label map); default:
   *  every non-zero voxel. */
  heartValues?: number[];
  onReport?: (r: BloodPoolReport) => void;
}

/** Otsu threshold of HU values (histogram clamped to -1024..3071 HU, 1 HU bins); returns the lower edge of the upper class (middle of a plateau of equal scores). */
export function otsuThresholdHu(values: ArrayLike<number>): number {
  const lo = -1024;
  const nb = 4096;
  const hist = new Float64Array(nb);
  for (let t = 0; t < values.length; t++) {
    const b = Math.min(nb - 1, Math.max(0, Math.round(values[t]!) - lo));
    hist[b]!++;
  }
  let total = 0;
  let sumAll = 0;
  for (let b = 0; b < nb; b++) {
    total += hist[b]!;
    sumAll += b * hist[b]!;
  }
  if (total === 0) throw new Error('otsuThresholdHu: no values');
  let w0 = 0;
  let sum0 = 0;
  let best = -1;
  let bestB = 0;
  let bestEnd = 0;
  for (let b = 0; b < nb - 1; b++) {
    w0 += hist[b]!;
    sum0 += b * hist[b]!;
    const w1 = total - w0;
    if (w0 === 0 || w1 === 0) continue;
    const m0 = sum0 / w0;
    const m1 = (sumAll - sum0) / w1;
    const between = w0 * w1 * (m0 - m1) * (m0 - m1);
    if (between > best * (1 + 1e-12)) {
      best = between;
      bestB = b;
      bestEnd = b;
    } else if (between >= best * (1 - 1e-12)) bestEnd = b;
  }
  // Empty histogram bins between two classes give a plateau of equal scores: cut in its middle.
  return Math.round((bestB + bestEnd) / 2) + 1 + lo;
}

export function splitBloodPool(ct: Volume, heartMask: Volume, opts: BloodPoolOptions = {}): Volume {
  assertSameGrid(ct, heartMask, 'heart mask');
  const n = ct.data.length;
  const values = opts.heartValues ? new Set(opts.heartValues) : undefined;
  const isHeart = (p: number) => (values ? values.has(heartMask.data[p]!) : heartMask.data[p] !== 0);
  const inside: number[] = [];
  for (let p = 0; p < n; p++) if (isHeart(p)) inside.push(ct.data[p]!);
  if (inside.length === 0) throw new Error(`${heartMask.name}: heart mask is empty`);
  const otsu = opts.thresholdHu === undefined;
  const thr = opts.thresholdHu ?? otsuThresholdHu(inside);
  const out = new Uint8Array(n);
  let blood = 0;
  for (let p = 0; p < n; p++) {
    if (!isHeart(p)) continue;
    const isBlood = ct.data[p]! >= thr;
    out[p] = isBlood ? 2 : 1;
    if (isBlood) blood++;
  }
  const report: BloodPoolReport = {
    thresholdHu: thr,
    otsu,
    myocardiumVoxels: inside.length - blood,
    bloodVoxels: blood,
    bloodFraction: blood / inside.length,
  };
  opts.onReport?.(report);
  return labelVolume(ct, `${ct.name} blood pool (threshold ${thr} HU${otsu ? ', Otsu' : ''})`, out, [
    { value: 1, name: 'heart_myocardium', color: [0.6, 0.22, 0.17] },
    { value: 2, name: 'heart_blood_pool', color: [0.5, 0.03, 0.06] },
  ]);
}
