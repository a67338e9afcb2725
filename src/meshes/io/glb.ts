// glTF 2.0 binary (.glb) writer and a reader for the same layout (one mesh, one triangle primitive with
// POSITION, optional NORMAL, UNSIGNED_INT/SHORT/BYTE indices, fields as application attributes "_NAME").
// Units: positions stay world RAS mm (NOT glTF's metres/Y-up); asset.extras records units and frame so
// viewers can scale (×0.001) and rotate. Field units live in the mesh extras.
import type { Field, SurfaceMesh } from '../types';
import { baseName, checkCount, MeshReadError, validateMesh } from './errors';

const GLB_MAGIC = 0x46546c67;
const JSON_CHUNK = 0x4e4f534a;
const BIN_CHUNK = 0x004e4942;

export function writeGlb(mesh: SurfaceMesh): Uint8Array {
  const nV = mesh.positions.length / 3;
  const views: { data: Uint8Array; target?: number }[] = [];
  const accessors: Record<string, unknown>[] = [];
  const add = (
    arr: Float32Array | Uint32Array,
    type: string,
    componentType: number,
    target: number,
    extra: Record<string, unknown> = {},
  ): number => {
    views.push({ data: new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength), target });
    const count = type === 'VEC3' ? arr.length / 3 : arr.length;
    accessors.push({ bufferView: views.length - 1, componentType, count, type, ...extra });
    return accessors.length - 1;
  };
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let v = 0; v < mesh.positions.length; v++) {
    const a = v % 3;
    min[a] = Math.min(min[a]!, mesh.positions[v]!);
    max[a] = Math.max(max[a]!, mesh.positions[v]!);
  }
  const attributes: Record<string, number> = {
    POSITION: add(mesh.positions, 'VEC3', 5126, 34962, nV ? { min, max } : {}),
  };
  if (mesh.normals) attributes.NORMAL = add(mesh.normals, 'VEC3', 5126, 34962);
  const fieldInfo: Record<string, { attribute: string; units: string }> = {};
  for (const f of Object.values(mesh.fields)) {
    if (f.values.length !== nV * f.components || (f.components !== 1 && f.components !== 3)) continue;
    const key = `_${f.name.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}`;
    attributes[key] = add(f.values, f.components === 3 ? 'VEC3' : 'SCALAR', 5126, 34962);
    fieldInfo[f.name] = { attribute: key, units: f.units };
  }
  const indices = add(mesh.indices, 'SCALAR', 5125, 34963);
  let offset = 0;
  const bufferViews = views.map((v) => {
    const bv = { buffer: 0, byteOffset: offset, byteLength: v.data.length, target: v.target };
    offset += Math.ceil(v.data.length / 4) * 4;
    return bv;
  });
  const gltf = {
    asset: {
      version: '2.0',
      generator: 'organ-twin',
      extras: { units: 'mm', frame: 'world RAS+ (x right, y anterior, z superior)' },
    },
    scene: 0,
    scenes: [{ nodes: [0] }],
    nodes: [{ mesh: 0, name: mesh.name }],
    meshes: [
      {
        name: mesh.name,
        primitives: [{ attributes, indices, mode: 4 }],
        extras: { fields: fieldInfo, color: mesh.color },
      },
    ],
    accessors,
    bufferViews,
    buffers: [{ byteLength: offset }],
  };
  let json = new TextEncoder().encode(JSON.stringify(gltf));
  const jsonPad = Math.ceil(json.length / 4) * 4;
  const padded = new Uint8Array(jsonPad).fill(0x20);
  padded.set(json);
  json = padded;
  const out = new Uint8Array(12 + 8 + json.length + 8 + offset);
  const dv = new DataView(out.buffer);
  dv.setUint32(0, GLB_MAGIC, true);
  dv.setUint32(4, 2, true);
  dv.setUint32(8, out.length, true);
  dv.setUint32(12, json.length, true);
  dv.setUint32(16, JSON_CHUNK, true);
  out.set(json, 20);
  const binStart = 20 + json.length;
  dv.setUint32(binStart, offset, true);
  dv.setUint32(binStart + 4, BIN_CHUNK, true);
  views.forEach((v, i) => out.set(v.data, binStart + 8 + bufferViews[i]!.byteOffset));
  return out;
}

interface Accessor {
  bufferView?: number;
  byteOffset?: number;
  componentType: number;
  count: number;
  type: string;
}

export function readGlb(file: string, bytes: Uint8Array): SurfaceMesh {
  if (bytes.length < 20) throw new MeshReadError(file, 'truncated: shorter than a GLB header');
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (dv.getUint32(0, true) !== GLB_MAGIC) throw new MeshReadError(file, "not a GLB file (no 'glTF' magic)");
  const jsonLen = dv.getUint32(12, true);
  if (dv.getUint32(16, true) !== JSON_CHUNK || 20 + jsonLen > bytes.length)
    throw new MeshReadError(file, 'truncated or corrupt JSON chunk');
  let gltf: any;
  try {
    gltf = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + jsonLen)));
  } catch {
    throw new MeshReadError(file, 'JSON chunk is not valid JSON');
  }
  const binAt = 20 + jsonLen;
  if (binAt + 8 > bytes.length || dv.getUint32(binAt + 4, true) !== BIN_CHUNK)
    throw new MeshReadError(file, 'missing BIN chunk');
  const binLen = dv.getUint32(binAt, true);
  if (binAt + 8 + binLen > bytes.length) throw new MeshReadError(file, 'truncated BIN chunk');
  const bin = bytes.subarray(binAt + 8, binAt + 8 + binLen);
  const prim = gltf?.meshes?.[0]?.primitives?.[0];
  if (!prim || typeof prim.attributes?.POSITION !== 'number' || typeof prim.indices !== 'number')
    throw new MeshReadError(file, 'no indexed triangle primitive with POSITION');
  if ((prim.mode ?? 4) !== 4)
    throw new MeshReadError(file, 'only triangle primitives (mode 4) are supported');
  const read = (idx: number, what: string): Float32Array | Uint32Array => {
    const acc: Accessor | undefined = gltf.accessors?.[idx];
    const bv = acc ? gltf.bufferViews?.[acc.bufferView ?? -1] : undefined;
    if (!acc || !bv || (bv.buffer ?? 0) !== 0) throw new MeshReadError(file, `${what}: bad accessor`);
    const comps = acc.type === 'VEC3' ? 3 : acc.type === 'SCALAR' ? 1 : 0;
    const size = { 5126: 4, 5125: 4, 5123: 2, 5121: 1 }[acc.componentType] ?? 0;
    if (!comps || !size || (bv.byteStride && bv.byteStride !== comps * size))
      throw new MeshReadError(file, `${what}: unsupported accessor layout`);
    const start = (bv.byteOffset ?? 0) + (acc.byteOffset ?? 0);
    const n = acc.count * comps;
    checkCount(
      file,
      `${what} values`,
      n,
      start + n * size,
      Math.min(bin.length, (bv.byteOffset ?? 0) + bv.byteLength),
    );
    const adv = new DataView(bin.buffer, bin.byteOffset + start, n * size);
    const out = acc.componentType === 5126 ? new Float32Array(n) : new Uint32Array(n);
    for (let e = 0; e < n; e++) {
      const at = e * size;
      out[e] =
        size === 4
          ? acc.componentType === 5126
            ? adv.getFloat32(at, true)
            : adv.getUint32(at, true)
          : size === 2
            ? adv.getUint16(at, true)
            : adv.getUint8(at);
    }
    return out;
  };
  const positions = Float32Array.from(read(prim.attributes.POSITION, 'POSITION'));
  const mesh: SurfaceMesh = {
    name: String(gltf.meshes[0].name ?? baseName(file)),
    positions,
    indices: Uint32Array.from(read(prim.indices, 'indices')),
    fields: {},
  };
  if (mesh.indices.length % 3) throw new MeshReadError(file, 'index count is not a multiple of 3');
  if (typeof prim.attributes.NORMAL === 'number')
    mesh.normals = Float32Array.from(read(prim.attributes.NORMAL, 'NORMAL'));
  const info: Record<string, { attribute: string; units: string }> = gltf.meshes[0].extras?.fields ?? {};
  for (const [name, fi] of Object.entries(info)) {
    const idx = prim.attributes[fi?.attribute];
    if (typeof idx !== 'number') continue;
    const values = Float32Array.from(read(idx, name));
    const components = gltf.accessors[idx].type === 'VEC3' ? 3 : 1;
    const f: Field = { name, units: String(fi.units ?? ''), components, values };
    mesh.fields[name] = f;
  }
  return validateMesh(file, mesh);
}
