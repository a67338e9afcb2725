// User-defined load cases for the viewer: fixed and loaded regions picked on the mesh, given either as world
// points + radius (mm) or as explicit face sets (face masks: codes 6·element + face). Loads: a total force
// (N, world vector) spread uniformly over the region's faces, or a pressure (MPa, + pushes into the solid).
// Fixed regions: all components, or only the world component(s) listed. Frame: world RAS+ mm in, local out.
import type { Vec3 } from '../../volume/types';
import { gridRotation, nodePositions, toLocal } from './frame';
import {
  addPressure,
  addTotalForce,
  facesNearPoints,
  fixNodes,
  nodesNearPoints,
  nodesOfFaces,
} from './loads';
import { buildHexMesh } from './mesh';
import type { ElasticProblem, FaceSet, HexDomain } from './types';

export type Region = { points: ArrayLike<number>; radiusMm: number } | { faces: FaceSet };

export interface CustomLoad {
  region: Region;
  /** Total force (N) in world coordinates. */
  forceN?: Vec3;
  /** Pressure (MPa), positive pushes into the solid. */
  pressureMPa?: number;
}

export interface CustomSupport {
  region: Region;
  /** World axes to fix (0 = x, 1 = y, 2 = z); all three when omitted. Must map onto grid axes. */
  worldAxes?: number[];
}

function regionFaces(domain: HexDomain, r: Region): FaceSet {
  return 'faces' in r ? r.faces : facesNearPoints(domain, r.points, r.radiusMm);
}

export function customLoadCase(
  domain: HexDomain,
  loads: CustomLoad[],
  supports: CustomSupport[],
): ElasticProblem {
  const mesh = buildHexMesh(domain);
  const force = new Float64Array(3 * mesh.nNodes);
  const fixed = new Uint8Array(3 * mesh.nNodes);
  const R = gridRotation(domain);
  for (const l of loads) {
    const faces = regionFaces(domain, l.region);
    if (faces.length === 0)
      throw new Error(
        'custom load: the loaded region touches no surface faces (move it or enlarge the radius)',
      );
    if (l.forceN) addTotalForce(domain, mesh, faces, force, l.forceN);
    if (l.pressureMPa) addPressure(domain, mesh, faces, force, l.pressureMPa);
  }
  const X = nodePositions(domain, mesh);
  for (const s of supports) {
    const nodes =
      'faces' in s.region
        ? nodesOfFaces(mesh, s.region.faces)
        : nodesNearPoints(X, s.region.points, s.region.radiusMm);
    if (nodes.length === 0) throw new Error('custom support: the fixed region contains no nodes');
    const comps = (s.worldAxes ?? [0, 1, 2]).map((a) => {
      const e: Vec3 = [0, 0, 0];
      e[a] = 1;
      const l = toLocal(R, e);
      const c = [0, 1, 2].reduce((b, q) => (Math.abs(l[q]!) > Math.abs(l[b]!) ? q : b), 0);
      if (Math.abs(l[c]!) < 0.999)
        throw new Error('custom support: a world axis is oblique to the grid; fix all components instead');
      return c;
    });
    fixNodes(fixed, nodes, comps);
  }
  return {
    domain,
    mesh,
    force,
    fixed,
    description: `custom: ${loads.length} load region(s), ${supports.length} support region(s)`,
  };
}
