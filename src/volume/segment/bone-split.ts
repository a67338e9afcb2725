// Bone from HU split by a vertebra label map: threshold bone (./bone.ts), then every bone voxel within
// a geodesic reach of a vertebra label takes the nearest vertebra's id (splitTouchingVertebrae), so
// vertebrae that touch through facet joints, osteophytes or a thin disc become separate parts. Bone out
// of reach (ribs, pelvis, unlabelled vertebrae) stays as size-ordered components after the vertebrae.
// Units: HU, mm. Frame: voxel IJK; the seeds must be on the CT's grid (resample them first).
import type { LabelInfo, Volume } from '../types';
import { segmentBone, splitTouchingVertebrae, type BoneOptions } from './bone';
import { connectedComponents } from './components';
import { labelVolume } from './volumes';

/** Default reach: a TotalSegmentator/VerSe label covers its vertebra to within a few voxels, so bone
 * farther than this from every label belongs to a structure the labels do not cover. */
export const VERTEBRA_REACH_MM = 6;

export interface BoneSplitOptions extends BoneOptions {
  reachMm?: number;
}

/** `seeds`: vertebra ids 1..255 (labels give their names). Output ids: the seeds' ids, then bone_1, bone_2 ... */
export function segmentBoneByVertebrae(ct: Volume, seeds: Volume, opts: BoneSplitOptions = {}): Volume {
  const bone = segmentBone(ct, opts);
  const split = splitTouchingVertebrae(bone, seeds, { maxGrowMm: opts.reachMm ?? VERTEBRA_REACH_MM });
  const n = bone.data.length;
  const out = new Uint8Array(n);
  const rest = new Uint8Array(n);
  let top = 0;
  for (let p = 0; p < n; p++) {
    const s = split.data[p]!;
    out[p] = s;
    if (s > top) top = s;
    if (s === 0 && bone.data[p] !== 0) rest[p] = 1;
  }
  const labels: LabelInfo[] = [...(split.labels ?? [])];
  const voxMm3 = ct.spacing[0] * ct.spacing[1] * ct.spacing[2];
  const minVoxels = opts.minVoxels ?? Math.max(1, Math.round(500 / voxMm3));
  const cc = connectedComponents(rest, ct.dims, 6);
  let kept = 0;
  while (kept < cc.sizes.length && top + kept < 255 && cc.sizes[kept]! >= minVoxels) kept++;
  for (let p = 0; p < n; p++) {
    const c = cc.labels[p]!;
    if (c > 0 && c <= kept) out[p] = top + c;
  }
  for (let c = 1; c <= kept; c++) labels.push({ value: top + c, name: `bone_${c}`, color: [0.93, 0.9, 0.8] });
  return labelVolume(ct, `${ct.name} bone split by ${seeds.name}`, out, labels);
}
