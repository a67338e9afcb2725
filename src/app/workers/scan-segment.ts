// HU segmentations added to an opened scan before reconstruction (pipeline worker): lungs (airway removed,
// lungs parted), bone (split into the scan's vertebra labels when it has any, else size-ordered
// components) and, on request, a whole-heart label split into heart_myocardium + heart_blood_pool (Otsu
// cut on a contrast CT). Results are written into the scan's label map as new values, so slices and the
// solvers see them too. Units: HU. Frame: voxel IJK of the scan's image grid.
import type { OrganSelection as MeshSelection } from '../../meshes';
import { classifyLabel } from '../../volume/labels';
import { segmentBone, segmentBoneByVertebrae, segmentLungs, splitBloodPool } from '../../volume/segment';
import type { LabelInfo, LabelledVolume, Volume } from '../../volume/types';

export interface ScanSegmentation {
  lungs: boolean;
  bone: boolean;
  /** Split a heart label into heart_myocardium + heart_blood_pool (CT only): true = the scan's whole-heart
   * label (ScanSummary.bloodPoolLabel), a number = that label value. Default: off. */
  bloodPool?: boolean | number;
}

/** Largest HU bone components (besides split vertebrae) turned into meshes when segmenting bone. */
export const MAX_BONE_PARTS = 12;

/** Heart labels that are already a part of the heart (not the whole organ). */
const HEART_PART = /myocard|ventric|atri|blood|append|pericard|coronar|valve/i;

/** The first whole-heart label (class heart, not a chamber or wall, with voxels) of a label list. */
export function wholeHeartLabel<T extends { value: number; name: string; voxels?: number }>(labels: T[]): T | undefined {
  return labels.find((l) => classifyLabel(l.name) === 'heart' && !HEART_PART.test(l.name) && (l.voxels ?? 1) > 0);
}

/** Writes the non-zero labels of `seg` into `labels` as new values (where still 0); returns their selections. */
export function mergeSegmentation(labels: Volume, seg: Volume, keep: (l: LabelInfo) => boolean): MeshSelection[] {
  const infos = labels.labels ?? [];
  let next = infos.reduce((m, l) => Math.max(m, l.value), 0) + 1;
  const remap = new Map<number, number>();
  const added: MeshSelection[] = [];
  for (const l of seg.labels ?? []) {
    if (!keep(l)) continue;
    remap.set(l.value, next);
    infos.push({ ...l, value: next });
    added.push({ value: next, name: l.name, color: l.color });
    next++;
  }
  const d = labels.data;
  for (let p = 0; p < d.length; p++) {
    const v = remap.get(seg.data[p]!);
    if (v !== undefined && d[p] === 0) d[p] = v;
  }
  labels.labels = infos;
  return added;
}

/** The scan's vertebra labels as a seed map with ids 1..255 (names kept), or undefined if it has none. */
function vertebraSeeds(labels: Volume): Volume | undefined {
  const verts = (labels.labels ?? []).filter((l) => classifyLabel(l.name) === 'vertebra').slice(0, 255);
  if (verts.length === 0) return undefined;
  const id = new Map(verts.map((l, t) => [l.value, t + 1]));
  const data = new Uint8Array(labels.data.length);
  let any = false;
  for (let p = 0; p < data.length; p++) {
    const s = id.get(labels.data[p]!);
    if (s) {
      data[p] = s;
      any = true;
    }
  }
  if (!any) return undefined;
  const infos = verts.map((l, t) => ({ value: t + 1, name: `bone_${l.name}`, color: l.color }));
  return { ...labels, name: 'vertebra labels', data, labels: infos };
}

/** Relabels a heart label's voxels as heart_myocardium / heart_blood_pool; the heart's selections become both. */
function splitHeart(scan: LabelledVolume, heart: number, selection: MeshSelection[]): MeshSelection[] {
  const { image, labels } = scan;
  if (image.modality !== 'CT') throw new Error(`${image.name}: the blood pool split needs a contrast CT (HU), not ${image.modality}`);
  const info = (labels.labels ?? []).find((l) => l.value === heart);
  if (!info) throw new Error(`${labels.name}: no label ${heart} to split into myocardium and blood pool`);
  const d = labels.data;
  const parts = splitBloodPool(image, { ...labels, name: info.name }, { heartValues: [heart] });
  const next = (labels.labels ?? []).reduce((m, l) => Math.max(m, l.value), 0) + 1;
  const ids = [next, next + 1];
  for (let p = 0; p < d.length; p++) if (parts.data[p]) d[p] = ids[parts.data[p]! - 1]!;
  const partInfos = (parts.labels ?? []).map((l, t) => ({ ...l, value: ids[t]! }));
  labels.labels = [...(labels.labels ?? []).filter((l) => l.value !== heart), ...partInfos];
  for (const s of selection) if (s.value === heart) s.value = ids;
  return partInfos.map((l) => ({ value: l.value, name: l.name, color: l.color }));
}

/** Runs the requested segmentations on `scan` (its label map is modified); returns the selections to add. */
export function segmentScan(scan: LabelledVolume, selection: MeshSelection[], seg: ScanSegmentation, progress: (f: number, m: string) => void, cancelled: () => boolean): MeshSelection[] {
  const added: MeshSelection[] = [];
  const check = () => {
    if (cancelled()) throw new Error('cancelled');
  };
  if (seg.bloodPool !== undefined && seg.bloodPool !== false) {
    progress(0.01, 'splitting the heart into myocardium and blood pool');
    const heart = typeof seg.bloodPool === 'number' ? seg.bloodPool : wholeHeartLabel(scan.labels.labels ?? [])?.value;
    if (heart === undefined) throw new Error(`${scan.labels.name}: no whole-heart label to split into myocardium and blood pool`);
    added.push(...splitHeart(scan, heart, selection));
  }
  check();
  if (seg.lungs) {
    progress(0.02, 'segmenting lungs from HU');
    added.push(...mergeSegmentation(scan.labels, segmentLungs(scan.image), () => true));
  }
  check();
  if (seg.bone) {
    const seeds = vertebraSeeds(scan.labels);
    progress(0.06, seeds ? 'segmenting bone from HU, split by the vertebra labels' : 'segmenting bone from HU');
    if (seeds) {
      const vertebrae = new Set((seeds.labels ?? []).map((l) => l.name));
      const part = (l: LabelInfo) => Number(/^bone_(\d+)$/.exec(l.name)?.[1] ?? Infinity);
      const bone = segmentBoneByVertebrae(scan.image, seeds);
      added.push(...mergeSegmentation(scan.labels, bone, (l) => vertebrae.has(l.name) || part(l) <= MAX_BONE_PARTS));
    } else added.push(...mergeSegmentation(scan.labels, segmentBone(scan.image), (l) => l.value <= MAX_BONE_PARTS));
  }
  check();
  return added;
}
