// Plain data containers for surface meshes and the scalar/vector fields sampled on them.
// Positions are world RAS+ millimetres (see src/volume/types.ts); triangles wind counter-clockwise
// seen from outside, so normals point outward. Fields are per vertex unless stated.

export interface Field {
  name: string;
  /** Physical units, e.g. 'mV', 'ms', 'kPa', 'MPa', 'mm'. */
  units: string;
  /** 1 for scalars, 3 for vectors, 6 for symmetric tensors (xx, yy, zz, xy, yz, zx). */
  components: number;
  /** values[(t * nVertices + v) * components + c]; one frame when times is absent. */
  values: Float32Array;
  /** Frame times in ms for time-varying fields. */
  times?: Float32Array;
}

export interface MeshMetrics {
  triangles: number;
  areaMm2: number;
  volumeMl: number;
  /** Voxel volume of the source label in ml (when reconstructed from a label). */
  voxelVolumeMl?: number;
  watertight: boolean;
  /** Fraction of triangles decimation removed (when asked to decimate; can be milder than asked). */
  decimatedFraction?: number;
  /** Centroid of the enclosed solid, world RAS mm (set by meshMetrics). */
  centroidMm?: [number, number, number];
  /** Axis-aligned bounds of the vertices, world RAS mm (set by meshMetrics). */
  boundsMm?: { min: [number, number, number]; max: [number, number, number] };
}

export interface SurfaceMesh {
  name: string;
  /** Label value it was reconstructed from, if any. */
  label?: number;
  /** xyz per vertex, world RAS mm. */
  positions: Float32Array;
  /** Three vertex indices per triangle. */
  indices: Uint32Array;
  /** Unit outward normals per vertex. */
  normals?: Float32Array;
  /** sRGB 0..1 display colour suggestion. */
  color?: [number, number, number];
  fields: Record<string, Field>;
  metrics?: MeshMetrics;
}
