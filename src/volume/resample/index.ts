// Public face of resampling: label maps onto another grid (nearest, through both affines) and
// isotropic regridding (used by the solvers to build their voxel grids). World RAS mm.
export { resampleLabelsTo } from './labels-to';
export { resampleToSpacing } from './spacing';
