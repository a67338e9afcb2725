// Which voxels are EP tissue in the app, the same rule as `simulate ep --volume --labels` (src/cli/simulate-ep-
// domain.ts): a label named like a myocardium is used as it is; a whole-heart label on a contrast CT becomes the
// heart minus the contrast-filled blood pool minus fat (solvers/ep/myocardium.ts), and that blood pool becomes the
// cavity for rule-based fibres. Without contrast (Otsu cut below CONTRAST_MIN_OTSU_HU) or without a CT in HU the
// label is used whole and the note says so. Units HU, ml; frame world RAS mm.
import type { Volume } from '../../volume/types';
import { BLOOD_POOL_VALUE, MYOCARDIUM_VALUE, myocardiumFromCt } from '../../solvers/ep';
import { CONTRAST_MIN_OTSU_HU } from '../../volume/segment';

export interface EpTissue {
  labels: Volume;
  tissue: number[];
  cavities: number[];
  /** What was done to the chosen label, for the run summary (undefined: used as chosen). */
  note?: string;
}

export function epTissue(labels: Volume, image: Volume | undefined, tissue: number[], cavities: number[]): EpTissue {
  const names = tissue.map((v) => labels.labels?.find((l) => l.value === v)?.name ?? String(v));
  if (names.some((n) => /myocard/i.test(n)) || cavities.length > 0 || !image) return { labels, tissue, cavities };
  const what = names.join(', ');
  if (image.units !== 'HU') return { labels, tissue, cavities, note: `'${what}' used whole (blood pool included): the image is not a CT in HU` };
  const m = myocardiumFromCt(image, labels, tissue);
  const r = m.report;
  if (r.thresholdHu < CONTRAST_MIN_OTSU_HU)
    return { labels, tissue, cavities, note: `'${what}' used whole (blood pool included): no contrast blood inside it (Otsu ${r.thresholdHu} HU < ${CONTRAST_MIN_OTSU_HU} HU)` };
  return {
    labels: m.labels,
    tissue: [MYOCARDIUM_VALUE],
    cavities: [BLOOD_POOL_VALUE],
    note: `myocardium = '${what}' minus the contrast blood pool (Otsu ${r.thresholdHu} HU) and fat: ${r.myocardiumMl.toFixed(0)} ml, blood ${r.bloodMl.toFixed(0)} ml`,
  };
}
