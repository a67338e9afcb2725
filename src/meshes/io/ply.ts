// PLY writer (binary little-endian: x y z, nx ny nz, one float property per field component, triangles as
// uchar-counted int lists) and reader (ascii and binary_little_endian; any element layout; polygons
// fan-triangulated). Field names/units/components travel in `comment field <prop> <components> <units>
// <name>` header lines. Units: world RAS mm for positions; field units as named.
import type { Field, SurfaceMesh } from '../types';
import { baseName, checkCount, decodeText, MeshReadError, pushFan, validateMesh } from './errors';

const SIZES: Record<string, number> = {
  char: 1,
  int8: 1,
  uchar: 1,
  uint8: 1,
  short: 2,
  int16: 2,
  ushort: 2,
  uint16: 2,
  int: 4,
  int32: 4,
  uint: 4,
  uint32: 4,
  float: 4,
  float32: 4,
  double: 8,
  float64: 8,
};

const propName = (s: string): string => s.replace(/[^A-Za-z0-9_]/g, '_') || 'field';

/** Single-frame fields with one value set per vertex (time series are not representable in PLY). */
function exportableFields(mesh: SurfaceMesh): Field[] {
  const nV = mesh.positions.length / 3;
  return Object.values(mesh.fields).filter((f) => f.values.length === nV * f.components);
}

export function writePly(mesh: SurfaceMesh): Uint8Array {
  const nV = mesh.positions.length / 3;
  const nT = mesh.indices.length / 3;
  const fields = exportableFields(mesh);
  const head = [
    'ply',
    'format binary_little_endian 1.0',
    'comment organ-twin mesh, units mm, frame world RAS',
  ];
  const props = ['x', 'y', 'z'];
  if (mesh.normals) props.push('nx', 'ny', 'nz');
  for (const f of fields) {
    const base = propName(f.name);
    head.push(`comment field ${base} ${f.components} ${f.units || '-'} ${f.name}`);
    for (let c = 0; c < f.components; c++) props.push(f.components === 1 ? base : `${base}_${c}`);
  }
  head.push(`element vertex ${nV}`, ...props.map((p) => `property float ${p}`));
  head.push(`element face ${nT}`, 'property list uchar int vertex_indices', 'end_header');
  const headBytes = new TextEncoder().encode(head.join('\n') + '\n');
  const buf = new Uint8Array(headBytes.length + nV * props.length * 4 + nT * 13);
  buf.set(headBytes);
  const dv = new DataView(buf.buffer);
  let o = headBytes.length;
  for (let v = 0; v < nV; v++) {
    const put = (x: number): void => {
      dv.setFloat32(o, x, true);
      o += 4;
    };
    for (let a = 0; a < 3; a++) put(mesh.positions[3 * v + a]!);
    if (mesh.normals) for (let a = 0; a < 3; a++) put(mesh.normals[3 * v + a]!);
    for (const f of fields) for (let c = 0; c < f.components; c++) put(f.values[v * f.components + c]!);
  }
  for (let t = 0; t < nT; t++) {
    dv.setUint8(o++, 3);
    for (let q = 0; q < 3; q++, o += 4) dv.setInt32(o, mesh.indices[3 * t + q]!, true);
  }
  return buf;
}

interface Prop {
  name: string;
  type: string;
  countType?: string;
}
interface Element {
  name: string;
  count: number;
  props: Prop[];
}

function parseHeader(
  file: string,
  bytes: Uint8Array,
): { format: string; elements: Element[]; comments: string[]; bodyStart: number } {
  // latin1: one char per byte, so string offsets are byte offsets
  const probe = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 65536)));
  const end = probe.search(/end_header\r?\n/);
  if (!probe.startsWith('ply')) throw new MeshReadError(file, "not a PLY file (no 'ply' magic)");
  if (end < 0) throw new MeshReadError(file, "truncated or corrupt PLY header (no 'end_header')");
  const headerText = probe.slice(0, end);
  const bodyStart = end + (probe[end + 10] === '\r' ? 12 : 11);
  let format = '';
  const elements: Element[] = [];
  const comments: string[] = [];
  for (const line of headerText.split(/\r?\n/).slice(1)) {
    const w = line.trim().split(/\s+/);
    if (w[0] === 'format') format = w[1] ?? '';
    else if (w[0] === 'comment') comments.push(line.trim().slice(8));
    else if (w[0] === 'element') {
      const count = Number(w[2]);
      if (!Number.isSafeInteger(count) || count < 0)
        throw new MeshReadError(file, `bad element count in '${line.trim()}'`);
      elements.push({ name: w[1] ?? '', count, props: [] });
    } else if (w[0] === 'property') {
      const el = elements[elements.length - 1];
      if (!el) throw new MeshReadError(file, 'property before any element in PLY header');
      const p: Prop =
        w[1] === 'list' ? { countType: w[2]!, type: w[3]!, name: w[4]! } : { type: w[1]!, name: w[2]! };
      if (!(p.type in SIZES) || (p.countType !== undefined && !(p.countType in SIZES)) || !p.name)
        throw new MeshReadError(file, `unsupported property '${line.trim()}'`);
      el.props.push(p);
    } else if (w[0] !== '' && w[0] !== 'obj_info')
      throw new MeshReadError(file, `unknown PLY header line '${line.trim()}'`);
  }
  if (format !== 'ascii' && format !== 'binary_little_endian')
    throw new MeshReadError(
      file,
      `unsupported PLY format '${format}' (ascii and binary_little_endian are supported)`,
    );
  return { format, elements, comments, bodyStart };
}

/** Sequential value source over an ascii or binary body. */
function makeCursor(
  file: string,
  bytes: Uint8Array,
  start: number,
  ascii: boolean,
): (type: string) => number {
  if (ascii) {
    const tokens = decodeText(bytes.subarray(start))
      .split(/\s+/)
      .filter((s) => s !== '');
    let k = 0;
    return () => {
      const s = tokens[k++];
      if (s === undefined) throw new MeshReadError(file, 'truncated: PLY body ends early');
      const v = Number(s);
      if (Number.isNaN(v)) throw new MeshReadError(file, `bad number '${s.slice(0, 20)}' in PLY body`);
      return v;
    };
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let o = start;
  return (type) => {
    const size = SIZES[type]!;
    if (o + size > bytes.length) throw new MeshReadError(file, 'truncated: PLY body ends early');
    const at = o;
    o += size;
    switch (type) {
      case 'char':
      case 'int8': return dv.getInt8(at); // prettier-ignore
      case 'uchar':
      case 'uint8': return dv.getUint8(at); // prettier-ignore
      case 'short':
      case 'int16': return dv.getInt16(at, true); // prettier-ignore
      case 'ushort':
      case 'uint16': return dv.getUint16(at, true); // prettier-ignore
      case 'int':
      case 'int32': return dv.getInt32(at, true); // prettier-ignore
      case 'uint':
      case 'uint32': return dv.getUint32(at, true); // prettier-ignore
      case 'float':
      case 'float32': return dv.getFloat32(at, true); // prettier-ignore
      default:
        return dv.getFloat64(at, true);
    }
  };
}

export function readPly(file: string, bytes: Uint8Array): SurfaceMesh {
  const { format, elements, comments, bodyStart } = parseHeader(file, bytes);
  const ascii = format === 'ascii';
  let remaining = bytes.length - bodyStart;
  for (const el of elements) {
    const minBytes = el.props.reduce((s, p) => s + (ascii ? 2 : SIZES[p.countType ?? p.type]!), 0);
    checkCount(file, `${el.name} elements`, el.count, el.count * minBytes, Math.max(remaining, 0));
    remaining -= el.count * minBytes;
  }
  const read = makeCursor(file, bytes, bodyStart, ascii);
  const vEl = elements.find((e) => e.name === 'vertex');
  if (!vEl) throw new MeshReadError(file, "no 'vertex' element");
  const nV = vEl.count;
  let positions = new Float32Array(0);
  let normals: Float32Array | undefined;
  const columns = new Map<string, Float32Array>();
  const tri: number[] = [];
  for (const el of elements) {
    const isV = el === vEl;
    const isF = el.name === 'face';
    if (isV) {
      positions = new Float32Array(3 * nV);
      if (['nx', 'ny', 'nz'].every((n) => el.props.some((p) => p.name === n)))
        normals = new Float32Array(3 * nV);
      for (const p of el.props)
        if (!p.countType && !(normals ? ['x', 'y', 'z', 'nx', 'ny', 'nz'] : ['x', 'y', 'z']).includes(p.name))
          columns.set(p.name, new Float32Array(nV));
    }
    const rows = el.props.length === 0 ? 0 : el.count; // an element without properties holds no data
    for (let r = 0; r < rows; r++) {
      for (const p of el.props) {
        if (p.countType) {
          const n = read(p.countType);
          if (!Number.isInteger(n) || n < 0 || n > 1000)
            throw new MeshReadError(file, `bad list length ${n} in element ${el.name}`);
          const list: number[] = [];
          for (let q = 0; q < n; q++) list.push(read(p.type));
          if (isF && (p.name === 'vertex_indices' || p.name === 'vertex_index')) {
            if (n < 3) throw new MeshReadError(file, `face ${r} has ${n} vertices`);
            if (list.some((v) => !Number.isInteger(v) || v < 0 || v >= nV))
              throw new MeshReadError(file, `face ${r} references a vertex outside 0..${nV - 1}`);
            pushFan(tri, list);
          }
          continue;
        }
        const v = read(p.type);
        if (!isV) continue;
        const axis = ['x', 'y', 'z'].indexOf(p.name);
        const naxis = ['nx', 'ny', 'nz'].indexOf(p.name);
        if (axis >= 0) positions[3 * r + axis] = v;
        else if (naxis >= 0 && normals) normals[3 * r + naxis] = v;
        else {
          const col = columns.get(p.name);
          if (col) col[r] = v;
        }
      }
    }
  }
  const mesh: SurfaceMesh = {
    name: baseName(file),
    positions,
    indices: new Uint32Array(tri),
    fields: groupFields(columns, comments, nV),
  };
  if (normals) mesh.normals = normals;
  return validateMesh(file, mesh);
}

/** Rebuilds multi-component fields from `comment field` lines; other columns become scalar fields. */
function groupFields(
  columns: Map<string, Float32Array>,
  comments: string[],
  nV: number,
): Record<string, Field> {
  const fields: Record<string, Field> = {};
  for (const c of comments) {
    const m = /^field (\S+) (\d+) (\S+) (.+)$/.exec(c);
    if (!m) continue;
    const [, base, compS, units, name] = m;
    const comps = Number(compS);
    if (!(comps >= 1 && comps <= 64)) continue; // not one of ours: leave the columns as scalar fields
    const cols =
      comps === 1
        ? [columns.get(base!)]
        : Array.from({ length: comps }, (_, k) => columns.get(`${base}_${k}`));
    if (comps < 1 || cols.some((x) => !x)) continue;
    const values = new Float32Array(nV * comps);
    cols.forEach((col, k) => col!.forEach((x, v) => (values[v * comps + k] = x)));
    fields[name!] = { name: name!, units: units === '-' ? '' : units!, components: comps, values };
    if (comps === 1) columns.delete(base!);
    else for (let k = 0; k < comps; k++) columns.delete(`${base}_${k}`);
  }
  for (const [name, values] of columns) fields[name] = { name, units: '', components: 1, values };
  return fields;
}
