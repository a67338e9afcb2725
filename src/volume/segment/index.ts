// Public face of HU-based segmentation for scans without label maps: connected components, inside-body
// mask, distance transform, lungs (airway removed, lungs parted), bone, bone split by vertebra labels,
// blood pool vs myocardium. Pure TypeScript over typed arrays (no DOM). Units: HU, mm.
// Frames: voxel IJK, world RAS+ (see ../types.ts).
export { connectedComponents, selectComponents, type Components } from './components';
export { bodyMask, axialSliceAxis, BODY_TISSUE_HU, PURE_AIR_HU } from './body';
export { segmentLungs, SECOND_LUNG_MIN_FRACTION, type LungOptions, type LungReport } from './lungs';
export { separateLungs, type LungSplit } from './lung-split';
export { squaredDistanceMm2 } from './distance';
export { segmentBone, splitTouchingVertebrae, type BoneOptions, type SplitOptions } from './bone';
export { segmentBoneByVertebrae, VERTEBRA_REACH_MM, type BoneSplitOptions } from './bone-split';
export { splitBloodPool, otsuThresholdHu, CONTRAST_MIN_OTSU_HU, type BloodPoolOptions, type BloodPoolReport } from './blood';
