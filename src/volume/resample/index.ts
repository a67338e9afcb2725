// Public face of resampling: label maps onto another grid (nearest, through both affines) and
// isotropic regridding (used by the solvers to build their voxel grids). World RAS mm.
export { labelsOnGrid, resampleLabelsTo, sameGrid } from './labels-to';
export { resampleToSpacing } from './spacing';
