// Stress workflow inside the solver worker: organ preset → voxel hex domain (element size h mm, E/ν uniform or
// HU-based for bone) → loads and supports (sphere regions in world RAS mm, defaults per preset) → Jacobi-PCG →
// von Mises (element → node average), max principal stress and displacement sampled onto the organ mesh.
// Units in: N, N·mm (moment), kPa (pressures), MPa (E). Out: stress in the preset's display unit (MPa for bone,
// kPa for soft tissue), displacement RAS mm. Presets: vertebra compression/flexion, LV cavity pressure, lung inflation.
import type { Vec3, Volume } from '../../volume/types';
import * as M from '../../solvers/mechanics';
import { boneModulusFromHu, LUNG_PARENCHYMA, MYOCARDIUM } from '../../solvers/mechanics/materials';
import { domainFromLabels } from '../../solvers/mechanics/volume-domain';
import { invertAffine } from '../../volume/affine';
import { applySampling, planSampling } from './solver-sampling';
import type { MeshTarget } from './solver-ep-run';

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
  fields: StressFieldOut[];
}

function extremeNodes(world: Float64Array, axis: number, top: boolean, bandMm: number): number[] {
  let lo = Infinity, hi = -Infinity;
  for (let n = axis; n < world.length; n += 3) {
    lo = Math.min(lo, world[n]!);
    hi = Math.max(hi, world[n]!);
  }
  const out: number[] = [];
  for (let n = 0; n < world.length / 3; n++) {
    const v = world[3 * n + axis]!;
    if (top ? v >= hi - bandMm : v <= lo + bandMm) out.push(n);
  }
  return out;
}

export async function runStressOnScan(
  labels: Volume,
  image: Volume | undefined,
  targets: MeshTarget[],
  p: StressParams,
  progress: (f: number, msg: string) => void,
  signal: AbortSignal,
): Promise<StressSummary> {
  progress(0.02, `building elements at ${p.elementMm} mm`);
  const bone = p.preset.startsWith('vertebra');
  const domain = domainFromLabels({
    labels,
    ids: p.solidLabels,
    h: p.elementMm,
    image: bone && p.material === 'hu' ? image : undefined,
    material: (hu) =>
      p.material === 'hu' && bone && Number.isFinite(hu)
        ? { E: boneModulusFromHu(hu), nu: 0.3 }
        : p.material === 'hu' && !bone
          ? p.preset === 'lung-inflation' ? LUNG_PARENCHYMA : MYOCARDIUM
          : { E: p.E_MPa, nu: p.nu },
  });
  if (domain.elements.length === 0) throw new Error('stress: the selected organ has no element at this size');
  const mesh = M.buildHexMesh(domain);
  const nodeWorld = M.nodePositions(domain, mesh);
  const force = new Float64Array(3 * mesh.nNodes);
  const fixed = new Uint8Array(3 * mesh.nNodes);
  const h = p.elementMm;
  const band = 1.01 * h;
  let description: string;
  const fixRegion = (def: number[]) => {
    const nodes = p.fixedRegion
      ? M.nodesNearPoints(nodeWorld, p.fixedRegion.ras, Math.max(p.fixedRegion.radiusMm, h))
      : Int32Array.from(def);
    if (nodes.length === 0) throw new Error('stress: the fixed region touches no node; click closer to the organ or enlarge it');
    M.fixNodes(fixed, nodes);
  };
  if (bone) {
    const top = p.loadRegion
      ? M.facesNearPoints(domain, p.loadRegion.ras, Math.max(p.loadRegion.radiusMm, h))
      : endplateFaces(domain, nodeWorld, true);
    if (p.preset === 'vertebra-compression') {
      M.addTotalForce(domain, mesh, top, force, [0, 0, -p.load]);
      description = `axial compression ${p.load} N on the superior endplate, inferior endplate fixed`;
    } else {
      M.addBendingMoment(domain, mesh, top, force, p.load * 1000, [1, 0, 0], [0, 0, -1]);
      description = `flexion moment ${p.load} N·m about the left-right axis on the superior endplate, inferior fixed`;
    }
    fixRegion(Array.from(M.nodesOfFaces(mesh, endplateFaces(domain, nodeWorld, false))));
  } else if (p.preset === 'ventricle-pressure') {
    const cav = p.cavityLabel ?? -1;
    const faces = M.facesWhere(domain, (i, j, k, act) => act < 0 && domain.labelAt(i, j, k) === cav);
    if (faces.length === 0) throw new Error('stress: no myocardial face borders the ventricular cavity label');
    M.addPressure(domain, mesh, faces, force, p.load / 1000);
    description = `cavity pressure ${p.load} kPa on the LV endocardium, base fixed`;
    fixRegion(extremeNodes(nodeWorld, 2, true, 2 * band));
  } else {
    const faces = M.exposedFaces(domain);
    M.addPressure(domain, mesh, faces, force, -p.load / 1000);
    description = `transpulmonary pressure ${p.load} kPa on the pleural surface, medial (hilum) side fixed`;
    fixRegion(hilumNodes(nodeWorld, band * 3));
  }
  progress(0.1, `${domain.elements.length} elements, ${mesh.nNodes} nodes; solving`);
  const sol = await M.solveElastic({ domain, mesh, force, fixed, description }, {
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
    return { vonMises, maxPrincipal, dispMag, displacement };
  });
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
    fields,
  };
}

/** Exposed +k (superior) or −k (inferior) faces in the upper / lower half of the solid: the endplates. */
function endplateFaces(domain: M.HexDomain, world: Float64Array, superior: boolean): Int32Array {
  let lo = Infinity, hi = -Infinity;
  for (let n = 2; n < world.length; n += 3) {
    lo = Math.min(lo, world[n]!);
    hi = Math.max(hi, world[n]!);
  }
  const mid = (lo + hi) / 2;
  return M.exposedFaces(domain).filter((c) => {
    const z = M.faceCentre(domain, c)[2];
    return superior ? c % 6 === 5 && z > mid : c % 6 === 4 && z < mid;
  });
}

/** Nodes within `band` mm of the most medial extent (closest to the midline x = 0): the lung root. */
function hilumNodes(world: Float64Array, band: number): number[] {
  let best = Infinity;
  for (let n = 0; n < world.length; n += 3) best = Math.min(best, Math.abs(world[n]!));
  const out: number[] = [];
  for (let n = 0; n < world.length / 3; n++) if (Math.abs(world[3 * n]!) <= best + band) out.push(n);
  return out;
}
