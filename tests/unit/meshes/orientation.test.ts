// Orientation: the same world content stored with permuted and flipped axes (different data order and a
// different ijkToWorld, possibly with negative determinant) must give the same world-space surface with
// outward normals. Units: mm, ml. Frame: world RAS mm through each volume's own affine.
import { describe, expect, it } from 'vitest';
import { reconstructLabel } from '../../../src/meshes';
import type { Vec3, Volume } from '../../../src/volume/types';

/** Unsmoothed marching-cubes vertices sit on voxel-edge midpoints in both storages: float32 round-off only. */
const EXACT_TOL = 1e-5;
/** Smoothed: triangulation of ambiguous cubes may differ with storage order, so allow 0.5 % / 0.05 mm. */
const SMOOTH_REL_TOL = 0.005;
const SMOOTH_MM_TOL = 0.05;

const dims: Vec3 = [40, 30, 24];
const spacing: Vec3 = [0.8, 1.1, 1.7];
// canonical affine: spacing on the diagonal plus a translation
const A = new Float64Array([0.8, 0, 0, -12, 0, 1.1, 0, 30, 0, 0, 1.7, -5, 0, 0, 0, 1]);

function canonical(): Volume {
  const data = new Uint8Array(dims[0] * dims[1] * dims[2]);
  for (let k = 0; k < dims[2]; k++)
    for (let j = 0; j < dims[1]; j++)
      for (let i = 0; i < dims[0]; i++) {
        const x = (i - 17) * 0.8, y = (j - 14) * 1.1, z = (k - 11) * 1.7; // prettier-ignore
        const ellipsoid = (x / 12) ** 2 + (y / 9) ** 2 + (z / 14) ** 2 < 1;
        const knob = Math.abs(x - 10) < 4 && Math.abs(y) < 3 && Math.abs(z - 6) < 5; // breaks the symmetry
        data[i + dims[0] * (j + dims[1] * k)] = ellipsoid || knob ? 7 : 0;
      }
  return { name: 'canonical', dims, spacing, ijkToWorld: A, data, modality: 'label', units: 'label' };
}

/** Stores `v` with new axis a' = axis perm[a] of the old grid, flipped where flip[a]. */
function restore(v: Volume, perm: Vec3, flip: [boolean, boolean, boolean]): Volume {
  const nd: Vec3 = [v.dims[perm[0]]!, v.dims[perm[1]]!, v.dims[perm[2]]!];
  const data = new Uint8Array(v.data.length);
  const old = [0, 0, 0];
  for (let k = 0; k < nd[2]; k++)
    for (let j = 0; j < nd[1]; j++)
      for (let i = 0; i < nd[0]; i++) {
        const nw = [i, j, k];
        for (let a = 0; a < 3; a++) old[perm[a]!] = flip[a] ? nd[a]! - 1 - nw[a]! : nw[a]!;
        data[i + nd[0] * (j + nd[1] * k)] = v.data[old[0]! + v.dims[0] * (old[1]! + v.dims[1] * old[2]!)]!;
      }
  // old index = M · new + t; A' = A · [M t; 0 1]
  const M = new Float64Array(16);
  M[15] = 1;
  for (let a = 0; a < 3; a++) {
    M[perm[a]! * 4 + a] = flip[a] ? -1 : 1;
    M[perm[a]! * 4 + 3] = flip[a] ? nd[a]! - 1 : 0;
  }
  const B = new Float64Array(16);
  for (let r = 0; r < 4; r++)
    for (let c = 0; c < 4; c++)
      for (let q = 0; q < 4; q++) B[r * 4 + c] = B[r * 4 + c]! + v.ijkToWorld[r * 4 + q]! * M[q * 4 + c]!;
  return {
    ...v,
    name: 'restored',
    dims: nd,
    spacing: [v.spacing[perm[0]]!, v.spacing[perm[1]]!, v.spacing[perm[2]]!],
    ijkToWorld: B,
    data,
  };
}

const cases: { perm: Vec3; flip: [boolean, boolean, boolean] }[] = [
  { perm: [2, 0, 1], flip: [false, false, false] },
  { perm: [0, 1, 2], flip: [true, false, false] }, // det < 0
  { perm: [1, 2, 0], flip: [false, true, true] },
  { perm: [2, 1, 0], flip: [true, false, true] }, // odd permutation, det < 0
];

describe.each(cases)('storage perm $perm flip $flip', ({ perm, flip }) => {
  const ref = canonical();
  const other = restore(ref, perm, flip);
  it.each([
    { smooth: 0, rel: EXACT_TOL, mm: EXACT_TOL * 50 },
    { smooth: 20, rel: SMOOTH_REL_TOL, mm: SMOOTH_MM_TOL },
  ])('same world mesh (smoothing $smooth)', ({ smooth, rel, mm }) => {
    const a = reconstructLabel(ref, 7, 'a', { smoothIterations: smooth }).mesh;
    const b = reconstructLabel(other, 7, 'b', { smoothIterations: smooth }).mesh;
    const ma = a.metrics as NonNullable<typeof a.metrics> & {
      centroidMm: Vec3;
      boundsMm: { min: Vec3; max: Vec3 };
    };
    const mb = b.metrics as typeof ma;
    expect(mb.watertight && ma.watertight).toBe(true);
    expect(ma.volumeMl).toBeGreaterThan(0);
    expect(Math.abs(mb.volumeMl - ma.volumeMl) / ma.volumeMl).toBeLessThan(rel);
    expect(Math.abs(mb.areaMm2 - ma.areaMm2) / ma.areaMm2).toBeLessThan(rel);
    expect(mb.voxelVolumeMl).toBeCloseTo(ma.voxelVolumeMl!, 9);
    for (let ax = 0; ax < 3; ax++) {
      expect(Math.abs(mb.centroidMm[ax]! - ma.centroidMm[ax]!)).toBeLessThan(mm);
      expect(Math.abs(mb.boundsMm.min[ax]! - ma.boundsMm.min[ax]!)).toBeLessThan(mm);
      expect(Math.abs(mb.boundsMm.max[ax]! - ma.boundsMm.max[ax]!)).toBeLessThan(mm);
    }
    // outward normals: on the ellipsoid part (away from the knob) they point away from the centre
    for (const m of [a, b]) {
      const c = (m.metrics as typeof ma).centroidMm;
      let outward = 0;
      let counted = 0;
      for (let v = 0; v < m.positions.length; v += 3) {
        const d = [m.positions[v]! - c[0], m.positions[v + 1]! - c[1], m.positions[v + 2]! - c[2]];
        if (d[0]! > 2) continue; // skip the knob side
        counted++;
        if (d[0]! * m.normals![v]! + d[1]! * m.normals![v + 1]! + d[2]! * m.normals![v + 2]! > 0) outward++;
      }
      expect(counted).toBeGreaterThan(100);
      expect(outward).toBe(counted);
    }
  });
});
