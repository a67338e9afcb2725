// 4x4 affine helpers for volumes. Matrices are row-major Float64Array(16) mapping voxel index
// (i, j, k, 1) to world RAS+ millimetres (see ./types.ts). Also the LPS<->RAS flip used by readers.
import type { Vec3 } from './types';

/** Identity 4x4 (row-major). */
export function identityAffine(): Float64Array {
  const m = new Float64Array(16);
  m[0] = m[5] = m[10] = m[15] = 1;
  return m;
}

/** world = m * (i, j, k, 1). */
export function applyAffine(m: Float64Array, i: number, j: number, k: number, out: Vec3 = [0, 0, 0]): Vec3 {
  out[0] = m[0]! * i + m[1]! * j + m[2]! * k + m[3]!;
  out[1] = m[4]! * i + m[5]! * j + m[6]! * k + m[7]!;
  out[2] = m[8]! * i + m[9]! * j + m[10]! * k + m[11]!;
  return out;
}

/** Determinant of the upper-left 3x3 block. */
export function det3(m: Float64Array): number {
  const a = m[0]!,
    b = m[1]!,
    c = m[2]!;
  const d = m[4]!,
    e = m[5]!,
    f = m[6]!;
  const g = m[8]!,
    h = m[9]!,
    k = m[10]!;
  return a * (e * k - f * h) - b * (d * k - f * g) + c * (d * h - e * g);
}

/** Inverse of an affine (last row assumed 0 0 0 1). Throws on a singular matrix. */
export function invertAffine(m: Float64Array): Float64Array {
  const a = m[0]!,
    b = m[1]!,
    c = m[2]!;
  const d = m[4]!,
    e = m[5]!,
    f = m[6]!;
  const g = m[8]!,
    h = m[9]!,
    k = m[10]!;
  const det = det3(m);
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12)
    throw new Error('affine is singular (zero determinant)');
  const r = new Float64Array(16);
  r[0] = (e * k - f * h) / det;
  r[1] = (c * h - b * k) / det;
  r[2] = (b * f - c * e) / det;
  r[4] = (f * g - d * k) / det;
  r[5] = (a * k - c * g) / det;
  r[6] = (c * d - a * f) / det;
  r[8] = (d * h - e * g) / det;
  r[9] = (b * g - a * h) / det;
  r[10] = (a * e - b * d) / det;
  const tx = m[3]!,
    ty = m[7]!,
    tz = m[11]!;
  r[3] = -(r[0] * tx + r[1] * ty + r[2] * tz);
  r[7] = -(r[4] * tx + r[5] * ty + r[6] * tz);
  r[11] = -(r[8] * tx + r[9] * ty + r[10] * tz);
  r[15] = 1;
  return r;
}

/** Product a * b of two row-major 4x4 matrices. */
export function multiplyAffine(a: Float64Array, b: Float64Array): Float64Array {
  const r = new Float64Array(16);
  for (let row = 0; row < 4; row++)
    for (let col = 0; col < 4; col++) {
      let s = 0;
      for (let t = 0; t < 4; t++) s += a[row * 4 + t]! * b[t * 4 + col]!;
      r[row * 4 + col] = s;
    }
  return r;
}

/**
 * Affine from voxel spacing (mm), a direction matrix (columns = unit world directions of i, j, k,
 * given row-major 3x3 as [xi, xj, xk, yi, yj, yk, zi, zj, zk]) and origin (world of voxel 0,0,0).
 */
export function affineFromSpacingDirectionOrigin(
  spacing: Vec3,
  direction: ArrayLike<number>,
  origin: Vec3,
): Float64Array {
  const m = new Float64Array(16);
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) m[r * 4 + c] = (direction[r * 3 + c] ?? (r === c ? 1 : 0)) * spacing[c]!;
    m[r * 4 + 3] = origin[r]!;
  }
  m[15] = 1;
  return m;
}

/** Lengths of the first three columns (voxel size along i, j, k in mm). */
export function spacingFromAffine(m: Float64Array): Vec3 {
  const col = (c: number) => Math.hypot(m[c]!, m[4 + c]!, m[8 + c]!);
  return [col(0), col(1), col(2)];
}

/** True when every entry is finite and the 3x3 block is invertible. */
export function isFiniteAffine(m: Float64Array): boolean {
  if (m.length !== 16) return false;
  for (let t = 0; t < 16; t++) if (!Number.isFinite(m[t]!)) return false;
  const d = det3(m);
  return Number.isFinite(d) && Math.abs(d) > 1e-12;
}

/** Converts an LPS affine to RAS (or back): negates the x and y rows. */
export function flipLpsRas(m: Float64Array): Float64Array {
  const r = Float64Array.from(m);
  for (let c = 0; c < 4; c++) {
    r[c] = -r[c]!;
    r[4 + c] = -r[4 + c]!;
  }
  return r;
}
