// Uniaxial patch tests (DESIGN.md): a box and a voxelised cylinder on rollers under a uniform end load.
// Exact solution: σ_zz = −F/A, u_z(top) = −σH/E, lateral u = νσ·(distance from the axis)/E. Both domains are
// prisms (the cylinder's staircase side is still a prism), so the uniform state is exact for trilinear hexes
// whatever the cross-section; A is the voxelised section area. Against the nominal πr² the voxel area differs by
// the staircase (checked separately, 2%). Tolerance 0.5 % (brief); solver tolerance 1e-9 makes it ~1e-6.
import { describe, expect, it } from 'vitest';
import {
  axialLoadCase,
  boxDomain,
  buildStressResult,
  cylinderDomain,
  faceArea,
  meanAxialStressAt,
  meanFaceDisplacement,
  solveElastic,
} from '../../../src/solvers/mechanics';

const PATCH_TOL = 0.005;
const E = 1000,
  NU = 0.3,
  F = 500;

describe('uniaxial patch test', () => {
  it('box 8×6×12 mm on rollers reproduces u_z = −σH/E, lateral νσ·half-width/E, σ = F/A', async () => {
    const dom = boxDomain(8, 6, 12, 1, { E, nu: NU });
    const c = axialLoadCase(dom, F, 'roller');
    const sol = await solveElastic(c, { backend: 'js', tol: 1e-9 });
    expect(sol.stats.converged).toBe(true);
    const sigma = F / 48;
    const uz = meanFaceDisplacement(dom, c.mesh, c.loadedFaces, sol.u)[2];
    expect(Math.abs(uz - -(sigma * 12) / E) / ((sigma * 12) / E)).toBeLessThan(PATCH_TOL);
    const r = buildStressResult(c, sol.u, sol.stats);
    let umax = -Infinity,
      umin = Infinity;
    for (let n = 0; n < r.nodePositions.length / 3; n++) {
      if (Math.abs(r.nodePositions[3 * n]! - 4) < 1e-9) umax = Math.max(umax, r.displacement[3 * n]!);
      if (Math.abs(r.nodePositions[3 * n]! + 4) < 1e-9) umin = Math.min(umin, r.displacement[3 * n]!);
    }
    const lateral = (umax - umin) / 2;
    const exactLat = (NU * sigma * 4) / E;
    expect(Math.abs(lateral - exactLat) / exactLat).toBeLessThan(PATCH_TOL);
    const smid = meanAxialStressAt(r, 6);
    expect(Math.abs(smid + sigma) / sigma).toBeLessThan(PATCH_TOL);
  });

  it('cylinder r=6, H=10 mm (h=1) on rollers: u_z, u_r = νσR/E, equilibrium at mid-height', async () => {
    const R = 6,
      H = 10;
    const dom = cylinderDomain(R, H, 1, { E, nu: NU });
    const c = axialLoadCase(dom, F, 'roller');
    const sol = await solveElastic(c, { backend: 'js', tol: 1e-9 });
    const A = faceArea(dom, c.loadedFaces);
    const sigma = F / A;
    const uz = meanFaceDisplacement(dom, c.mesh, c.loadedFaces, sol.u)[2];
    expect(Math.abs(uz + (sigma * H) / E) / ((sigma * H) / E)).toBeLessThan(PATCH_TOL);
    const r = buildStressResult(c, sol.u, sol.stats);
    // u_r / r = νσ/E at every node off the axis (exact for the prism) — check the mean over outer nodes.
    let s = 0,
      cnt = 0;
    for (let n = 0; n < r.nodePositions.length / 3; n++) {
      const x = r.nodePositions[3 * n]!,
        y = r.nodePositions[3 * n + 1]!;
      const rad = Math.hypot(x, y);
      if (rad > R - 1.5) {
        s += (r.displacement[3 * n]! * x + r.displacement[3 * n + 1]! * y) / (rad * rad);
        cnt++;
      }
    }
    const exact = (NU * sigma) / E;
    expect(Math.abs(s / cnt - exact) / exact).toBeLessThan(PATCH_TOL);
    expect(Math.abs(meanAxialStressAt(r, H / 2) + sigma) / sigma).toBeLessThan(PATCH_TOL);
    // staircase: the voxel section vs the nominal circle (1 mm voxels on r = 6 mm); 2 % is the expected size.
    expect(Math.abs(A - Math.PI * R * R) / (Math.PI * R * R)).toBeLessThan(0.02);
  });

  it('clamped box: mean axial stress at mid-height still equals −F/A (equilibrium)', async () => {
    const dom = boxDomain(6, 6, 12, 1, { E, nu: NU });
    const c = axialLoadCase(dom, F, 'clamped');
    const sol = await solveElastic(c, { backend: 'js', tol: 1e-9 });
    const r = buildStressResult(c, sol.u, sol.stats);
    const sigma = F / 36;
    // Element-centre stresses: the section mean equals F/A to discretisation error away from the clamp.
    expect(Math.abs(meanAxialStressAt(r, 6.5) + sigma) / sigma).toBeLessThan(0.01);
  });
});

describe('custom regions (world points + radius)', () => {
  it('a box loaded/fixed through picked points reproduces the uniaxial solution', async () => {
    const {
      customLoadCase,
      meanFaceDisplacement: mfd,
      facesWhere,
    } = await import('../../../src/solvers/mechanics');
    const dom = boxDomain(4, 4, 8, 1, { E, nu: NU });
    // Loaded region as a face mask (the top faces); support as picked world points (a 5×5 grid just below the
    // bottom face) with a 0.6 mm radius: it catches the z = 0 nodes only.
    const faces = facesWhere(dom, (_i, _j, k) => k >= 8);
    const pts: number[] = [];
    for (let x = -2; x <= 2; x++) for (let y = -2; y <= 2; y++) pts.push(x, y, -0.5);
    const c = customLoadCase(
      dom,
      [{ region: { faces }, forceN: [0, 0, -F] }],
      [{ region: { points: pts, radiusMm: 0.6 } }],
    );
    let nFixed = 0;
    for (const f of c.fixed) nFixed += f;
    expect(nFixed).toBe(3 * 25);
    const sol = await solveElastic(c, { backend: 'js', tol: 1e-9 });
    expect(sol.stats.converged).toBe(true);
    expect(faces.length).toBe(16);
    // clamped ends: stiffer than the roller solution (lateral contraction restrained), within 10 %
    const uz = mfd(dom, c.mesh, faces, sol.u)[2];
    const free = ((F / 16) * 8) / E;
    expect(-uz).toBeLessThan(free);
    expect(-uz).toBeGreaterThan(0.9 * free);
  });
});
