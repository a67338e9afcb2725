// Public face of HU-based segmentation for scans without label maps: connected components, inside-body
// mask, lungs, bone, vertebra splitting from seeds, blood pool vs myocardium. Pure TypeScript over typed
// arrays (no DOM). Units: HU, mm. Frames: voxel IJK, world RAS+ (see ../types.ts).
export { connectedComponents, selectComponents, type Components } from './components';
export { bodyMask, axialSliceAxis, BODY_TISSUE_HU, PURE_AIR_HU } from './body';
export { segmentLungs, SECOND_LUNG_MIN_FRACTION, type LungOptions } from './lungs';
export { segmentBone, splitTouchingVertebrae, type BoneOptions } from './bone';
export { splitBloodPool, otsuThresholdHu, type BloodPoolOptions, type BloodPoolReport } from './blood';
