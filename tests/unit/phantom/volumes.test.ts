// Phantom label volumes against analytic references. First the reference integrator itself is checked on
// single primitives with closed-form volumes (ellipsoid 4/3*pi*abc, capsule pi*r^2*L + 4/3*pi*r^3, elliptic
// cylinder pi*a*b*h); then voxel counts of each label at 1 mm and 2 mm are compared with it.
import { describe, expect, it } from 'vitest';
import { generatePhantom, phantomAnalyticVolumesMl } from '../../../src/volume/phantom';
import { capsule, cylinderZ, ellipsoid } from '../../../src/volume/phantom/shapes';
import { shapeVolumeMm3 } from '../../../src/volume/phantom/reference';
import type { Vec3 } from '../../../src/volume/types';

/** Reference integrator: exact along x, midpoint rule at 0.25 mm across y,z (error ~ h^2 curvature terms). */
const QUAD_TOL = 2e-3;
/** Voxel-centre counting vs analytic volume for labels >= 20 ml. Partial-volume/staircase error of a smooth
 * surface is a sum of +-h/2 contributions that largely cancel; vertical cylinders (descending aorta, trachea)
 * repeat the same cross-section lattice error on every slice, measured here at <= 0.9% at 2 mm. Flat faces
 * sit midway between voxel centres by construction (anatomy.ts). Issue text: 2-3% at 1 mm for >= 20 ml. */
const VOL_TOL_1MM = 0.02;
const VOL_TOL_2MM = 0.03;
/** Small labels (discs ~5 ml, 6 mm tall: only 3 slices at 2 mm) only at 1 mm, where 6 slices resolve them. */
const SMALL_TOL_1MM = 0.05;
const SMALL_ML = 20;

function countMl(voxelMm: number): Record<string, number> {
  const { labels } = generatePhantom({ voxelMm });
  const cnt = new Float64Array(256);
  for (const v of labels.data as Uint8Array) cnt[v]!++;
  const res: Record<string, number> = {};
  for (const l of labels.labels ?? []) res[l.name] = (cnt[l.value]! * voxelMm ** 3) / 1000;
  return res;
}

describe('reference integrator on closed-form primitives', () => {
  it('rotated ellipsoid, capsule and elliptic cylinder', () => {
    const s = Math.SQRT1_2;
    const axes: [Vec3, Vec3, Vec3] = [
      [s, s, 0],
      [-s * 0.6, s * 0.6, 0.8],
      [s * 0.8, -s * 0.8, 0.6],
    ];
    const cases: [number, number][] = [
      [
        shapeVolumeMm3(ellipsoid([3, -2, 5], [30, 20, 12], axes), [-40, 40]),
        (4 / 3) * Math.PI * 30 * 20 * 12,
      ],
      [
        shapeVolumeMm3(capsule([-10, 4, -20], [15, -8, 25], 7), [-30, 30]),
        Math.PI * 49 * Math.hypot(25, 12, 45) + (4 / 3) * Math.PI * 343,
      ],
      [shapeVolumeMm3(cylinderZ(5, 5, 20, 14, -12, 12), [-20, 30]), Math.PI * 20 * 14 * 24],
    ];
    for (const [got, want] of cases) expect(Math.abs(got - want) / want).toBeLessThan(QUAD_TOL);
  });
});

describe('phantom label volumes vs analytic shapes', () => {
  const ref = phantomAnalyticVolumesMl();

  it('has realistic organ sizes (ml)', () => {
    // Adult ranges, loosely: each lung > 1 l, LV cavity 60-180 ml, vertebra 20-60 ml incl. posterior arch.
    expect(ref['lung_left']).toBeGreaterThan(1000);
    expect(ref['lung_right']).toBeGreaterThan(1000);
    expect(ref['lv_blood']).toBeGreaterThan(60);
    expect(ref['lv_blood']).toBeLessThan(180);
    expect(ref['vertebra_T7']).toBeGreaterThan(20);
    expect(ref['vertebra_T7']).toBeLessThan(60);
  });

  const counts = new Map<number, Record<string, number>>();
  const at = (mm: number): Record<string, number> => {
    if (!counts.has(mm)) counts.set(mm, countMl(mm));
    return counts.get(mm)!;
  };

  it('1 mm voxel counts match the analytic volumes', () => {
    const got = at(1);
    for (const [name, want] of Object.entries(ref)) {
      const tol = want >= SMALL_ML ? VOL_TOL_1MM : SMALL_TOL_1MM;
      expect(Math.abs(got[name]! - want) / want, name).toBeLessThan(tol);
    }
  });

  it('2 mm voxel counts match the analytic volumes (labels >= 20 ml)', () => {
    const got = at(2);
    for (const [name, want] of Object.entries(ref)) {
      if (want < SMALL_ML) continue;
      expect(Math.abs(got[name]! - want) / want, name).toBeLessThan(VOL_TOL_2MM);
    }
  });

  it('1 mm and 2 mm grids agree with each other (labels >= 20 ml)', () => {
    const a = at(1);
    const b = at(2);
    for (const [name, want] of Object.entries(ref)) {
      if (want < SMALL_ML) continue;
      expect(Math.abs(a[name]! - b[name]!) / want, name).toBeLessThan(VOL_TOL_1MM + VOL_TOL_2MM);
    }
  });
});
