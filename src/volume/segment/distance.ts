// Exact squared Euclidean distance transform of a binary voxel mask (Felzenszwalb & Huttenlocher 2012,
// separable lower envelopes of parabolas, O(n)): for every foreground voxel the squared distance in mm²
// to the nearest background voxel centre, with anisotropic spacing; background voxels get 0. Voxels
// outside the grid count as foreground (a mask cut by the image border is not eroded from the border).
// Frame: voxel IJK (i fastest); units mm².
import type { Vec3 } from '../types';

/** Stand-in for +infinity that keeps the parabola intersections finite (float32-safe). */
const FAR = 1e20;

export function squaredDistanceMm2(mask: Uint8Array, dims: Vec3, spacing: Vec3): Float32Array {
  const [nx, ny, nz] = dims;
  const n = nx * ny * nz;
  if (mask.length !== n)
    throw new Error(`squaredDistanceMm2: mask has ${mask.length} voxels, dims ${dims.join('x')} need ${n}`);
  const d = new Float32Array(n);
  for (let p = 0; p < n; p++) d[p] = mask[p] ? FAR : 0;
  const len = Math.max(nx, ny, nz);
  const f = new Float64Array(len);
  const out = new Float64Array(len);
  const v = new Int32Array(len);
  const z = new Float64Array(len + 1);
  const line = (start: number, count: number, stride: number, w: number): void => {
    let any = false;
    for (let q = 0; q < count; q++) {
      const x = d[start + q * stride]!;
      f[q] = x;
      if (x < FAR) any = true;
    }
    if (!any) return; // all foreground so far: stays FAR along this line
    const w2 = w * w;
    let k = 0;
    v[0] = 0;
    z[0] = -Infinity;
    z[1] = Infinity;
    for (let q = 1; q < count; q++) {
      const fq = f[q]! + w2 * q * q;
      let r = v[k]!;
      let s = (fq - (f[r]! + w2 * r * r)) / (2 * w2 * (q - r));
      while (s <= z[k]!) {
        k--;
        r = v[k]!;
        s = (fq - (f[r]! + w2 * r * r)) / (2 * w2 * (q - r));
      }
      k++;
      v[k] = q;
      z[k] = s;
      z[k + 1] = Infinity;
    }
    k = 0;
    for (let q = 0; q < count; q++) {
      while (z[k + 1]! < q) k++;
      const r = v[k]!;
      out[q] = w2 * (q - r) * (q - r) + f[r]!;
    }
    for (let q = 0; q < count; q++) d[start + q * stride] = out[q]!;
  };
  for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) line(nx * (j + ny * k), nx, 1, spacing[0]);
  for (let k = 0; k < nz; k++) for (let i = 0; i < nx; i++) line(i + nx * ny * k, ny, nx, spacing[1]);
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) line(i + nx * j, nz, nx * ny, spacing[2]);
  return d;
}
