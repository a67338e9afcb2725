// Public face of src/volume: the Volume container types, readers/writers, label maps, resampling,
// memory budget and affine helpers. World frame everywhere: RAS+ mm (see ./types.ts).
export * from './types';
export * from './affine';
export * from './budget';
export * from './io';
export * from './labels';
export * from './resample';
export * from './phantom';
export * from './segment';
