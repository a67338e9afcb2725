// Image-domain load cases on synthetic label volumes with a permuted, flipped affine (like the lumbar CT):
// - uniform surface pressure on any closed voxel body has the exact solution σ = −p·I (ε = −p(1−2ν)/E·I), which
//   trilinear hexes reproduce exactly: checks domainFromLabels, world-normal faces, pressure, 3-2-1 constraints
//   and the rotation of tensors to world;
// - cavity pressure between a shell label and a cavity label inflates the cavity (outward u at the inner wall);
// - the flexion moment is self-equilibrated (zero net force) with the requested moment about world x.
import { describe, expect, it } from 'vitest';
import type { Volume } from '../../../src/volume/types';
import {
  buildStressResult,
  cavityPressureCase,
  domainFromLabels,
  nodePositions,
  rotateVectors,
  gridRotation,
  solveElastic,
  surfacePressureCase,
  vertebraCase,
} from '../../../src/solvers/mechanics';

// Affine with permuted and flipped axes (i → +z, j → −x, k → −y), 1.5 mm voxels, as in lumbar-ct.
function labelVolume(n: number, label: (x: number, y: number, z: number) => number): Volume {
  const m = new Float64Array([0, -1.5, 0, 20, 0, 0, -1.5, 20, 1.5, 0, 0, -20, 0, 0, 0, 1]);
  const data = new Uint8Array(n * n * n);
  for (let k = 0; k < n; k++)
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) {
        const x = m[0]! * i + m[1]! * j + m[2]! * k + m[3]!;
        const y = m[4]! * i + m[5]! * j + m[6]! * k + m[7]!;
        const z = m[8]! * i + m[9]! * j + m[10]! * k + m[11]!;
        data[i + n * (j + n * k)] = label(x, y, z);
      }
  return {
    name: 'synthetic',
    dims: [n, n, n],
    spacing: [1.5, 1.5, 1.5],
    ijkToWorld: m,
    data,
    modality: 'label',
    units: 'label',
  };
}

const E = 10,
  NU = 0.3;
// Exact linear field: only float64 PCG error (tol 1e-10) remains.
const EXACT_TOL = 1e-5;

describe('image-domain presets', () => {
  it('uniform surface pressure on a voxelised blob gives σ = −p·I exactly (permuted affine)', async () => {
    const vol = labelVolume(24, (x, y, z) =>
      (x - 2) ** 2 + y * y + (z + 1) ** 2 < 12 ** 2 || (x > 5 && Math.abs(y) < 4 && Math.abs(z) < 3) ? 1 : 0,
    );
    const dom = domainFromLabels({ labels: vol, ids: [1], h: 1.5, material: () => ({ E, nu: NU }) });
    const p = 0.002;
    const c = surfacePressureCase(dom, p);
    const sol = await solveElastic(c, { backend: 'js', tol: 1e-10 });
    expect(sol.stats.converged).toBe(true);
    const r = buildStressResult(c, sol.u, sol.stats);
    let err = 0;
    for (let e = 0; e < c.mesh.nElems; e++)
      for (let q = 0; q < 6; q++)
        err = Math.max(err, Math.abs(r.element.stress[6 * e + q]! - (q < 3 ? -p : 0)));
    expect(err / p).toBeLessThan(EXACT_TOL);
  });

  it('cavity pressure inflates the cavity: the inner wall moves outward', async () => {
    const vol = labelVolume(28, (x, y, z) => {
      const r = Math.hypot(x, y, z);
      return r < 9 ? 2 : r < 15 ? 1 : 0;
    });
    const dom = domainFromLabels({ labels: vol, ids: [1], h: 1.5, material: () => ({ E: 0.03, nu: 0.45 }) });
    const c = cavityPressureCase(dom, [2], 0.0016);
    expect(c.loadedFaces.length).toBeGreaterThan(100);
    const sol = await solveElastic(c, { backend: 'js', tol: 1e-8 });
    expect(sol.stats.converged).toBe(true);
    const X = nodePositions(dom, c.mesh);
    const U = rotateVectors(gridRotation(dom), sol.u);
    let s = 0,
      n = 0;
    for (let i = 0; i < c.mesh.nNodes; i++) {
      const x = X[3 * i]!,
        y = X[3 * i + 1]!,
        z = X[3 * i + 2]!;
      const rad = Math.hypot(x, y, z);
      if (rad < 10.5 && z < 0) {
        s += (U[3 * i]! * x + U[3 * i + 1]! * y + U[3 * i + 2]! * z) / rad;
        n++;
      }
    }
    expect(n).toBeGreaterThan(10);
    expect(s / n).toBeGreaterThan(0);
  });

  it('flexion moment: zero net force, moment M about world x; vertebra case finds both endplates', () => {
    const vol = labelVolume(24, (x, y, z) => (Math.hypot(x, y) < 12 && Math.abs(z) < 10 ? 50 : 0));
    const dom = domainFromLabels({ labels: vol, ids: [50], h: 1.5, material: () => ({ E: 500, nu: 0.3 }) });
    const c = vertebraCase(dom, { momentNmm: 5000, bc: 'clamped' });
    const X = nodePositions(dom, c.mesh);
    const Fw = rotateVectors(gridRotation(dom), c.force);
    let fz = 0,
      mx = 0;
    let cy = 0,
      cz = 0,
      nn = 0;
    for (let i = 0; i < c.mesh.nNodes; i++)
      if (Fw[3 * i + 2] !== 0) {
        cy += X[3 * i + 1]!;
        cz += X[3 * i + 2]!;
        nn++;
      }
    cy /= nn;
    cz /= nn;
    for (let i = 0; i < c.mesh.nNodes; i++) {
      fz += Fw[3 * i + 2]!;
      mx += (X[3 * i + 1]! - cy) * Fw[3 * i + 2]! - (X[3 * i + 2]! - cz) * Fw[3 * i + 1]!;
    }
    // float64 sums of ~1e3 terms of size ~10 N: 1e-9 relative
    expect(Math.abs(fz) / 5000).toBeLessThan(1e-9);
    expect(Math.abs(mx + 5000) / 5000).toBeLessThan(1e-9); // flexion = +5000 N·mm about −x
    expect(c.loadedFaces.length).toBeGreaterThan(50);
    expect(c.supportFaces.length).toBeGreaterThan(50);
  });
});
