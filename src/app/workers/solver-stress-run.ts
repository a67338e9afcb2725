// Stress workflow inside the solver worker: organ preset → voxel hex domain (element size h mm, E/ν uniform or
// HU-based for bone) → loads and supports (sphere regions in world RAS mm, defaults per preset) → Jacobi-PCG →
// von Mises (element → node average), max principal stress, displacement, principal strains ε1/ε3 and strain
// energy density sampled onto the organ mesh; for the vertebra the fraction of bone above yield strain.
// Units in: N, N·mm (moment), kPa (pressures), MPa (E). Out: stress in the preset's display unit (MPa for bone,
// kPa for soft tissue), displacement RAS mm; the same three scalars per node of the element grid go out too (for
// the slice overlays). Presets: vertebra compression/flexion, LV cavity pressure, lung inflation.
import type { Vec3, Volume } from '../../volume/types';
import * as M from '../../solvers/mechanics';
import { domainFromLabels } from '../../solvers/mechanics/volume-domain';
import { invertAffine } from '../../volume/affine';
import { applySampling, planSampling } from './solver-sampling';
import { stressMaterial, type BoneLawParams, type CorticalParams } from './stress-material';
import { extraNodeFields, fractureRisk, type FractureRisk, type SurfaceField } from './stress-surface';
import { buildStressCase } from './stress-case';
import type { MeshTarget } from './solver-ep-run';
import type { GridGeometry } from './slice-field';

export type StressPreset = 'vertebra-compression' | 'vertebra-flexion' | 'ventricle-pressure' | 'lung-inflation';

export interface Region {
  ras: Vec3;
  radiusMm: number;
}

export interface StressParams {
  preset: StressPreset;
  /** Solid labels (vertebra / myocardium / lung) and, for pressure presets, the cavity label (LV blood). */
  solidLabels: number[];
  cavityLabel?: number;
  /** N (compression), N·m (flexion) or kPa (pressures). */
  load: number;
  elementMm: number;
  material: 'hu' | 'uniform';
  E_MPa: number;
  nu: number;
  /** Bone HU→E law and density calibration (vertebra presets with material 'hu'; default vertebra, HU/600). */
  boneLaw?: BoneLawParams;
  /** Cortical shell on the vertebral-body rim (needs a sub-region map); undefined = default, null = off. */
  cortical?: CorticalParams | null;
  loadRegion?: Region;
  fixedRegion?: Region;
  backend: 'auto' | 'js' | 'cpu' | 'webasm' | 'webgl2' | 'webgpu';
}

export interface StressFieldOut {
  vonMises: Float32Array;
  maxPrincipal: Float32Array;
  dispMag: Float32Array;
  /** RAS mm per vertex. */
  displacement: Float32Array;
  /** Principal strains ε1 (max) and ε3 (min) (%) and strain energy density (kJ/m³ bone, J/m³ soft tissue) per vertex. */
  extra: SurfaceField[];
}

export interface StressSummary {
  units: 'MPa' | 'kPa';
  elements: number;
  iterations: number;
  converged: boolean;
  relativeResidual: number;
  backend: string;
  wallMs: number;
  maxDispMm: number;
  description: string;
  /** The material law used (e.g. the HU→E law and its density calibration). */
  materialNote: string;
  /** Vertebra presets: fraction of bone volume above the yield strains (Morgan & Keaveny 2001). */
  fractureRisk?: FractureRisk;
  fields: StressFieldOut[];
  /** Node grid (nodeToWorld, node index) with von Mises, max principal (display unit) and |u| (mm) per node. */
  grid: GridGeometry & { vonMises: Float32Array; maxPrincipal: Float32Array; dispMag: Float32Array };
}


export async function runStressOnScan(
  labels: Volume,
  image: Volume | undefined,
  targets: MeshTarget[],
  p: StressParams,
  progress: (f: number, msg: string) => void,
  signal: AbortSignal,
  subregions?: Volume,
): Promise<StressSummary> {
  progress(0.02, `building elements at ${p.elementMm} mm`);
  const bone = p.preset.startsWith('vertebra');
  const mat = stressMaterial(p);
  const domain = domainFromLabels({
    labels,
    ids: p.solidLabels,
    h: p.elementMm,
    image: mat.needsImage ? image : undefined,
    // VerSe sub-regions (if loaded): element labels for the body endplates and the cortical rim, as in the CLI
    subregions: bone ? subregions : undefined,
    material: mat.material,
  });
  const cortical = bone && mat.needsImage ? M.applyCorticalShell(domain, mat.cortical) : undefined;
  if (domain.elements.length === 0) throw new Error('stress: the selected organ has no element at this size');
  const { problem, description } = buildStressCase(domain, p);
  const { mesh } = problem;
  progress(0.1, `${domain.elements.length} elements, ${mesh.nNodes} nodes; solving`);
  const sol = await M.solveElastic(problem, {
    backend: p.backend,
    tol: 1e-5,
    maxIter: 4000,
    progressEvery: 20,
    onProgress: (it, rel) => {
      if (signal.aborted) throw new Error('cancelled');
      progress(0.1 + 0.8 * Math.min(1, Math.log10(1 / Math.max(rel, 1e-12)) / 5), `PCG iteration ${it}, residual ${rel.toExponential(1)}`);
    },
  });
  if (signal.aborted) throw new Error('cancelled');
  progress(0.92, 'post-processing');
  const ef = M.elementFields(domain, mesh, sol.u);
  const scale = bone ? 1 : 1000;
  const vmNodes = M.averageToNodes(mesh, ef.vonMises, 1);
  const p1 = new Float32Array(mesh.nElems);
  for (let e = 0; e < mesh.nElems; e++) p1[e] = ef.principalStress[3 * e]!;
  const p1Nodes = M.averageToNodes(mesh, p1, 1);
  const extraNodes = extraNodeFields(mesh, ef, bone);
  const uW = M.worldDisplacement(domain, sol.u);
  const [nx, ny, nz] = mesh.nodeDims;
  const index = new Int32Array(nx * ny * nz).fill(-1);
  for (let n = 0; n < mesh.nNodes; n++) index[mesh.nodeGrid[n]!] = n;
  const inv = invertAffine(domain.nodeToWorld);
  let maxDisp = 0;
  const fields = targets.map((t) => {
    const local = new Float32Array(t.positions.length);
    for (let v = 0; v < local.length; v += 3) {
      const x = t.positions[v]!, y = t.positions[v + 1]!, z = t.positions[v + 2]!;
      for (let a = 0; a < 3; a++) local[v + a] = inv[4 * a]! * x + inv[4 * a + 1]! * y + inv[4 * a + 2]! * z + inv[4 * a + 3]!;
    }
    const plan = planSampling({ dims: [nx, ny, nz], origin: [0, 0, 0], h: 1, index }, local);
    const vonMises = applySampling(plan, vmNodes).map((v) => (v > -1e29 ? v * scale : v));
    const maxPrincipal = applySampling(plan, p1Nodes).map((v) => (v > -1e29 ? v * scale : v));
    const displacement = new Float32Array(3 * plan.nVertices);
    const dispMag = new Float32Array(plan.nVertices);
    const comp = new Float32Array(mesh.nNodes);
    for (let a = 0; a < 3; a++) {
      for (let n = 0; n < mesh.nNodes; n++) comp[n] = uW[3 * n + a]!;
      const s = applySampling(plan, comp);
      for (let v = 0; v < plan.nVertices; v++) displacement[3 * v + a] = s[v]! > -1e29 ? s[v]! : 0;
    }
    for (let v = 0; v < plan.nVertices; v++) {
      dispMag[v] = Math.hypot(displacement[3 * v]!, displacement[3 * v + 1]!, displacement[3 * v + 2]!);
      maxDisp = Math.max(maxDisp, dispMag[v]!);
    }
    const extra = extraNodes.map((x) => ({ name: x.name, units: x.units, values: applySampling(plan, x.values) }));
    return { vonMises, maxPrincipal, dispMag, displacement, extra };
  });
  const nodeMag = new Float32Array(mesh.nNodes);
  for (let n = 0; n < mesh.nNodes; n++) nodeMag[n] = Math.hypot(uW[3 * n]!, uW[3 * n + 1]!, uW[3 * n + 2]!);
  const grid = {
    dims: [nx, ny, nz] as Vec3,
    gridToWorld: Float64Array.from(domain.nodeToWorld),
    index,
    vonMises: Float32Array.from(vmNodes, (v) => v * scale),
    maxPrincipal: Float32Array.from(p1Nodes, (v) => v * scale),
    dispMag: nodeMag,
  };
  progress(1, 'done');
  return {
    units: bone ? 'MPa' : 'kPa',
    elements: mesh.nElems,
    iterations: sol.stats.iterations,
    converged: sol.stats.converged,
    relativeResidual: sol.stats.relativeResidual,
    backend: sol.stats.backend,
    wallMs: sol.stats.wallMs,
    maxDispMm: maxDisp,
    description,
    materialNote: cortical ? `${mat.note}; ${cortical.note}` : mat.note,
    fractureRisk: bone ? fractureRisk(ef) : undefined,
    fields,
    grid,
  };
}
