// Organ presets on the procedural phantom (3 mm voxels; 3 mm elements for the heart, 6 mm for the lung, which floats on 3-2-1 constraints and needs many iterations): ventricular cavity pressure on the
// myocardium (faces to LV/RV blood, basal 6 mm fixed) and transpulmonary pressure on the left lung (outward pull
// on the pleural surface, 3-2-1 constraints). Checks: converged, finite, and the physically expected direction
// (ventricles dilate: the endocardial nodes move away from the cavity centroid on average; the lung expands:
// u·x̂ from its centroid is positive on average). Units: kPa inputs → MPa, mm.
import { describe, expect, it } from 'vitest';
import { generatePhantom } from '../../../src/volume/phantom';
import { L } from '../../../src/volume/phantom/labels';
import {
  cavityPressureCase,
  domainFromLabels,
  gridRotation,
  LUNG_PARENCHYMA,
  MYOCARDIUM,
  nodePositions,
  nodesOfFaces,
  rotateVectors,
  solveElastic,
  surfacePressureCase,
} from '../../../src/solvers/mechanics';
import type { ElasticProblem, FaceSet } from '../../../src/solvers/mechanics';

const phantom = generatePhantom({ voxelMm: 3 });

/** Mean of u·(x − c)/|x − c| over the nodes of the faces, c = their centroid. */
function meanOutward(p: ElasticProblem, faces: FaceSet, u: Float64Array): number {
  const X = nodePositions(p.domain, p.mesh);
  const U = rotateVectors(gridRotation(p.domain), u);
  const nodes = nodesOfFaces(p.mesh, faces);
  const c = [0, 1, 2].map((a) => nodes.reduce((s, n) => s + X[3 * n + a]!, 0) / nodes.length);
  let s = 0;
  for (const n of nodes) {
    const d = [0, 1, 2].map((a) => X[3 * n + a]! - c[a]!);
    const len = Math.hypot(d[0]!, d[1]!, d[2]!) || 1;
    s += (U[3 * n]! * d[0]! + U[3 * n + 1]! * d[1]! + U[3 * n + 2]! * d[2]!) / len;
  }
  return s / nodes.length;
}

describe('organ presets on the phantom', () => {
  it('ventricular cavity pressure (2 kPa) dilates the ventricles', async () => {
    const dom = domainFromLabels({
      labels: phantom.labels,
      ids: [L.heart_myocardium],
      h: 3,
      material: () => MYOCARDIUM,
    });
    const c = cavityPressureCase(dom, [L.lv_blood, L.rv_blood], 0.002);
    const sol = await solveElastic(c, { backend: 'js', tol: 1e-6 });
    expect(sol.stats.converged).toBe(true);
    expect(sol.u.every(Number.isFinite)).toBe(true);
    expect(meanOutward(c, c.loadedFaces, sol.u)).toBeGreaterThan(0);
  });

  it('transpulmonary pressure (0.5 kPa outward pull) expands the left lung', async () => {
    const dom = domainFromLabels({
      labels: phantom.labels,
      ids: [L.lung_left],
      h: 6,
      material: () => LUNG_PARENCHYMA,
    });
    const c = surfacePressureCase(dom, -0.0005);
    const sol = await solveElastic(c, { backend: 'js', tol: 1e-6 });
    expect(sol.stats.converged).toBe(true);
    expect(meanOutward(c, c.loadedFaces, sol.u)).toBeGreaterThan(0);
  });
});
