// Ready-made load cases on the analytic domains: axial end load on a box/cylinder standing on z = 0 (clamped
// or roller support) and internal pressure on the octant of a thick-walled sphere with symmetry rollers on the
// three coordinate planes (u_x = 0 on x = 0, etc.: exact for the spherically symmetric Lamé problem and 1/8 of
// the cost). Units: N, MPa, mm. Frame: world = grid axes for these domains (identity rotation).
import { buildHexMesh, nodeIJK } from './mesh';
import { addPressure, addRoller, addTotalForce, facesWhere, fixNodes, nodesOfFaces } from './loads';
import type { ElasticProblem, FaceSet, HexDomain } from './types';

export type SupportKind = 'clamped' | 'roller';

export interface AxialCase extends ElasticProblem {
  /** Faces at the top (k = nz) that carry the load. */
  loadedFaces: FaceSet;
  supportFaces: FaceSet;
}

/** Compressive axial force F (N, > 0 pushes down) spread uniformly over the top faces; support at z = 0. */
export function axialLoadCase(domain: HexDomain, F: number, bc: SupportKind): AxialCase {
  if (!Number.isFinite(F)) throw new Error(`axial load must be a finite number of N, got ${F}`);
  const mesh = buildHexMesh(domain);
  const nz = domain.dims[2];
  const loadedFaces = facesWhere(domain, (_i, _j, k) => k >= nz);
  const supportFaces = facesWhere(domain, (_i, _j, k) => k < 0);
  const force = new Float64Array(3 * mesh.nNodes);
  const fixed = new Uint8Array(3 * mesh.nNodes);
  addTotalForce(domain, mesh, loadedFaces, force, [0, 0, -F]);
  const support = nodesOfFaces(mesh, supportFaces);
  if (bc === 'clamped') fixNodes(fixed, support);
  else addRoller(mesh, fixed, support, 2, (n) => nodeIJK(mesh, n));
  return {
    domain,
    mesh,
    force,
    fixed,
    loadedFaces,
    supportFaces,
    description: `axial compression ${F} N on the top face, ${bc} support at z = 0`,
  };
}

export interface ShellCase extends ElasticProblem {
  innerFaces: FaceSet;
}

/**
 * Internal pressure p (MPa) on the inner staircase surface of a shell octant built by shellOctantDomain(a, ...):
 * loaded faces are those whose neighbour lies inside the octant and inside r < a (not the symmetry planes).
 */
export function shellPressureCase(domain: HexDomain, a: number, p: number): ShellCase {
  const mesh = buildHexMesh(domain);
  const h = domain.h;
  const innerFaces = facesWhere(domain, (i, j, k, act) => {
    if (act >= 0 || i < 0 || j < 0 || k < 0) return false;
    const r2 = ((i + 0.5) * h) ** 2 + ((j + 0.5) * h) ** 2 + ((k + 0.5) * h) ** 2;
    return r2 < a * a;
  });
  const force = new Float64Array(3 * mesh.nNodes);
  const fixed = new Uint8Array(3 * mesh.nNodes);
  addPressure(domain, mesh, innerFaces, force, p);
  for (let n = 0; n < mesh.nNodes; n++) {
    const ijk = nodeIJK(mesh, n);
    for (let c = 0; c < 3; c++) if (ijk[c] === 0) fixed[3 * n + c] = 1;
  }
  return {
    domain,
    mesh,
    force,
    fixed,
    innerFaces,
    description: `internal pressure ${p} MPa, octant with symmetry rollers`,
  };
}
