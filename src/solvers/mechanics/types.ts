// Data containers of the linear-elastic solver. Units: mm (lengths, displacements), N (forces), MPa = N/mm²
// (moduli, stresses), MPa = mJ/mm³ (strain energy density). Frames: the element grid's local axes (i, j, k) —
// solver vectors live there; `nodeToWorld` maps node-grid indices (I, J, K) to world RAS+ mm (row-major 4×4,
// columns of length h). Outputs are rotated to world by the post-processor.
import type { Vec3 } from '../../volume/types';

/** A voxel-aligned domain: active cubic elements of edge h on a grid of dims[0]×dims[1]×dims[2] elements. */
export interface HexDomain {
  /** Element counts along i, j, k. */
  dims: Vec3;
  /** Element edge length in mm (all elements are cubes). */
  h: number;
  /** Row-major 4×4 affine: node-grid (I, J, K, 1) → world RAS mm. Element (i,j,k) spans nodes i..i+1 etc. */
  nodeToWorld: Float64Array;
  /** Linear grid index (i + nx·(j + ny·k)) of each active element, ascending. */
  elements: Int32Array;
  /** Young's modulus per active element (MPa). */
  E: Float32Array;
  /** Poisson ratio per active element. */
  nu: Float32Array;
  /** Optional tissue label per active element (e.g. 49 cortical rim, 50 vertebral body). */
  label?: Int32Array;
  /** Optional HU per active element (CT domains). */
  hu?: Float32Array;
}

/** Compacted connectivity of a HexDomain (node list + element list with index tables). */
export interface HexMesh {
  nElems: number;
  nNodes: number;
  /** 8 node indices per element, local corner order (see hex-stiffness.ts). */
  elemNodes: Int32Array;
  /** 8 incident element indices per node (−1 = none); slot s holds the element in which the node is corner 7−s. */
  nodeElems: Int32Array;
  /** Linear node-grid index (I + (nx+1)·(J + (ny+1)·K)) of each node. */
  nodeGrid: Int32Array;
  /** Node-grid dims (nx+1, ny+1, nz+1). */
  nodeDims: Vec3;
}

/** A set of element faces: code = 6·element + face, face 0..5 = −i, +i, −j, +j, −k, +k. */
export type FaceSet = Int32Array;

/** A linear static problem on a mesh: nodal forces and homogeneous Dirichlet constraints (local frame). */
export interface ElasticProblem {
  domain: HexDomain;
  mesh: HexMesh;
  /** Nodal forces, 3 per node (N), local grid frame. */
  force: Float64Array;
  /** 1 where the DOF is fixed (u = 0), 3 per node. */
  fixed: Uint8Array;
  /** Free-text description of the load case (for summaries). */
  description?: string;
}

export interface SolveStats {
  iterations: number;
  /** ‖b − A u‖ / ‖b‖ at exit (recursively updated residual). */
  relativeResidual: number;
  converged: boolean;
  backend: string;
  wallMs: number;
  /** Set when not converged: a one-line reason. */
  message?: string;
}
