// Organ load-case presets on voxel domains built from images. Units: N, N·mm, MPa, mm. Frames: inputs in world
// RAS+ (superior = +z); faces are chosen by their WORLD normal, so permuted/flipped image axes are handled.
// - vertebraCase: superior endplate (exposed faces of the vertebral body whose world normal is +z, in the upper
//   half of the body) loaded by an axial force and/or a flexion moment (linearly varying endplate traction about
//   the world left-right axis); inferior endplate (−z faces, lower half) clamped or on rollers.
// - cavityPressureCase: pressure on the faces between the solid and cavity labels (e.g. myocardium / blood pool)
//   with the basal layer (top `baseMm` of the solid along world +z) fixed.
// - surfacePressureCase: pressure (negative = outward pull, e.g. transpulmonary) on the whole exposed surface,
//   rigid motion removed by a 3-2-1 constraint (the load is self-equilibrated on a closed surface).
import type { Vec3 } from '../../volume/types';
import {
  faceCentre,
  faceNormalLocal,
  facesWhere,
  addBendingMoment,
  addPressure,
  addRoller,
  addTotalForce,
  fixNodes,
  nodesOfFaces,
} from './loads';
import { gridRotation, nodePositions, rotateVectors, toLocal } from './frame';
import { buildHexMesh, nodeIJK } from './mesh';
import type { SupportKind } from './scenarios';
import type { ElasticProblem, FaceSet, HexDomain, HexMesh } from './types';

export interface RegionCase extends ElasticProblem {
  loadedFaces: FaceSet;
  supportFaces: FaceSet;
}

function worldNormalZ(domain: HexDomain, face: number): number {
  const n = rotateVectors(gridRotation(domain), faceNormalLocal(face));
  return n[2]!;
}

/** Exposed faces of `element`-selected elements whose world normal has z-component sign `dir` (±1). */
function exposedFacing(domain: HexDomain, dir: number, element: (e: number) => boolean): FaceSet {
  return facesWhere(domain, (_i, _j, _k, act) => act < 0, element).filter(
    (code) => worldNormalZ(domain, code % 6) * dir > 0.9,
  );
}

export interface VertebraLoad {
  /** Axial compressive force (N, > 0 pushes inferiorly). */
  forceN?: number;
  /** Flexion moment (N·mm): anterior side compressed (a moment about world −x, RAS). Negative = extension. */
  momentNmm?: number;
  bc?: SupportKind;
  /** Labels of the vertebral body (loaded/supported region); default 49/50 when present, else all. */
  bodyLabels?: number[];
}

export function vertebraCase(domain: HexDomain, load: VertebraLoad): RegionCase {
  const mesh = buildHexMesh(domain);
  const labels = load.bodyLabels ?? [49, 50];
  const hasBody = domain.label ? domain.label.some((l) => labels.includes(l)) : false;
  const inBody = (e: number) => !hasBody || labels.includes(domain.label![e]!);
  // World z extent of the body, from element centres.
  const X = nodePositions(domain, mesh);
  const zc = (e: number) => {
    let s = 0;
    for (let c = 0; c < 8; c++) s += X[3 * mesh.elemNodes[8 * e + c]! + 2]!;
    return s / 8;
  };
  let zmin = Infinity;
  let zmax = -Infinity;
  for (let e = 0; e < mesh.nElems; e++)
    if (inBody(e)) {
      zmin = Math.min(zmin, zc(e));
      zmax = Math.max(zmax, zc(e));
    }
  const mid = (zmin + zmax) / 2;
  const loadedFaces = exposedFacing(domain, +1, (e) => inBody(e) && zc(e) > mid);
  const supportFaces = exposedFacing(domain, -1, (e) => inBody(e) && zc(e) < mid);
  if (loadedFaces.length === 0 || supportFaces.length === 0)
    throw new Error(
      'vertebra: could not find superior/inferior endplate faces (is world z the cranio-caudal axis?)',
    );
  const force = new Float64Array(3 * mesh.nNodes);
  const fixed = new Uint8Array(3 * mesh.nNodes);
  if (load.forceN) addTotalForce(domain, mesh, loadedFaces, force, [0, 0, -load.forceN]);
  if (load.momentNmm)
    // Flexion = anterior (+y) side compressed: a positive moment about world −x (RAS: +x = patient right).
    addBendingMoment(domain, mesh, loadedFaces, force, load.momentNmm, [-1, 0, 0], [0, 0, 1]);
  const support = nodesOfFaces(mesh, supportFaces);
  if ((load.bc ?? 'clamped') === 'clamped') fixNodes(fixed, support);
  else {
    const R = gridRotation(domain);
    const axis = [0, 1, 2].reduce((best, a) => (Math.abs(R[6 + a]!) > Math.abs(R[6 + best]!) ? a : best), 0);
    addRoller(mesh, fixed, support, axis, (n) => nodeIJK(mesh, n));
  }
  return {
    domain,
    mesh,
    force,
    fixed,
    loadedFaces,
    supportFaces,
    description: `vertebra: ${load.forceN ?? 0} N axial + ${load.momentNmm ?? 0} N·mm flexion on the superior endplate, inferior endplate ${load.bc ?? 'clamped'}`,
  };
}

/** 3-2-1 rigid-motion constraint on the given nodes (world positions X). */
export function fixRigidMotion(mesh: HexMesh, fixed: Uint8Array, X: Float64Array, R?: Float64Array): void {
  const n = mesh.nNodes;
  const c = [0, 1, 2].map((a) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += X[3 * i + a]!;
    return s / n;
  });
  const d2 = (i: number, p: number[]) =>
    (X[3 * i]! - p[0]!) ** 2 + (X[3 * i + 1]! - p[1]!) ** 2 + (X[3 * i + 2]! - p[2]!) ** 2;
  let A = 0;
  for (let i = 1; i < n; i++) if (d2(i, c) < d2(A, c)) A = i;
  const pa = [X[3 * A]!, X[3 * A + 1]!, X[3 * A + 2]!];
  let B = A;
  for (let i = 0; i < n; i++) if (d2(i, pa) > d2(B, pa)) B = i;
  const abW = [0, 1, 2].map((a) => X[3 * B + a]! - pa[a]!);
  const local = (v: number[]) => (R ? toLocal(R, v as Vec3) : v);
  const ab = local(abW);
  const lab = Math.hypot(abW[0]!, abW[1]!, abW[2]!);
  let C = A;
  let best = 0;
  for (let i = 0; i < n; i++) {
    const v = [0, 1, 2].map((a) => X[3 * i + a]! - pa[a]!);
    const cr =
      Math.hypot(
        v[1]! * abW[2]! - v[2]! * abW[1]!,
        v[2]! * abW[0]! - v[0]! * abW[2]!,
        v[0]! * abW[1]! - v[1]! * abW[0]!,
      ) / lab;
    if (cr > best) {
      best = cr;
      C = i;
    }
  }
  if (A === B || C === A) throw new Error('mechanics: domain too small to remove rigid motion');
  // Constrain in the local frame: A all, B the two components with the smallest |ab| share, C the one along the normal.
  fixNodes(fixed, [A]);
  const order = [0, 1, 2].sort((p, q) => Math.abs(ab[p]!) - Math.abs(ab[q]!));
  fixNodes(fixed, [B], [order[0]!, order[1]!]);
  const nrm = local([0, 1, 2].map((a) => X[3 * C + a]! - pa[a]!));
  const cn = [
    nrm[1]! * ab[2]! - nrm[2]! * ab[1]!,
    nrm[2]! * ab[0]! - nrm[0]! * ab[2]!,
    nrm[0]! * ab[1]! - nrm[1]! * ab[0]!,
  ];
  const axis = [0, 1, 2].reduce((bst, a) => (Math.abs(cn[a]!) > Math.abs(cn[bst]!) ? a : bst), 0);
  fixNodes(fixed, [C], [axis]);
}

/** Pressure p (MPa) on faces between the solid and grid positions whose label is in `cavity`; basal layer fixed. */
export function cavityPressureCase(
  domain: HexDomain & { labelAt: (i: number, j: number, k: number) => number },
  cavity: number[],
  p: number,
  baseMm = 2 * domain.h,
): RegionCase {
  const mesh = buildHexMesh(domain);
  const set = new Set(cavity);
  const loadedFaces = facesWhere(domain, (i, j, k, act) => act < 0 && set.has(domain.labelAt(i, j, k)));
  if (loadedFaces.length === 0)
    throw new Error(`no faces between the solid and cavity label(s) ${cavity.join(', ')}`);
  const force = new Float64Array(3 * mesh.nNodes);
  const fixed = new Uint8Array(3 * mesh.nNodes);
  addPressure(domain, mesh, loadedFaces, force, p);
  const X = nodePositions(domain, mesh);
  let zmax = -Infinity;
  for (let i = 0; i < mesh.nNodes; i++) zmax = Math.max(zmax, X[3 * i + 2]!);
  const base: number[] = [];
  for (let i = 0; i < mesh.nNodes; i++) if (X[3 * i + 2]! >= zmax - baseMm) base.push(i);
  fixNodes(fixed, base);
  const supportFaces = facesWhere(domain, () => false);
  return {
    domain,
    mesh,
    force,
    fixed,
    loadedFaces,
    supportFaces,
    description: `cavity pressure ${p} MPa, basal ${baseMm} mm fixed`,
  };
}

/** Pressure p (MPa; negative pulls outward) on every exposed face; 3-2-1 rigid-motion constraint. */
export function surfacePressureCase(domain: HexDomain, p: number): RegionCase {
  const mesh = buildHexMesh(domain);
  const loadedFaces = facesWhere(domain, (_i, _j, _k, act) => act < 0);
  const force = new Float64Array(3 * mesh.nNodes);
  const fixed = new Uint8Array(3 * mesh.nNodes);
  addPressure(domain, mesh, loadedFaces, force, p);
  fixRigidMotion(mesh, fixed, nodePositions(domain, mesh), gridRotation(domain));
  return {
    domain,
    mesh,
    force,
    fixed,
    loadedFaces,
    supportFaces: facesWhere(domain, () => false),
    description: `surface pressure ${p} MPa`,
  };
}

/** Mean world displacement (mm) over the nodes of a face set. */
export function meanFaceDisplacement(
  domain: HexDomain,
  mesh: HexMesh,
  faces: FaceSet,
  uLocal: ArrayLike<number>,
): Vec3 {
  const nodes = nodesOfFaces(mesh, faces);
  const R = gridRotation(domain);
  const s: Vec3 = [0, 0, 0];
  for (const n of nodes) {
    const w = rotateVectors(R, [uLocal[3 * n]!, uLocal[3 * n + 1]!, uLocal[3 * n + 2]!]);
    s[0] += w[0]!;
    s[1] += w[1]!;
    s[2] += w[2]!;
  }
  return [s[0] / nodes.length, s[1] / nodes.length, s[2] / nodes.length];
}

export { faceCentre };

/**
 * Rigid rotation (rad) of a loaded face set about the world x axis, least-squares fit of the nodes' world u_z
 * against their world y lever arm: θ = Σ (y − ȳ)·u_z / Σ (y − ȳ)² (positive = right-hand rule about +x).
 */
export function faceRotationAboutX(
  domain: HexDomain,
  mesh: HexMesh,
  faces: FaceSet,
  uLocal: ArrayLike<number>,
): number {
  const nodes = nodesOfFaces(mesh, faces);
  const X = nodePositions(domain, mesh);
  const U = rotateVectors(gridRotation(domain), uLocal);
  let ybar = 0;
  for (const n of nodes) ybar += X[3 * n + 1]!;
  ybar /= nodes.length;
  let num = 0;
  let den = 0;
  for (const n of nodes) {
    const d = X[3 * n + 1]! - ybar;
    num += d * U[3 * n + 2]!;
    den += d * d;
  }
  return num / den;
}
