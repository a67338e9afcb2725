// Public face of the procedural phantom: a deterministic synthetic torso CT (HU) with its label map, the
// label table, and analytic reference volumes. Units: mm, HU, ml. Frame: world RAS+ (see anatomy.ts).
export { generatePhantom, phantomGrid, VOXEL_MIN_MM, VOXEL_MAX_MM } from './generate';
export type { PhantomOptions, PhantomGrid } from './generate';
export { PHANTOM_LABELS, VERTEBRAE, DISCS } from './labels';
export { phantomAnalyticVolumesMl } from './reference';
export { HU as PHANTOM_HU, HEART_AXES, HEART_CENTER, BODY_HALF_Z, FOV_MM } from './anatomy';
