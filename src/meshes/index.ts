// Public face of src/meshes: surface reconstruction (vtk.js marching cubes + windowed sinc + meshoptimizer),
// mesh metrics and mesh file I/O. Units: world RAS mm, ml, ms. No DOM; runs in Node, workers and tests.
export type { Field, MeshMetrics, SurfaceMesh } from './types';
export {
  reconstructLabel,
  reconstructOrgans,
  isoSurface,
  type ReconstructOptions,
  type ReconstructResult,
  type StageTimings,
  type OrganSelection,
} from './reconstruct';
export { meshesReady, decimate } from './decimate';
export { meshMetrics, isWatertight, signedVolumeMm3, type FullMetrics } from './metrics';
export { vertexNormals, flipWinding } from './geometry';
export {
  exportMesh,
  importMesh,
  writeVti,
  MeshReadError,
  MESH_FORMATS,
  type MeshFormat,
  type VtiGrid,
  writeVertexCsv,
  writeTimeSeriesCsv,
  parseNumericCsv,
  csvHeader,
  csvNumber,
  type CsvColumn,
} from './io';
