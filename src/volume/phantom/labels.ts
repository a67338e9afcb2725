// Label values, names and display colours (sRGB 0..1) of the procedural phantom's label map.
// Vertebrae are named by the level where they sit: the phantom's field of view (192 mm, centred on the
// heart) spans the mid-thoracic spine behind the heart, so its five vertebrae are T5..T9 (the issue's
// example used vertebra_L1..; the level follows the anatomical position) with discs disc_T5_T6..disc_T8_T9.
import type { LabelInfo } from '../types';

export const L = {
  body: 1,
  lung_left: 2,
  lung_right: 3,
  trachea: 4,
  heart_myocardium: 5,
  lv_blood: 6,
  rv_blood: 7,
  la_blood: 8,
  ra_blood: 9,
  aorta: 10,
} as const;

/** Thoracic levels of the phantom's vertebrae, superior to inferior, with their centre z in mm. */
export const VERTEBRAE: { level: string; value: number; zc: number }[] = [
  { level: 'T5', value: 11, zc: 60 },
  { level: 'T6', value: 12, zc: 30 },
  { level: 'T7', value: 13, zc: 0 },
  { level: 'T8', value: 14, zc: -30 },
  { level: 'T9', value: 15, zc: -60 },
];

/** Discs between consecutive vertebrae (upper, lower) with their label values. */
export const DISCS = VERTEBRAE.slice(0, -1).map((v, n) => {
  const lower = VERTEBRAE[n + 1]!;
  return { name: `disc_${v.level}_${lower.level}`, value: 16 + n, zTop: v.zc, zBottom: lower.zc };
});

export const PHANTOM_LABELS: LabelInfo[] = [
  { value: L.body, name: 'body', color: [0.91, 0.76, 0.66] },
  { value: L.lung_left, name: 'lung_left', color: [0.96, 0.66, 0.7] },
  { value: L.lung_right, name: 'lung_right', color: [0.98, 0.74, 0.78] },
  { value: L.trachea, name: 'trachea', color: [0.82, 0.84, 0.86] },
  { value: L.heart_myocardium, name: 'heart_myocardium', color: [0.6, 0.22, 0.17] },
  { value: L.lv_blood, name: 'lv_blood', color: [0.5, 0.03, 0.06] },
  { value: L.rv_blood, name: 'rv_blood', color: [0.4, 0.06, 0.2] },
  { value: L.la_blood, name: 'la_blood', color: [0.62, 0.08, 0.1] },
  { value: L.ra_blood, name: 'ra_blood', color: [0.34, 0.08, 0.26] },
  { value: L.aorta, name: 'aorta', color: [0.86, 0.1, 0.1] },
  ...VERTEBRAE.map((v, n): LabelInfo => ({
    value: v.value,
    name: `vertebra_${v.level}`,
    color: [0.95 - 0.015 * n, 0.92 - 0.015 * n, 0.8 - 0.01 * n],
  })),
  ...DISCS.map((d): LabelInfo => ({ value: d.value, name: d.name, color: [0.62, 0.8, 0.95] })),
];
