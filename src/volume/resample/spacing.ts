// Isotropic regridding of a volume to `spacingMm` (mm) along its own axes (same direction cosines and
// voxel-0 centre, so world RAS positions are preserved); extent covers the original voxel centres.
// 'nearest' keeps the data type (labels always use nearest); 'linear' is trilinear into Float32Array.
import { checkBudget } from '../budget';
import type { Vec3, Volume, VoxelArray } from '../types';

export function resampleToSpacing(v: Volume, spacingMm: number, mode: 'nearest' | 'linear'): Volume {
  if (!(spacingMm > 0) || !Number.isFinite(spacingMm))
    throw new Error(`${v.name}: resample spacing must be > 0 mm, got ${spacingMm}`);
  const sp = v.spacing;
  const dims = v.dims.map((d, a) =>
    Math.max(1, Math.floor(((d - 1) * sp[a]!) / spacingMm + 1e-6) + 1),
  ) as Vec3;
  const [nx, ny, nz] = dims;
  const n = nx * ny * nz;
  const nearest = mode === 'nearest' || v.modality === 'label';
  const Ctor = (nearest ? v.data.constructor : Float32Array) as new (n: number) => VoxelArray;
  checkBudget(n * (nearest ? v.data.BYTES_PER_ELEMENT : 4), `resampled volume ${dims.join('x')}`, v.name);
  const out = new Ctor(n);
  const f = sp.map((s) => spacingMm / s) as Vec3; // source index per target index
  const [sx, sy, sz] = v.dims;
  const src = v.data;
  const clampI = (x: number, hi: number) => (x < 0 ? 0 : x > hi ? hi : x);
  let o = 0;
  for (let k = 0; k < nz; k++) {
    const z = Math.min(k * f[2], sz - 1);
    const z0 = Math.floor(z);
    const z1 = Math.min(z0 + 1, sz - 1);
    const wz = z - z0;
    for (let j = 0; j < ny; j++) {
      const y = Math.min(j * f[1], sy - 1);
      const y0 = Math.floor(y);
      const y1 = Math.min(y0 + 1, sy - 1);
      const wy = y - y0;
      for (let i = 0; i < nx; i++, o++) {
        const x = Math.min(i * f[0], sx - 1);
        if (nearest) {
          const a = clampI(Math.round(x), sx - 1);
          const b = clampI(Math.round(y), sy - 1);
          const c = clampI(Math.round(z), sz - 1);
          out[o] = src[a + sx * (b + sy * c)]!;
          continue;
        }
        const x0 = Math.floor(x);
        const x1 = Math.min(x0 + 1, sx - 1);
        const wx = x - x0;
        const at = (a: number, b: number, c: number) => src[a + sx * (b + sy * c)]!;
        const c00 = at(x0, y0, z0) * (1 - wx) + at(x1, y0, z0) * wx;
        const c10 = at(x0, y1, z0) * (1 - wx) + at(x1, y1, z0) * wx;
        const c01 = at(x0, y0, z1) * (1 - wx) + at(x1, y0, z1) * wx;
        const c11 = at(x0, y1, z1) * (1 - wx) + at(x1, y1, z1) * wx;
        out[o] = (c00 * (1 - wy) + c10 * wy) * (1 - wz) + (c01 * (1 - wy) + c11 * wy) * wz;
      }
    }
  }
  const m = Float64Array.from(v.ijkToWorld);
  for (let c = 0; c < 3; c++) for (let r = 0; r < 3; r++) m[r * 4 + c] = m[r * 4 + c]! * f[c]!;
  const res: Volume = { ...v, dims, spacing: [spacingMm, spacingMm, spacingMm], ijkToWorld: m, data: out };
  if (!nearest) res.units = v.units;
  return res;
}
