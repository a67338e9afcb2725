// Geometry stages on plain meshes: index -> world transform through a row-major 4x4 affine, outward
// orientation (flip winding when the enclosed signed volume is negative, e.g. after an affine with negative
// determinant), and area-weighted vertex normals. Units: mm after the transform; frame world RAS.
import { signedVolumeMm3, type Positioned } from './metrics';

/** In place: p_world = A · (p_index + offset, 1). */
export function transformPositions(
  pos: Float32Array,
  affine: Float64Array,
  offset: [number, number, number],
): void {
  const a = affine;
  for (let v = 0; v < pos.length; v += 3) {
    const i = pos[v]! + offset[0];
    const j = pos[v + 1]! + offset[1];
    const k = pos[v + 2]! + offset[2];
    pos[v] = a[0]! * i + a[1]! * j + a[2]! * k + a[3]!;
    pos[v + 1] = a[4]! * i + a[5]! * j + a[6]! * k + a[7]!;
    pos[v + 2] = a[8]! * i + a[9]! * j + a[10]! * k + a[11]!;
  }
}

/** Reverses every triangle's winding in place. */
export function flipWinding(indices: Uint32Array): void {
  for (let t = 0; t < indices.length; t += 3) {
    const b = indices[t + 1]!;
    indices[t + 1] = indices[t + 2]!;
    indices[t + 2] = b;
  }
}

/** Makes a closed mesh wind outward (positive signed volume). Returns true when it flipped. */
export function orientOutward(m: Positioned): boolean {
  if (signedVolumeMm3(m) >= 0) return false;
  flipWinding(m.indices);
  return true;
}

/** Area-weighted vertex normals (unit length; zero for unused vertices). */
export function vertexNormals(m: Positioned): Float32Array {
  const p = m.positions;
  const ix = m.indices;
  const acc = new Float64Array(p.length);
  for (let t = 0; t < ix.length; t += 3) {
    const a = 3 * ix[t]!;
    const b = 3 * ix[t + 1]!;
    const c = 3 * ix[t + 2]!;
    const ux = p[b]! - p[a]!, uy = p[b + 1]! - p[a + 1]!, uz = p[b + 2]! - p[a + 2]!; // prettier-ignore
    const vx = p[c]! - p[a]!, vy = p[c + 1]! - p[a + 1]!, vz = p[c + 2]! - p[a + 2]!; // prettier-ignore
    const nx = uy * vz - uz * vy;
    const ny = uz * vx - ux * vz;
    const nz = ux * vy - uy * vx;
    for (const q of [a, b, c]) {
      acc[q] = acc[q]! + nx;
      acc[q + 1] = acc[q + 1]! + ny;
      acc[q + 2] = acc[q + 2]! + nz;
    }
  }
  const out = new Float32Array(p.length);
  for (let v = 0; v < p.length; v += 3) {
    const l = Math.hypot(acc[v]!, acc[v + 1]!, acc[v + 2]!);
    if (l > 0) {
      out[v] = acc[v]! / l;
      out[v + 1] = acc[v + 1]! / l;
      out[v + 2] = acc[v + 2]! / l;
    }
  }
  return out;
}
