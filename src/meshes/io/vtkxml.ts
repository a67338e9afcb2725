// Shared pieces of the VTK XML writers/readers (.vtp, .vti): inline "binary" DataArrays (base64 of a
// UInt32 byte count followed by little-endian data, one stream, as VTK writes uncompressed arrays) and a
// tolerant DataArray decoder (ascii, binary with UInt32/UInt64 headers, zlib-compressed). No units.
import { unzlibSync } from 'fflate';
import { fromBase64, toBase64 } from './base64';
import { MeshReadError } from './errors';

export type XmlArray =
  Float32Array | Float64Array | Int32Array | Uint32Array | Uint8Array | Int8Array | Int16Array | Uint16Array;

const TYPE_NAMES: [string, new (n: number) => XmlArray][] = [
  ['Float32', Float32Array],
  ['Float64', Float64Array],
  ['Int32', Int32Array],
  ['UInt32', Uint32Array],
  ['UInt8', Uint8Array],
  ['Int8', Int8Array],
  ['Int16', Int16Array],
  ['UInt16', Uint16Array],
];

function typeName(a: XmlArray): string {
  return TYPE_NAMES.find(([, C]) => a instanceof C)![0];
}

export function dataArrayXml(name: string, values: XmlArray, components: number, indent: string): string {
  const body = new Uint8Array(4 + values.byteLength);
  new DataView(body.buffer).setUint32(0, values.byteLength, true);
  body.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength), 4);
  const nc = components > 1 ? ` NumberOfComponents="${components}"` : '';
  return `${indent}<DataArray type="${typeName(values)}" Name="${escapeXml(name)}"${nc} format="binary">\n${indent}  ${toBase64(body)}\n${indent}</DataArray>\n`;
}

/** ParaView's per-dataset time: <FieldData> with a one-tuple Float64 "TimeValue" (ms here), ascii (vtk.js
 * cannot view binary Float64 behind a 4-byte header); '' when absent. */
export function timeValueXml(timeMs: number | undefined, indent: string): string {
  if (timeMs === undefined || !Number.isFinite(timeMs)) return '';
  return (
    `${indent}<FieldData>\n` +
    `${indent}  <DataArray type="Float64" Name="TimeValue" NumberOfTuples="1" format="ascii">${timeMs}</DataArray>\n` +
    `${indent}</FieldData>\n`
  );
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

export function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]!) : undefined;
}

export interface ParsedArray {
  name: string;
  components: number;
  values: XmlArray;
}

/** Decodes one <DataArray ...>text</DataArray>; `expected` = number of values it must hold. */
export function parseDataArray(
  file: string,
  openTag: string,
  text: string,
  expected: number,
  headerType: string,
  compressed: boolean,
): ParsedArray {
  const type = attr(openTag, 'type') ?? '';
  const entry =
    TYPE_NAMES.find(([n]) => n === type) ?? (type === 'Int64' || type === 'UInt64' ? undefined : undefined);
  const name = attr(openTag, 'Name') ?? '';
  const components = Number(attr(openTag, 'NumberOfComponents') ?? '1');
  if (!entry) throw new MeshReadError(file, `DataArray '${name}' has unsupported type '${type}'`);
  if (!Number.isInteger(components) || components < 1 || components > 64)
    throw new MeshReadError(file, `DataArray '${name}' has bad NumberOfComponents`);
  const Ctor = entry[1];
  const format = attr(openTag, 'format') ?? 'ascii';
  if (format === 'appended')
    throw new MeshReadError(file, 'appended-data VTK XML files are not supported (save as ascii or binary)');
  if (format === 'ascii') {
    const tokens = text.trim() === '' ? [] : text.trim().split(/\s+/);
    if (tokens.length !== expected)
      throw new MeshReadError(file, `DataArray '${name}' has ${tokens.length} values, expected ${expected}`);
    const out = new Ctor(expected);
    for (let i = 0; i < expected; i++) {
      const v = Number(tokens[i]);
      if (Number.isNaN(v)) throw new MeshReadError(file, `DataArray '${name}' has a non-numeric value`);
      out[i] = v;
    }
    return { name, components, values: out };
  }
  if (format !== 'binary')
    throw new MeshReadError(file, `DataArray '${name}' has unknown format '${format}'`);
  const raw = fromBase64(text);
  if (!raw) throw new MeshReadError(file, `DataArray '${name}' is not valid base64`);
  const itemBytes = new Ctor(0).BYTES_PER_ELEMENT;
  const data = compressed ? inflate(file, name, raw, headerType) : skipHeader(file, name, raw, headerType);
  if (data.length !== expected * itemBytes)
    throw new MeshReadError(
      file,
      `DataArray '${name}' holds ${data.length} bytes, expected ${expected * itemBytes}`,
    );
  const out = new Ctor(expected);
  new Uint8Array(out.buffer).set(data);
  return { name, components, values: out };
}

function readHeaderInt(raw: Uint8Array, at: number, headerType: string): number {
  const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  return headerType === 'UInt64'
    ? dv.getUint32(at, true) + dv.getUint32(at + 4, true) * 2 ** 32
    : dv.getUint32(at, true);
}

function skipHeader(file: string, name: string, raw: Uint8Array, headerType: string): Uint8Array {
  const h = headerType === 'UInt64' ? 8 : 4;
  if (raw.length < h) throw new MeshReadError(file, `DataArray '${name}' is truncated`);
  const n = readHeaderInt(raw, 0, headerType);
  if (n !== raw.length - h)
    throw new MeshReadError(file, `DataArray '${name}' declares ${n} bytes but holds ${raw.length - h}`);
  return raw.subarray(h);
}

/** vtkZLibDataCompressor blocks: header [nblocks, blockSize, lastSize, csize...] then the zlib streams. */
function inflate(file: string, name: string, raw: Uint8Array, headerType: string): Uint8Array {
  const h = headerType === 'UInt64' ? 8 : 4;
  const bad = (): never => {
    throw new MeshReadError(file, `DataArray '${name}' has a corrupt compressed block`);
  };
  if (raw.length < 3 * h) bad();
  const nb = readHeaderInt(raw, 0, headerType);
  if (nb > 1e6 || raw.length < (3 + nb) * h) bad();
  const parts: Uint8Array[] = [];
  let o = (3 + nb) * h;
  let total = 0;
  for (let b = 0; b < nb; b++) {
    const cs = readHeaderInt(raw, (3 + b) * h, headerType);
    if (o + cs > raw.length) bad();
    try {
      const part = unzlibSync(raw.subarray(o, o + cs));
      parts.push(part);
      total += part.length;
    } catch {
      bad();
    }
    o += cs;
  }
  const out = new Uint8Array(total);
  let p = 0;
  for (const part of parts) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}
