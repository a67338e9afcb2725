// Boundary conditions and loads on voxel faces: face sets (exposed faces, faces next to a cavity, faces near
// world points), consistent nodal forces of a traction on a square bilinear face (each corner gets t·h²/4 —
// exact for uniform t), pressure (t = −p·n_out), fixed-node sets and rigid-motion removal.
// Units: tractions/pressures MPa (N/mm²), forces N, lengths mm. Frame: forces are in the local grid frame;
// world inputs (directions, points) are rotated/mapped by the caller helpers here.
import type { Vec3 } from '../../volume/types';
import { gridRotation, gridToWorld, toLocal } from './frame';
import { elemIJK, gridToElementTable } from './mesh';
import type { FaceSet, HexDomain, HexMesh } from './types';

/** Outward unit normal (local frame) of face f (0..5 = −i, +i, −j, +j, −k, +k). */
export function faceNormalLocal(f: number): Vec3 {
  const n: Vec3 = [0, 0, 0];
  n[f >> 1] = f & 1 ? 1 : -1;
  return n;
}

/** The 4 node indices of face code (6·e + f). */
export function faceNodes(mesh: HexMesh, code: number): [number, number, number, number] {
  const e = Math.floor(code / 6);
  const f = code % 6;
  const axis = f >> 1;
  const side = f & 1;
  const out: number[] = [];
  for (let c = 0; c < 8; c++) if (((c >> axis) & 1) === side) out.push(mesh.elemNodes[8 * e + c]!);
  return out as [number, number, number, number];
}

/** World centre (mm) of face code. */
export function faceCentre(domain: HexDomain, code: number): Vec3 {
  const e = Math.floor(code / 6);
  const f = code % 6;
  const [i, j, k] = elemIJK(domain, e);
  const p = [i + 0.5, j + 0.5, k + 0.5];
  p[f >> 1]! += f & 1 ? 0.5 : -0.5;
  return gridToWorld(domain, p[0]!, p[1]!, p[2]!);
}

/** Faces whose neighbour element across the face satisfies `neighbour(i, j, k, active)` (i..k may be outside). */
export function facesWhere(
  domain: HexDomain,
  neighbour: (i: number, j: number, k: number, activeElement: number) => boolean,
  element: (e: number) => boolean = () => true,
): FaceSet {
  const [nx, ny, nz] = domain.dims;
  const table = gridToElementTable(domain);
  const out: number[] = [];
  for (let e = 0; e < domain.elements.length; e++) {
    if (!element(e)) continue;
    const [i, j, k] = elemIJK(domain, e);
    for (let f = 0; f < 6; f++) {
      const q = [i, j, k];
      q[f >> 1]! += f & 1 ? 1 : -1;
      const [a, b, c] = q as [number, number, number];
      const inGrid = a >= 0 && b >= 0 && c >= 0 && a < nx && b < ny && c < nz;
      const act = inGrid ? table[a + nx * (b + ny * c)]! : -1;
      if (neighbour(a, b, c, act)) out.push(6 * e + f);
    }
  }
  return Int32Array.from(out);
}

/** Faces on the free surface of the domain (neighbour inactive or outside the grid). */
export function exposedFaces(domain: HexDomain): FaceSet {
  return facesWhere(domain, (_i, _j, _k, act) => act < 0);
}

/** Total area (mm²) of a face set. */
export function faceArea(domain: HexDomain, faces: FaceSet): number {
  return faces.length * domain.h * domain.h;
}

/** Adds consistent nodal forces of traction t(face) (MPa, local frame) over each face to `force` (N). */
export function addTraction(
  domain: HexDomain,
  mesh: HexMesh,
  faces: FaceSet,
  force: Float64Array,
  t: (code: number) => Vec3,
): void {
  const q = (domain.h * domain.h) / 4;
  for (const code of faces) {
    const tv = t(code);
    for (const n of faceNodes(mesh, code)) {
      force[3 * n]! += q * tv[0];
      force[3 * n + 1]! += q * tv[1];
      force[3 * n + 2]! += q * tv[2];
    }
  }
}

/** Uniform pressure p (MPa, positive pushes into the solid) on faces: t = −p·n_out. */
export function addPressure(
  domain: HexDomain,
  mesh: HexMesh,
  faces: FaceSet,
  force: Float64Array,
  p: number,
): void {
  addTraction(domain, mesh, faces, force, (code) => {
    const n = faceNormalLocal(code % 6);
    return [-p * n[0], -p * n[1], -p * n[2]];
  });
}

/** A total force (N, world vector) spread as a uniform traction over the faces. */
export function addTotalForce(
  domain: HexDomain,
  mesh: HexMesh,
  faces: FaceSet,
  force: Float64Array,
  totalWorld: Vec3,
): void {
  if (faces.length === 0) throw new Error('mechanics: the loaded face set is empty');
  const A = faceArea(domain, faces);
  const tl = toLocal(gridRotation(domain), totalWorld);
  addTraction(domain, mesh, faces, force, () => [tl[0] / A, tl[1] / A, tl[2] / A]);
}

/**
 * Bending moment M (N·mm) about the world axis `axisWorld` through the faces' centroid, as a traction along the
 * world direction `normalWorld` varying linearly across the face set: t = M·d/I, d = signed lever arm
 * ((axis × normal)·(x − x̄)), I = Σ A_f d_f². Net force zero, net moment M about the axis.
 */
export function addBendingMoment(
  domain: HexDomain,
  mesh: HexMesh,
  faces: FaceSet,
  force: Float64Array,
  M: number,
  axisWorld: Vec3,
  normalWorld: Vec3,
): void {
  if (faces.length === 0) throw new Error('mechanics: the loaded face set is empty');
  const centres = Array.from(faces, (c) => faceCentre(domain, c));
  const cbar = [0, 1, 2].map((a) => centres.reduce((s, p) => s + p[a]!, 0) / centres.length);
  const [ax, ay, az] = axisWorld;
  const [nx, ny, nz] = normalWorld;
  // lever direction: d such that moment of force t·n at x about the axis = (x − x̄) × n · axis = (n × axis)·(x − x̄)
  const lev: Vec3 = [ny * az - nz * ay, nz * ax - nx * az, nx * ay - ny * ax];
  const d = centres.map(
    (p) => lev[0] * (p[0]! - cbar[0]!) + lev[1] * (p[1]! - cbar[1]!) + lev[2] * (p[2]! - cbar[2]!),
  );
  const A = domain.h * domain.h;
  const I = d.reduce((s, v) => s + A * v * v, 0);
  if (!(I > 0)) throw new Error('mechanics: the loaded faces have no extent across the bending axis');
  const nl = toLocal(gridRotation(domain), normalWorld);
  const idx = new Map<number, number>();
  faces.forEach((c, i) => idx.set(c, i));
  addTraction(domain, mesh, faces, force, (code) => {
    const s = (M * d[idx.get(code)!]!) / I;
    return [s * nl[0], s * nl[1], s * nl[2]];
  });
}

/** Distinct nodes of a face set. */
export function nodesOfFaces(mesh: HexMesh, faces: FaceSet): Int32Array {
  const s = new Set<number>();
  for (const c of faces) for (const n of faceNodes(mesh, c)) s.add(n);
  return Int32Array.from([...s].sort((a, b) => a - b));
}

/** Fixes the given local components (0, 1, 2) of the nodes. */
export function fixNodes(
  fixed: Uint8Array,
  nodes: ArrayLike<number>,
  comps: readonly number[] = [0, 1, 2],
): void {
  for (let i = 0; i < nodes.length; i++) for (const c of comps) fixed[3 * nodes[i]! + c] = 1;
}

/** Nodes within `radius` mm of any of the world points (xyz interleaved). */
export function nodesNearPoints(
  nodeWorld: Float64Array,
  points: ArrayLike<number>,
  radius: number,
): Int32Array {
  const out: number[] = [];
  const r2 = radius * radius;
  for (let n = 0; n < nodeWorld.length / 3; n++) {
    for (let p = 0; p < points.length; p += 3) {
      const dx = nodeWorld[3 * n]! - points[p]!;
      const dy = nodeWorld[3 * n + 1]! - points[p + 1]!;
      const dz = nodeWorld[3 * n + 2]! - points[p + 2]!;
      if (dx * dx + dy * dy + dz * dz <= r2) {
        out.push(n);
        break;
      }
    }
  }
  return Int32Array.from(out);
}

/** Exposed faces whose centre lies within `radius` mm of any of the world points. */
export function facesNearPoints(domain: HexDomain, points: ArrayLike<number>, radius: number): FaceSet {
  const r2 = radius * radius;
  return exposedFaces(domain).filter((code) => {
    const c = faceCentre(domain, code);
    for (let p = 0; p < points.length; p += 3) {
      const d2 = (c[0] - points[p]!) ** 2 + (c[1] - points[p + 1]!) ** 2 + (c[2] - points[p + 2]!) ** 2;
      if (d2 <= r2) return true;
    }
    return false;
  });
}

/**
 * Roller support on a planar node set with local normal axis `axis`: the normal component of every node is fixed,
 * plus the minimum in-plane constraints to remove rigid motion: both in-plane components at the node nearest
 * the centroid, and one in-plane component at the node farthest from it.
 */
export function addRoller(
  mesh: HexMesh,
  fixed: Uint8Array,
  nodes: Int32Array,
  axis: number,
  nodeLocal: (n: number) => Vec3,
): void {
  if (nodes.length === 0) throw new Error('mechanics: the support node set is empty');
  fixNodes(fixed, nodes, [axis]);
  const [u, v] = [0, 1, 2].filter((a) => a !== axis) as [number, number];
  const pts = Array.from(nodes, (n) => {
    const p = nodeLocal(n);
    return [p[u]!, p[v]!] as const;
  });
  const cu = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const cv = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  let best = 0;
  let bestD = Infinity;
  pts.forEach((p, i) => {
    const d = Math.hypot(p[0] - cu, p[1] - cv);
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  const p0 = pts[best]!;
  let far = best;
  let farScore = -Infinity;
  pts.forEach((p, i) => {
    const score = Math.abs(p[0] - p0[0]) - 1e3 * Math.abs(p[1] - p0[1]);
    if (score > farScore) {
      farScore = score;
      far = i;
    }
  });
  fixNodes(fixed, [nodes[best]!], [u, v]);
  // The far node lies (as nearly as possible) on the u line through p0: fixing its v component stops spin.
  fixNodes(fixed, [nodes[far]!], [v]);
  if (far === best)
    throw new Error('mechanics: the roller support has a single node; cannot remove rigid rotation');
}
