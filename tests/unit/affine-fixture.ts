// Test helper: a 4×4 index-to-world affine (row-major Float64Array(16)) from its three column vectors (world mm
// per voxel step along i, j, k) and the world position of voxel (0,0,0). Frame: world RAS mm.
import type { Vec3 } from '../../src/volume/types';

export function affineFromColumns(cols: [Vec3, Vec3, Vec3], origin: Vec3 = [0, 0, 0]): Float64Array {
  const m = new Float64Array(16);
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) m[4 * r + c] = cols[c]![r]!;
    m[4 * r + 3] = origin[r]!;
  }
  m[15] = 1;
  return m;
}
