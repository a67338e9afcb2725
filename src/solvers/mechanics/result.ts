// Packs a solved problem into the solver's output: world displacements (mm), element-centre strain/stress and
// derived fields (MPa), node averages for sampling onto surface meshes, and the grid geometry (element dims,
// h, node-grid and element-centre affines) so fields can be written as VTI and sampled in world RAS+ mm.
import { writeVti } from '../../meshes/io/vti';
import { gridRotation, nodePositions } from './frame';
import { averageToNodes, elementFields, worldDisplacement, type ElementFields } from './post';
import type { ElasticProblem, SolveStats } from './types';

export interface StressResult {
  description: string;
  stats: SolveStats;
  /** Element-grid dims; the node grid is dims + 1. Element size h (mm). */
  dims: [number, number, number];
  h: number;
  /** Row-major 4×4: node-grid index → world mm. Element (i,j,k) centre = node grid (i+½, j+½, k+½). */
  nodeToWorld: Float64Array;
  /** Compact element → linear element-grid index; compact node → linear node-grid index. */
  elements: Int32Array;
  nodeGrid: Int32Array;
  /** World node positions and displacements (mm), 3 per node. */
  nodePositions: Float32Array;
  displacement: Float32Array;
  element: ElementFields;
  /** Element fields averaged to nodes: von Mises (MPa), SED (MPa), stress (6, MPa). */
  node: { vonMises: Float32Array; sed: Float32Array; stress: Float32Array };
}

export function buildStressResult(problem: ElasticProblem, u: Float64Array, stats: SolveStats): StressResult {
  const { domain, mesh } = problem;
  const element = elementFields(domain, mesh, u);
  return {
    description: problem.description ?? '',
    stats,
    dims: [...domain.dims],
    h: domain.h,
    nodeToWorld: domain.nodeToWorld,
    elements: domain.elements,
    nodeGrid: mesh.nodeGrid,
    nodePositions: Float32Array.from(nodePositions(domain, mesh)),
    displacement: worldDisplacement(domain, u),
    element,
    node: {
      vonMises: averageToNodes(mesh, element.vonMises, 1),
      sed: averageToNodes(mesh, element.sed, 1),
      stress: averageToNodes(mesh, element.stress, 6),
    },
  };
}

function scatter(count: number, index: Int32Array, values: Float32Array, comps: number): Float32Array {
  const out = new Float32Array(count * comps);
  for (let i = 0; i < index.length; i++)
    for (let c = 0; c < comps; c++) out[comps * index[i]! + c] = values[comps * i + c]!;
  return out;
}

/** Two VTI files: node grid (displacement, averaged fields) and element-centre grid (tensors, derived fields). */
export function stressResultToVti(
  r: StressResult,
  E?: Float32Array,
): { nodes: Uint8Array; elements: Uint8Array } {
  const [nx, ny, nz] = r.dims;
  const R = gridRotation({ nodeToWorld: r.nodeToWorld } as Parameters<typeof gridRotation>[0]);
  const m = r.nodeToWorld;
  const origin = (o: number): [number, number, number] => [
    m[3]! + o * (m[0]! + m[1]! + m[2]!),
    m[7]! + o * (m[4]! + m[5]! + m[6]!),
    m[11]! + o * (m[8]! + m[9]! + m[10]!),
  ];
  const nNodeGrid = (nx + 1) * (ny + 1) * (nz + 1);
  const nElemGrid = nx * ny * nz;
  const mask = new Float32Array(r.elements.length).fill(1);
  const nodes = writeVti({
    dims: [nx + 1, ny + 1, nz + 1],
    spacing: [r.h, r.h, r.h],
    origin: origin(0),
    direction: Array.from(R),
    arrays: [
      { name: 'displacement_mm', values: scatter(nNodeGrid, r.nodeGrid, r.displacement, 3), components: 3 },
      { name: 'von_mises_MPa', values: scatter(nNodeGrid, r.nodeGrid, r.node.vonMises, 1), components: 1 },
      { name: 'sed_MPa', values: scatter(nNodeGrid, r.nodeGrid, r.node.sed, 1), components: 1 },
      { name: 'stress_MPa', values: scatter(nNodeGrid, r.nodeGrid, r.node.stress, 6), components: 6 },
    ],
  });
  const el = r.element;
  const arrays = [
    { name: 'von_mises_MPa', values: scatter(nElemGrid, r.elements, el.vonMises, 1), components: 1 },
    { name: 'stress_MPa', values: scatter(nElemGrid, r.elements, el.stress, 6), components: 6 },
    { name: 'strain', values: scatter(nElemGrid, r.elements, el.strain, 6), components: 6 },
    {
      name: 'principal_stress_MPa',
      values: scatter(nElemGrid, r.elements, el.principalStress, 3),
      components: 3,
    },
    {
      name: 'principal_strain',
      values: scatter(nElemGrid, r.elements, el.principalStrain, 3),
      components: 3,
    },
    { name: 'sed_MPa', values: scatter(nElemGrid, r.elements, el.sed, 1), components: 1 },
    { name: 'mask', values: scatter(nElemGrid, r.elements, mask, 1), components: 1 },
  ];
  if (E) arrays.push({ name: 'E_MPa', values: scatter(nElemGrid, r.elements, E, 1), components: 1 });
  const elements = writeVti({
    dims: [nx, ny, nz],
    spacing: [r.h, r.h, r.h],
    origin: origin(0.5),
    direction: Array.from(R),
    arrays,
  });
  return { nodes, elements };
}
