// Wavefront OBJ writer (positions, per-vertex normals, triangles as f v//vn) and reader (v, vn, f with
// v, v/vt, v//vn, v/vt/vn and negative indices; polygons fan-triangulated; other statements ignored).
// OBJ has no units: we write and read world RAS mm. Fields are not representable in OBJ.
import type { SurfaceMesh } from '../types';
import { baseName, decodeText, MeshReadError, pushFan, validateMesh } from './errors';

const fmt = (x: number): string => String(Math.fround(x));

export function writeObj(mesh: SurfaceMesh): Uint8Array {
  const p = mesh.positions;
  const nrm = mesh.normals;
  const lines: string[] = [
    `# organ-twin OBJ: ${mesh.name}`,
    '# units: mm, frame: world RAS',
    `o ${mesh.name.replace(/\s+/g, '_') || 'mesh'}`,
  ];
  for (let v = 0; v < p.length; v += 3) lines.push(`v ${fmt(p[v]!)} ${fmt(p[v + 1]!)} ${fmt(p[v + 2]!)}`);
  if (nrm)
    for (let v = 0; v < nrm.length; v += 3)
      lines.push(`vn ${fmt(nrm[v]!)} ${fmt(nrm[v + 1]!)} ${fmt(nrm[v + 2]!)}`);
  const ix = mesh.indices;
  for (let t = 0; t < ix.length; t += 3) {
    const a = ix[t]! + 1, b = ix[t + 1]! + 1, c = ix[t + 2]! + 1; // prettier-ignore
    lines.push(nrm ? `f ${a}//${a} ${b}//${b} ${c}//${c}` : `f ${a} ${b} ${c}`);
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

export function readObj(file: string, bytes: Uint8Array): SurfaceMesh {
  const text = decodeText(bytes);
  const pos: number[] = [];
  const nrm: number[] = [];
  const tri: number[] = [];
  let normalsMatch = true; // every face corner uses the same index for v and vn
  let lineNo = 0;
  for (const raw of text.split(/\r?\n/)) {
    lineNo++;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const parts = line.split(/\s+/);
    const tag = parts[0];
    if (tag === 'v' || tag === 'vn') {
      const xyz = parts.slice(1, 4).map(Number);
      if (xyz.length < 3 || xyz.some((x) => !Number.isFinite(x)))
        throw new MeshReadError(file, `line ${lineNo}: bad '${tag}' statement`);
      (tag === 'v' ? pos : nrm).push(xyz[0]!, xyz[1]!, xyz[2]!);
    } else if (tag === 'f') {
      const nV = pos.length / 3;
      const poly: number[] = [];
      for (const corner of parts.slice(1)) {
        const [vs, , ns] = corner.split('/');
        const v = resolveIndex(Number(vs), nV);
        if (v < 0)
          throw new MeshReadError(
            file,
            `line ${lineNo}: face index '${corner}' out of range (${nV} vertices so far)`,
          );
        if (ns === undefined || ns === '' || resolveIndex(Number(ns), nrm.length / 3) !== v)
          normalsMatch = false;
        poly.push(v);
      }
      if (poly.length < 3) throw new MeshReadError(file, `line ${lineNo}: face with fewer than 3 vertices`);
      pushFan(tri, poly);
    } else if (!/^[a-z_]+$/i.test(tag ?? '')) {
      throw new MeshReadError(file, `line ${lineNo}: not an OBJ statement`);
    }
  }
  const positions = new Float32Array(pos);
  const mesh: SurfaceMesh = { name: baseName(file), positions, indices: new Uint32Array(tri), fields: {} };
  if (normalsMatch && nrm.length === pos.length) mesh.normals = new Float32Array(nrm);
  return validateMesh(file, mesh);
}

function resolveIndex(i: number, n: number): number {
  if (!Number.isInteger(i) || i === 0) return -1;
  const r = i > 0 ? i - 1 : n + i;
  return r >= 0 && r < n ? r : -1;
}
