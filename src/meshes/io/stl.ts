// STL writer (binary) and reader (binary and ASCII). STL has no units: we write world mm and read mm.
// Triangle corners are stored separately in STL; the reader welds bit-identical corners so closed meshes
// come back watertight. Frame: as stored (world RAS mm for our files).
import type { SurfaceMesh } from '../types';
import { baseName, checkCount, decodeText, MeshReadError, validateMesh } from './errors';
import { weldVertices } from './weld';

export function writeStl(mesh: SurfaceMesh): Uint8Array {
  const p = mesh.positions;
  const ix = mesh.indices;
  const nT = ix.length / 3;
  const buf = new ArrayBuffer(84 + 50 * nT);
  const dv = new DataView(buf);
  const header = `organ-twin STL, units mm, world RAS: ${mesh.name}`.slice(0, 80);
  for (let c = 0; c < header.length; c++) dv.setUint8(c, header.charCodeAt(c) & 0x7f);
  dv.setUint32(80, nT, true);
  let o = 84;
  for (let t = 0; t < nT; t++) {
    const a = 3 * ix[3 * t]!, b = 3 * ix[3 * t + 1]!, c = 3 * ix[3 * t + 2]!; // prettier-ignore
    const ux = p[b]! - p[a]!, uy = p[b + 1]! - p[a + 1]!, uz = p[b + 2]! - p[a + 2]!; // prettier-ignore
    const vx = p[c]! - p[a]!, vy = p[c + 1]! - p[a + 1]!, vz = p[c + 2]! - p[a + 2]!; // prettier-ignore
    let nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx; // prettier-ignore
    const l = Math.hypot(nx, ny, nz) || 1;
    nx /= l;
    ny /= l;
    nz /= l;
    for (const v of [
      nx,
      ny,
      nz,
      p[a]!,
      p[a + 1]!,
      p[a + 2]!,
      p[b]!,
      p[b + 1]!,
      p[b + 2]!,
      p[c]!,
      p[c + 1]!,
      p[c + 2]!,
    ]) {
      dv.setFloat32(o, v, true);
      o += 4;
    }
    dv.setUint16(o, 0, true);
    o += 2;
  }
  return new Uint8Array(buf);
}

export function readStl(file: string, bytes: Uint8Array): SurfaceMesh {
  if (bytes.length < 84 && !isAscii(bytes))
    throw new MeshReadError(file, `truncated: ${bytes.length} bytes is shorter than a binary STL header`);
  if (bytes.length >= 84) {
    const n = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(80, true);
    if (84 + 50 * n === bytes.length) return readBinary(file, bytes, n);
  }
  if (isAscii(bytes)) return readAscii(file, bytes);
  const n = bytes.length >= 84 ? new DataView(bytes.buffer, bytes.byteOffset).getUint32(80, true) : 0;
  checkCount(file, 'triangles', n, 84 + 50 * n, bytes.length);
  throw new MeshReadError(
    file,
    `binary STL size mismatch: ${n} triangles need ${84 + 50 * n} bytes, file has ${bytes.length}`,
  );
}

function isAscii(bytes: Uint8Array): boolean {
  const head = decodeText(bytes.subarray(0, 512)).trimStart();
  if (!head.startsWith('solid')) return false;
  return /facet|endsolid/.test(head) || bytes.length < 512;
}

function readBinary(file: string, bytes: Uint8Array, n: number): SurfaceMesh {
  checkCount(file, 'triangles', n, 84 + 50 * n, bytes.length);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const corners = new Float32Array(9 * n);
  for (let t = 0; t < n; t++)
    for (let q = 0; q < 9; q++) corners[9 * t + q] = dv.getFloat32(84 + 50 * t + 12 + 4 * q, true);
  return fromCorners(file, corners);
}

function readAscii(file: string, bytes: Uint8Array): SurfaceMesh {
  const text = decodeText(bytes);
  const corners: number[] = [];
  let inFacet = 0;
  const re = /\b(vertex|endfacet)\b([^\n\r]*)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] === 'endfacet') {
      if (inFacet !== 3) throw new MeshReadError(file, `facet with ${inFacet} vertices (expected 3)`);
      inFacet = 0;
      continue;
    }
    const xyz = m[2]!.trim().split(/\s+/).map(Number);
    if (xyz.length !== 3 || xyz.some((x) => !Number.isFinite(x)))
      throw new MeshReadError(file, `bad vertex line 'vertex${m[2]}'`);
    corners.push(xyz[0]!, xyz[1]!, xyz[2]!);
    inFacet++;
  }
  if (inFacet !== 0) throw new MeshReadError(file, 'truncated: last facet has no endfacet');
  if (!/\bendsolid\b/.test(text)) throw new MeshReadError(file, "truncated: no 'endsolid' line");
  return fromCorners(file, new Float32Array(corners));
}

function fromCorners(file: string, corners: Float32Array): SurfaceMesh {
  for (let e = 0; e < corners.length; e++)
    if (!Number.isFinite(corners[e]!))
      throw new MeshReadError(file, `triangle ${Math.floor(e / 9)} has a non-finite coordinate`);
  const { positions, remap } = weldVertices(corners);
  return validateMesh(file, { name: baseName(file), positions, indices: remap, fields: {} });
}
