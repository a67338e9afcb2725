// Public face of the linear-elastic stress solver (small strain, voxel micro-FE with trilinear hexahedra,
// matrix-free Jacobi-PCG on the compute layer's backend). Units: mm, N, MPa (stress, modulus), MPa = mJ/mm³
// (strain energy density). Frames: solver vectors in the element grid's local axes; all outputs in world RAS+ mm.
export type { HexDomain, HexMesh, FaceSet, ElasticProblem, SolveStats } from './types';
export { referenceStiffness, lame, strainMatrix, CORNER_OFFSETS } from './hex-stiffness';
export { buildHexMesh, nodeIJK, elemIJK, gridToElementTable } from './mesh';
export { boxDomain, cylinderDomain, shellOctantDomain, voxelise, type UniformMaterial } from './domains';
export { gridRotation, gridToWorld, nodePositions, rotateVectors, toLocal } from './frame';
export {
  faceNodes,
  faceCentre,
  faceNormalLocal,
  facesWhere,
  exposedFaces,
  faceArea,
  addTraction,
  addPressure,
  addTotalForce,
  addBendingMoment,
  nodesOfFaces,
  fixNodes,
  nodesNearPoints,
  facesNearPoints,
  addRoller,
} from './loads';
export { stiffnessParts, matvecRef, matvecGatherRef, diagonalRef, type StiffnessParts } from './operator';
export { pcgRef, pcgAsync, type PcgOps, type PcgOptions, type PcgResult } from './pcg';
export { solveElastic, trueRelativeResidual, type SolveOptions, type ElasticSolution } from './solve';
export {
  elementFields,
  averageToNodes,
  worldDisplacement,
  fractionAboveYield,
  type ElementFields,
} from './post';
export { principal3, vonMises } from './tensor';
export { createGpuOps, matvecF32Ref } from './gpu-ops';
export { stiffnessMatvecKernel, jacobiKernel } from './stiffness.kernel';
export {
  axialLoadCase,
  shellPressureCase,
  type SupportKind,
  type AxialCase,
  type ShellCase,
} from './scenarios';
export {
  vertebraCase,
  cavityPressureCase,
  surfacePressureCase,
  fixRigidMotion,
  meanFaceDisplacement,
  faceRotationAboutX,
  type RegionCase,
  type VertebraLoad,
} from './presets';
export { domainFromLabels, type VolumeDomain, type VolumeDomainOptions } from './volume-domain';
export * from './materials';
export * from './bone-material';
export * from './cortical-shell';
export { buildStressResult, stressResultToVti, type StressResult } from './result';
export { meanAxialStressAt, lameSphere, meanRadialDisplacement, hoopStressError } from './analysis';
export { mechanicsKernelParityCases, KERNEL_PARITY_TOL, SOLVE_PARITY_TOL, type ParityCase } from './parity';
export { largestFaceComponent } from './components';
export { customLoadCase, type Region, type CustomLoad, type CustomSupport } from './custom';
export { buildMultigrid, type Multigrid } from './multigrid';
