// Known label schemes: TotalSegmentator v2 class tables ('total' CT task, 117 classes; 'total_mr' MR task,
// 50 classes), written from the published class maps; VerSe vertebra ids (Sekuboyina et al. 2021: 1-7
// C1-C7, 8-19 T1-T12, 20-25 L1-L6, 26 sacrum, 27 coccyx, 28 T13) and the VerSe/TPTBox vertebra
// sub-regions 41-50. Values are label voxel values; colours (sRGB 0..1) come from the organ class (see
// ./classify.ts). No units or frames.
import type { LabelInfo } from '../types';
import { classColor, classifyLabel } from './classify';

const TOTAL_BASE: string[] = [
  'spleen',
  'kidney_right',
  'kidney_left',
  'gallbladder',
  'liver',
  'stomach',
  'pancreas',
  'adrenal_gland_right',
  'adrenal_gland_left',
  'lung_upper_lobe_left',
  'lung_lower_lobe_left',
  'lung_upper_lobe_right',
  'lung_middle_lobe_right',
  'lung_lower_lobe_right',
  'esophagus',
  'trachea',
  'thyroid_gland',
  'small_bowel',
  'duodenum',
  'colon',
  'urinary_bladder',
  'prostate',
  'kidney_cyst_left',
  'kidney_cyst_right',
  'sacrum',
  'vertebrae_S1',
  'vertebrae_L5',
  'vertebrae_L4',
  'vertebrae_L3',
  'vertebrae_L2',
  'vertebrae_L1',
  'vertebrae_T12',
  'vertebrae_T11',
  'vertebrae_T10',
  'vertebrae_T9',
  'vertebrae_T8',
  'vertebrae_T7',
  'vertebrae_T6',
  'vertebrae_T5',
  'vertebrae_T4',
  'vertebrae_T3',
  'vertebrae_T2',
  'vertebrae_T1',
  'vertebrae_C7',
  'vertebrae_C6',
  'vertebrae_C5',
  'vertebrae_C4',
  'vertebrae_C3',
  'vertebrae_C2',
  'vertebrae_C1',
  'heart',
  'aorta',
  'pulmonary_vein',
  'brachiocephalic_trunk',
  'subclavian_artery_right',
  'subclavian_artery_left',
  'common_carotid_artery_right',
  'common_carotid_artery_left',
  'brachiocephalic_vein_left',
  'brachiocephalic_vein_right',
  'atrial_appendage_left',
  'superior_vena_cava',
  'inferior_vena_cava',
  'portal_vein_and_splenic_vein',
  'iliac_artery_left',
  'iliac_artery_right',
  'iliac_vena_left',
  'iliac_vena_right',
  'humerus_left',
  'humerus_right',
  'scapula_left',
  'scapula_right',
  'clavicula_left',
  'clavicula_right',
  'femur_left',
  'femur_right',
  'hip_left',
  'hip_right',
  'spinal_cord',
  'gluteus_maximus_left',
  'gluteus_maximus_right',
  'gluteus_medius_left',
  'gluteus_medius_right',
  'gluteus_minimus_left',
  'gluteus_minimus_right',
  'autochthon_left',
  'autochthon_right',
  'iliopsoas_left',
  'iliopsoas_right',
  'brain',
  'skull',
];
const RIBS = ['left', 'right'].flatMap((side) =>
  Array.from({ length: 12 }, (_, t) => `rib_${side}_${t + 1}`),
);
const TOTAL = [...TOTAL_BASE, ...RIBS, 'sternum', 'costal_cartilages'];

const TOTAL_MR: string[] = [
  'spleen',
  'kidney_right',
  'kidney_left',
  'gallbladder',
  'liver',
  'stomach',
  'pancreas',
  'adrenal_gland_right',
  'adrenal_gland_left',
  'lung_left',
  'lung_right',
  'esophagus',
  'small_bowel',
  'duodenum',
  'colon',
  'urinary_bladder',
  'prostate',
  'sacrum',
  'vertebrae',
  'intervertebral_discs',
  'spinal_cord',
  'heart',
  'aorta',
  'inferior_vena_cava',
  'portal_vein_and_splenic_vein',
  'iliac_artery_left',
  'iliac_artery_right',
  'iliac_vena_left',
  'iliac_vena_right',
  'humerus_left',
  'humerus_right',
  'scapula_left',
  'scapula_right',
  'clavicula_left',
  'clavicula_right',
  'femur_left',
  'femur_right',
  'hip_left',
  'hip_right',
  'gluteus_maximus_left',
  'gluteus_maximus_right',
  'gluteus_medius_left',
  'gluteus_medius_right',
  'gluteus_minimus_left',
  'gluteus_minimus_right',
  'autochthon_left',
  'autochthon_right',
  'iliopsoas_left',
  'iliopsoas_right',
  'brain',
];

/** VerSe vertebra name of id v (1-28), or undefined. */
export function verseVertebraName(v: number): string | undefined {
  if (!Number.isInteger(v) || v < 1 || v > 28) return undefined;
  if (v <= 7) return `C${v}`;
  if (v <= 19) return `T${v - 7}`;
  if (v <= 25) return `L${v - 19}`;
  return v === 26 ? 'sacrum' : v === 27 ? 'coccyx' : 'T13';
}

/** Anatomical order (superior to inferior) of VerSe ids: T13 (28) sits between T12 (19) and L1 (20). */
export function verseOrder(v: number): number {
  return v === 28 ? 19.5 : v;
}

/** VerSe / TPTBox vertebra sub-regions (seg-subreg), ids 41-50; left/right are the patient's. */
export const VERSE_SUBREGIONS: Record<number, string> = {
  41: 'arcus_vertebrae',
  42: 'spinous_process',
  43: 'costal_process_left',
  44: 'costal_process_right',
  45: 'superior_articular_process_left',
  46: 'superior_articular_process_right',
  47: 'inferior_articular_process_left',
  48: 'inferior_articular_process_right',
  49: 'vertebral_body_rim',
  50: 'vertebral_body',
};

export type SchemeName = 'total' | 'total_mr' | 'verse' | 'verse_subregions';
export const SCHEME_NAMES: SchemeName[] = ['total', 'total_mr', 'verse', 'verse_subregions'];

/** Class ids and names of a known scheme (TotalSegmentator 'total' / 'total_mr', VerSe, VerSe sub-regions). */
export function knownLabelScheme(scheme: SchemeName): LabelInfo[] {
  const withColor = (value: number, name: string): LabelInfo => ({
    value,
    name,
    color: classColor(classifyLabel(name)),
  });
  if (scheme === 'verse')
    return Array.from({ length: 28 }, (_, t) => withColor(t + 1, verseVertebraName(t + 1)!));
  if (scheme === 'verse_subregions')
    return Object.entries(VERSE_SUBREGIONS).map(([v, name]) => withColor(Number(v), name));
  const names = scheme === 'total' ? TOTAL : TOTAL_MR;
  return names.map((name, t) => withColor(t + 1, name));
}
