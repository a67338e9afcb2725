// Organ class of a label name (heart / lung / vertebra / vessel / airway / other), used to pick which
// meshes get which solver and a default display colour (sRGB 0..1). Names are matched case-insensitively
// and tolerate TotalSegmentator, VerSe and Slicer spellings (heart_myocardium, lung_upper_lobe_left,
// vertebrae_L3, L3, T12, vertebra_T8, ...). No units or frames.
import type { Vec3 } from '../types';

export type OrganClass = 'heart' | 'lung' | 'vertebra' | 'vessel' | 'airway' | 'other';

const HEART = /heart|myocard|ventricle|atrium|atria\b|atrial_appendage|cardiac|pericard/;
const LUNG = /lung|pulmonary_lobe|lobe_(upper|middle|lower)/;
const VERTEBRA_LEVEL = /(^|[^a-z])(c[1-7]|t(1[0-3]|[1-9])|l[1-6]|s[1-5])$/;
const VESSEL = /aort|arter|vein|vena|venous|trunk|vessel|carotid|iliac_vena|coronar/;
const AIRWAY = /trachea|bronch|airway/;

export function classifyLabel(name: string): OrganClass {
  const n = name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (/intervertebral|disc|spinal_cord|canal/.test(n)) return 'other';
  if (/pulmonary_(vein|arter|trunk)/.test(n)) return 'vessel';
  if (HEART.test(n)) return 'heart';
  if (LUNG.test(n)) return 'lung';
  if (
    /vertebra|sacrum|coccyx|^spine$|vertebral_body|spinous|spinosus|transverse_process|costal_process|articular_process|arcus|corpus/.test(
      n,
    )
  )
    return 'vertebra';
  if (VERTEBRA_LEVEL.test(n)) return 'vertebra';
  if (AIRWAY.test(n)) return 'airway';
  if (VESSEL.test(n)) return 'vessel';
  return 'other';
}

const COLORS: Record<OrganClass, Vec3> = {
  heart: [0.8, 0.25, 0.25],
  lung: [0.55, 0.75, 0.9],
  vertebra: [0.93, 0.88, 0.75],
  vessel: [0.85, 0.3, 0.45],
  airway: [0.6, 0.85, 0.85],
  other: [0.7, 0.7, 0.6],
};

export function classColor(c: OrganClass): Vec3 {
  return [...COLORS[c]] as Vec3;
}
