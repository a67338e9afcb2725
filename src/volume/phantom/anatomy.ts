// The phantom's anatomy as an ordered list of paint operations (later operations overwrite earlier ones:
// that order IS the precedence where shapes overlap). Sizes in mm, intensities in HU, frame world RAS+
// (+x = patient Right, +y = Anterior, +z = Superior; origin near the torso centre).
// Orientation reasoning: the patient's LEFT is -x, so left-sided structures (left lung, LV, heart apex,
// descending aorta) have SMALLER x than their right-sided partners; the spine is posterior (smaller y than
// the heart); the aortic arch and the trachea's top are superior (larger z). The heart's long axis runs
// from the base (right, posterior, superior) to the apex (left, anterior, inferior).
import type { Vec3 } from '../types';
import { DISCS, L, VERTEBRAE } from './labels';
import { capsule, clipHalf, cylinderZ, ellipsoid, type Shape } from './shapes';

export interface PaintOp {
  label: number;
  hu: number;
  shape: Shape;
  /** Lung parenchyma gets a mild deterministic texture on top of hu. */
  texture?: 'lung';
}

/** Half height of the torso slab: everything is clipped to |z| <= BODY_HALF_Z. */
export const BODY_HALF_Z = 96;
/** Field of view (mm) along x (L-R), y (A-P), z (S-I). Multiples of 6 mm, and flat faces (vertebral end
 * plates, disc faces, lung medial planes, slab ends) sit on multiples of 6 mm: for every voxel size in
 * {0.5, 1, 1.5, 2, 3} mm those planes then fall midway between voxel centres, so voxel-counted volumes have
 * no systematic staircase bias along the grid axes. */
export const FOV_MM: Vec3 = [336, 252, 2 * BODY_HALF_Z];

export const HU = {
  air: -1000,
  fat: -100,
  soft: 40,
  csf: 15,
  lung: -850,
  myocardium: 50,
  blood: 300,
  cortical: 1000,
  posteriorArch: 700,
  trabecular: 250,
  disc: 80,
} as const;

function add(a: Vec3, b: Vec3, s = 1): Vec3 {
  return [a[0] + s * b[0], a[1] + s * b[1], a[2] + s * b[2]];
}
function unit(v: Vec3): Vec3 {
  const l = Math.hypot(...v);
  return [v[0] / l, v[1] / l, v[2] / l];
}
function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

/** Heart frame: u base->apex (left-anterior-inferior), v toward the RV (anterior-right), w = u x v. */
export const HEART_CENTER: Vec3 = [-30, 36, -30];
const U = unit([-0.62, 0.5, -0.6]);
const V = (() => {
  const r: Vec3 = [0.55, 0.8, 0.15];
  const d = r[0] * U[0] + r[1] * U[1] + r[2] * U[2];
  return unit(add(r, U, -d));
})();
const W = cross(U, V);
export const HEART_AXES: [Vec3, Vec3, Vec3] = [U, V, W];
const local = (a: number, b: number, c: number): Vec3 => add(add(add(HEART_CENTER, U, a), V, b), W, c);

function heart(): PaintOp[] {
  const ops: PaintOp[] = [];
  const chamber = (
    c: Vec3,
    r: Vec3,
    wall: number,
    blood: number,
    axes?: [Vec3, Vec3, Vec3],
    cav?: Vec3,
  ): void => {
    ops.push({ label: L.heart_myocardium, hu: HU.myocardium, shape: ellipsoid(c, r, axes) });
    const inner: Vec3 = [r[0] - wall, r[1] - wall, r[2] - wall];
    ops.push({ label: blood, hu: HU.blood, shape: ellipsoid(cav ?? c, inner, axes) });
  };
  // Atria first (thin 3 mm walls), then RV (4 mm free wall), then LV (10 mm wall) which overwrites the
  // RV where they meet, so the septum is LV myocardium and the RV cavity becomes a crescent.
  chamber([-6, 0, 4], [32, 21, 23], 3, L.la_blood);
  chamber([26, 18, -4], [23, 23, 28], 3, L.ra_blood);
  chamber(local(0, 20, 0), [46, 26, 36], 4, L.rv_blood, HEART_AXES);
  // LV cavity shifted 5 mm toward the base so the apex keeps its 10 mm wall while the base opens.
  chamber(local(10, -8, 0), [56, 31, 33], 10, L.lv_blood, HEART_AXES, local(5, -8, 0));
  return ops;
}

function aorta(): PaintOp[] {
  // Ascending aorta (30 mm) right-anterior, arch passing anterior then LEFT of the trachea, descending
  // aorta (24 mm) to the left of the vertebral bodies, down out of the field of view.
  const pts: Vec3[] = [
    [14, 22, -10],
    [14, 20, 55],
    [6, 14, 76],
    [-14, 4, 86],
    [-28, -16, 82],
    [-32, -34, 68],
    [-32, -38, 50],
    [-32, -38, -200],
  ];
  const ops: PaintOp[] = [];
  for (let n = 0; n + 1 < pts.length; n++) {
    const r = 15 - (3 * n) / (pts.length - 2);
    ops.push({ label: L.aorta, hu: HU.blood, shape: capsule(pts[n]!, pts[n + 1]!, r) });
  }
  return ops;
}

function spine(): PaintOp[] {
  const ops: PaintOp[] = [];
  const bodyY = -50;
  const canalY = -74;
  for (const v of VERTEBRAE) {
    const z = v.zc;
    const bone = (shape: Shape, hu: number = HU.posteriorArch): void =>
      void ops.push({ label: v.value, hu, shape });
    bone(cylinderZ(0, -73, 17, 15, z - 6, z + 6)); // pedicles + laminae (ring around the canal)
    bone(capsule([12, -72, z + 3], [32, -80, z + 5], 5)); // right transverse process
    bone(capsule([-12, -72, z + 3], [-32, -80, z + 5], 5)); // left transverse process
    bone(capsule([0, -84, z], [0, -97, z - 12], 4.5)); // spinous process, sloping down
    bone(cylinderZ(0, bodyY, 20, 14, z - 12, z + 12), HU.cortical); // body: 40 x 28 x 24 mm, cortex
    bone(cylinderZ(0, bodyY, 18, 12, z - 10, z + 10), HU.trabecular); // 2 mm cortical shell / endplates
  }
  for (const d of DISCS) {
    ops.push({
      label: d.value,
      hu: HU.disc,
      shape: cylinderZ(0, bodyY, 20, 14, d.zBottom + 12, d.zTop - 12),
    });
  }
  ops.push({ label: L.body, hu: HU.csf, shape: cylinderZ(0, canalY, 10, 8, -BODY_HALF_Z, BODY_HALF_Z) });
  return ops;
}

function airways(): PaintOp[] {
  const carina: Vec3 = [3, -22, 62];
  return [
    { label: L.trachea, hu: HU.air, shape: capsule(carina, [3, -22, 200], 9) },
    { label: L.trachea, hu: HU.air, shape: capsule(carina, [32, -24, 42], 7) }, // right main bronchus
    { label: L.trachea, hu: HU.air, shape: capsule(carina, [-40, -14, 38], 6) }, // left: longer, flatter
  ];
}

/** All paint operations, lowest precedence first. */
export function phantomOps(): PaintOp[] {
  const lungR = clipHalf(ellipsoid([80, -5, 2], [55, 72, 86]), [-1, 0, 0], -30);
  const lungL = clipHalf(ellipsoid([-80, -5, 2], [55, 72, 86]), [1, 0, 0], -30);
  return [
    { label: L.body, hu: HU.fat, shape: cylinderZ(0, 0, 160, 110, -BODY_HALF_Z, BODY_HALF_Z) },
    { label: L.body, hu: HU.soft, shape: cylinderZ(0, 0, 150, 100, -BODY_HALF_Z, BODY_HALF_Z) },
    { label: L.lung_right, hu: HU.lung, shape: lungR, texture: 'lung' },
    { label: L.lung_left, hu: HU.lung, shape: lungL, texture: 'lung' },
    ...spine(),
    ...aorta(),
    ...heart(),
    ...airways(),
  ];
}
