// Myocardium for EP on a contrast CT: a whole-heart label (any grid; resampled onto the CT through the two
// affines, nearest neighbour) minus the contrast-filled blood pool (splitBloodPool: Otsu threshold in HU inside
// the heart), minus fat and air inside the label (HU below FAT_MAX_HU). Output: a label map on the CT grid with
// 1 = myocardium, 2 = blood pool (the endocardial cavities for rule-based fibres). Units HU, ml; frame: CT voxel
// IJK and world RAS mm.
import type { Volume } from '../../volume/types';
import { det3 } from '../../volume/affine';
import { labelsOnGrid } from '../../volume/resample';
import { splitBloodPool } from '../../volume/segment';

/** Upper end of the adipose-tissue HU window (fat −190…−30 HU): epicardial fat inside a heart label is not muscle. */
export const FAT_MAX_HU = -30;
export const MYOCARDIUM_VALUE = 1;
export const BLOOD_POOL_VALUE = 2;

export interface MyocardiumReport {
  thresholdHu: number;
  otsu: boolean;
  heartVoxels: number;
  bloodVoxels: number;
  fatVoxels: number;
  myocardiumVoxels: number;
  myocardiumMl: number;
  bloodMl: number;
}

export interface MyocardiumOptions {
  /** Blood-pool threshold (HU); default Otsu inside the heart. */
  thresholdHu?: number;
}

export function myocardiumFromCt(
  ct: Volume,
  labels: Volume,
  heartValues: number[],
  opts: MyocardiumOptions = {},
): { labels: Volume; report: MyocardiumReport } {
  if (ct.units !== 'HU')
    throw new Error(
      `${ct.name}: the heart-minus-blood-pool myocardium needs a CT in HU (got ${ct.modality}, ${ct.units})`,
    );
  const onCt = labelsOnGrid(labels, ct);
  const want = new Set(heartValues);
  const heart = new Uint8Array(ct.data.length);
  let heartVoxels = 0;
  for (let p = 0; p < heart.length; p++)
    if (want.has(onCt.data[p]!)) {
      heart[p] = 1;
      heartVoxels++;
    }
  if (heartVoxels === 0)
    throw new Error(
      `${labels.name}: no voxel with label ${heartValues.join(', ')} inside the CT ${ct.name} (do the two files overlap in world space?)`,
    );
  let split: { thresholdHu: number; otsu: boolean } | undefined;
  const out = splitBloodPool(
    ct,
    { ...ct, name: labels.name, data: heart, modality: 'label', units: 'label' },
    { thresholdHu: opts.thresholdHu, onReport: (r) => (split = r) },
  );
  const data = out.data as Uint8Array;
  let fat = 0;
  let myo = 0;
  let blood = 0;
  for (let p = 0; p < data.length; p++) {
    if (data[p] === MYOCARDIUM_VALUE && ct.data[p]! < FAT_MAX_HU) {
      data[p] = 0;
      fat++;
    }
    if (data[p] === MYOCARDIUM_VALUE) myo++;
    else if (data[p] === BLOOD_POOL_VALUE) blood++;
  }
  const mlPerVoxel = Math.abs(det3(ct.ijkToWorld)) / 1000;
  return {
    labels: out,
    report: {
      thresholdHu: split!.thresholdHu,
      otsu: split!.otsu,
      heartVoxels,
      bloodVoxels: blood,
      fatVoxels: fat,
      myocardiumVoxels: myo,
      myocardiumMl: myo * mlPerVoxel,
      bloodMl: blood * mlPerVoxel,
    },
  };
}
