// squaredDistanceMm2 (exact Euclidean distance transform) against brute force on small random masks with
// anisotropic spacing; voxels outside the grid count as foreground. Units mm². Frame: voxel IJK.
import { describe, expect, it } from 'vitest';
import { squaredDistanceMm2 } from '../../../src/volume/segment';
import type { Vec3 } from '../../../src/volume/types';

/** Float32 storage of squared mm distances up to ~100 mm²: relative rounding ~6e-8, so 1e-5 mm² is ample. */
const D2_TOL = 1e-5;

function brute(mask: Uint8Array, dims: Vec3, sp: Vec3): number[] {
  const [nx, ny, nz] = dims;
  const bg: Vec3[] = [];
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) if (!mask[i + nx * (j + ny * k)]) bg.push([i, j, k]);
  const out: number[] = [];
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        if (!mask[i + nx * (j + ny * k)]) {
          out.push(0);
          continue;
        }
        let best = Infinity;
        for (const [a, b, c] of bg)
          best = Math.min(best, ((a - i) * sp[0]) ** 2 + ((b - j) * sp[1]) ** 2 + ((c - k) * sp[2]) ** 2);
        out.push(best);
      }
  return out;
}

describe('squaredDistanceMm2', () => {
  it('matches brute force on random masks (anisotropic spacing)', () => {
    let s = 12345;
    for (let t = 0; t < 30; t++) {
      const dims: Vec3 = [2 + (t % 7), 1 + ((t * 5) % 6), 1 + ((t * 3) % 5)];
      const sp: Vec3 = [0.5 + (t % 3) * 0.5, 1.5, 0.8 + (t % 2)];
      const n = dims[0] * dims[1] * dims[2];
      const mask = new Uint8Array(n);
      for (let p = 0; p < n; p++) {
        s = (Math.imul(s, 1103515245) + 12345) >>> 0;
        mask[p] = s >>> 29 < 6 ? 1 : 0;
      }
      mask[(t * 7) % n] = 0; // at least one background voxel
      const got = squaredDistanceMm2(mask, dims, sp);
      const ref = brute(mask, dims, sp);
      for (let p = 0; p < n; p++) expect(Math.abs(got[p]! - ref[p]!)).toBeLessThan(D2_TOL);
    }
  });

  it('a mask without background stays "far" everywhere (the grid border is not background)', () => {
    const d = squaredDistanceMm2(new Uint8Array(8).fill(1), [2, 2, 2], [1, 1, 1]);
    expect(Math.min(...d)).toBeGreaterThan(1e19);
  });
});
