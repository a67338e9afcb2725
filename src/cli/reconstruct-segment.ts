// HU segmentations for `organ-twin reconstruct`: --threshold lungs (airway removed, lungs parted),
// --threshold bone (split into vertebrae by any vertebra labels among the --labels maps, named
// bone_<vertebra>), and --split-blood-pool <heart label> (heart_myocardium / heart_blood_pool inside a
// heart label on a contrast CT, Otsu threshold). Each returns a label source plus a report for
// summary.json. Units: HU, mm, ml. Frame: voxel IJK of the image grid.
import { basename } from 'node:path';
import { classifyLabel, labelValues } from '../volume/labels';
import {
  segmentBone,
  segmentBoneByVertebrae,
  segmentLungs,
  splitBloodPool,
  CONTRAST_MIN_OTSU_HU,
  VERTEBRA_REACH_MM,
  type BloodPoolReport,
  type LungReport,
} from '../volume/segment';
import type { LabelInfo, Volume } from '../volume/types';
import { CliError } from './errors';
import type { LabelSource } from './reconstruct-labels';

function present(v: Volume): number[] {
  return labelValues(v).map((x) => x.value);
}

function segSource(file: string, labels: Volume): LabelSource {
  return {
    file,
    labels,
    present: present(labels),
    names: labels.labels ?? [],
    naming: 'segmentation',
    fromFile: false,
  };
}

/** Vertebra labels of all label maps as one seed map on the image grid (ids 1..255), or undefined. */
function vertebraSeeds(image: Volume, sources: LabelSource[]): Volume | undefined {
  const picks = sources.flatMap((s) =>
    s.names.filter((l) => classifyLabel(l.name) === 'vertebra').map((l) => ({ s, l })),
  );
  if (picks.length === 0) return undefined;
  if (picks.length > 255) throw new CliError(`--threshold bone: more than 255 vertebra labels`);
  const keep =
    new Set(picks.map((p) => p.l.value)).size === picks.length && picks.every((p) => p.l.value <= 255);
  const data = new Uint8Array(image.data.length);
  const labels: LabelInfo[] = [];
  picks.forEach(({ s, l }, t) => {
    const id = keep ? l.value : t + 1;
    labels.push({ value: id, name: `bone_${l.name}`, color: l.color });
    const d = s.labels.data;
    for (let p = 0; p < d.length; p++) if (d[p] === l.value && data[p] === 0) data[p] = id;
  });
  return { ...image, name: 'vertebra labels', data, modality: 'label', units: 'label', labels };
}

export function thresholdSource(
  kind: 'lungs' | 'bone',
  image: Volume,
  volumePath: string,
  sources: LabelSource[],
): { source: LabelSource; report: Record<string, unknown> } {
  const of = basename(volumePath);
  if (kind === 'lungs') {
    let r: LungReport | undefined;
    const seg = segmentLungs(image, { onReport: (x) => (r = x) });
    return { source: segSource(`lungs (HU threshold of ${of})`, seg), report: { lungs: r } };
  }
  const seeds = vertebraSeeds(image, sources);
  if (!seeds)
    return { source: segSource(`bone (HU threshold of ${of})`, segmentBone(image)), report: { bone: {} } };
  const seg = segmentBoneByVertebrae(image, seeds);
  const split = (seeds.labels ?? []).map((l) => l.name).filter((n) => seg.labels?.some((x) => x.name === n));
  return {
    source: segSource(`bone (HU threshold of ${of}, split by vertebra labels)`, seg),
    report: { bone: { splitBy: sources.map((s) => s.file), vertebrae: split, reachMm: VERTEBRA_REACH_MM } },
  };
}

export function bloodPoolSource(
  heartValue: number,
  image: Volume,
  volumePath: string,
  sources: LabelSource[],
  log: (msg: string) => void,
): { source: LabelSource; report: BloodPoolReport } {
  if (image.modality !== 'CT')
    throw new CliError(
      `--split-blood-pool needs a contrast CT (HU); ${volumePath} is ${image.modality === 'MR' ? 'an MRI' : `'${image.modality}'`}`,
    );
  const src = sources.find((s) => s.present.includes(heartValue));
  if (!src)
    throw new CliError(
      `--split-blood-pool: label ${heartValue} not found in ${sources.map((s) => s.file).join(', ') || '(no --labels given)'}`,
    );
  let report: BloodPoolReport | undefined;
  const seg = splitBloodPool(
    image,
    { ...src.labels, name: src.file },
    { heartValues: [heartValue], onReport: (r) => (report = r) },
  );
  if (report!.thresholdHu < CONTRAST_MIN_OTSU_HU)
    log(
      `warning: ${volumePath}: the heart label shows no contrast blood (Otsu cut ${report!.thresholdHu} HU < ${CONTRAST_MIN_OTSU_HU} HU); myocardium/blood pool are unreliable`,
    );
  const file = `heart blood pool (label ${heartValue} of ${basename(src.file)}, Otsu ${report!.thresholdHu} HU)`;
  return { source: segSource(file, seg), report: report! };
}
