// NRRD reader (.nrrd attached header, .nhdr + detached "data file"): raw/gzip/ascii encodings, both
// endians, sizes/type/space directions/space origin/spacings. World frame: NRRD 'space' is converted to
// RAS+ mm (LPS: x,y negated; LAS: x negated); without 'space' the axes are taken as RAS.
import { DEFAULT_BUDGET_BYTES } from '../budget';
import type { Volume } from '../types';
import { ensure, VolumeReadError } from './errors';
import { gunzipChecked, isGzip } from './gzip';
import { decodeSamples, SAMPLE_BYTES, allocate, type SampleType } from './typed';
import { checkDims, guessModality, makeVolume } from './volume-from';
import { nrrdAffine } from './nrrd-space';

const TYPES: Record<string, SampleType> = {};
const alias = (t: SampleType, names: string[]) => names.forEach((n) => (TYPES[n] = t));
alias('int8', ['signed char', 'int8', 'int8_t']);
alias('uint8', ['uchar', 'unsigned char', 'uint8', 'uint8_t']);
alias('int16', ['short', 'short int', 'signed short', 'signed short int', 'int16', 'int16_t']);
alias('uint16', ['ushort', 'unsigned short', 'unsigned short int', 'uint16', 'uint16_t']);
alias('int32', ['int', 'signed int', 'int32', 'int32_t']);
alias('uint32', ['uint', 'unsigned int', 'uint32', 'uint32_t']);
alias('float32', ['float']);
alias('float64', ['double']);

export function looksLikeNrrd(b: Uint8Array): boolean {
  return b.length >= 8 && String.fromCharCode(...b.subarray(0, 4)) === 'NRRD';
}

/** Splits header text (up to the first blank line) from the attached data. */
function splitHeader(b: Uint8Array, file: string): { fields: Map<string, string>; dataStart: number } {
  const limit = Math.min(b.length, 1 << 20);
  let end = -1;
  let next = b.length;
  for (let t = 0; t < limit - 1; t++) {
    if (b[t] === 10 && b[t + 1] === 10) {
      end = t;
      next = t + 2;
      break;
    }
    if (b[t] === 10 && b[t + 1] === 13 && b[t + 2] === 10) {
      end = t;
      next = t + 3;
      break;
    }
  }
  if (end < 0) {
    ensure(b.length <= limit, file, 'NRRD header has no end (no blank line in the first MB)');
    end = b.length;
  }
  const text = new TextDecoder('latin1').decode(b.subarray(0, end));
  const lines = text.split(/\r?\n/);
  ensure(/^NRRD\d{4}$/.test(lines[0]?.trim() ?? ''), file, 'not a NRRD file (first line must be NRRD000N)');
  const fields = new Map<string, string>();
  for (const line of lines.slice(1)) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const kv = line.indexOf(':=');
    const c = line.indexOf(': ');
    if (c < 0 || (kv >= 0 && kv < c)) continue; // key/value pairs are metadata only
    fields.set(line.slice(0, c).trim().toLowerCase(), line.slice(c + 2).trim());
  }
  return { fields, dataStart: next };
}

/** The 'data file:' entry of a NRRD header (detached data), or undefined (attached data or no valid header). */
export function nrrdDataFileName(file: string, bytes: Uint8Array): string | undefined {
  if (!looksLikeNrrd(bytes)) return undefined;
  try {
    const { fields } = splitHeader(bytes, file);
    return fields.get('data file') ?? fields.get('datafile');
  } catch {
    return undefined; // readNrrd reports the bad header
  }
}

export interface NrrdReadOptions {
  budgetBytes?: number;
  kind?: 'image' | 'label';
  /** Looks up a detached data file by the name written in 'data file:' (relative to the header). */
  findFile?: (name: string) => Uint8Array | undefined;
}

export function readNrrd(file: string, bytes: Uint8Array, opts: NrrdReadOptions = {}): Volume {
  const budget = opts.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  const { fields, dataStart } = splitHeader(bytes, file);
  const get = (k: string) => fields.get(k);
  const typeName = get('type')?.toLowerCase();
  ensure(typeName, file, "NRRD header has no 'type' field");
  const type = TYPES[typeName];
  ensure(type, file, `unsupported NRRD type '${typeName}'`);
  const dimension = Number(get('dimension'));
  const sizes = (get('sizes') ?? '').split(/\s+/).filter(Boolean).map(Number);
  ensure(
    Number.isInteger(dimension) && dimension === sizes.length,
    file,
    `NRRD 'dimension' (${get('dimension')}) does not match 'sizes' (${get('sizes')})`,
  );
  let axes = [0, 1, 2];
  if (dimension === 4 && sizes[0] === 1) axes = [1, 2, 3];
  else if (dimension === 4 && sizes[3] === 1) axes = [0, 1, 2];
  else
    ensure(
      dimension === 3,
      file,
      `only 3D scalar NRRD volumes are supported (dimension ${dimension}, sizes ${sizes.join(' ')})`,
    );
  const dims = checkDims(
    axes.map((a) => sizes[a]!),
    type,
    file,
    budget,
  );
  const n = dims[0] * dims[1] * dims[2];
  const affine = nrrdAffine(fields, axes, dimension, file);

  const encoding = (get('encoding') ?? '').toLowerCase();
  const endian = (get('endian') ?? 'little').toLowerCase();
  ensure(endian === 'little' || endian === 'big', file, `bad NRRD endian '${endian}'`);
  let payload: Uint8Array;
  let payloadName = file;
  const dataFile = get('data file') ?? get('datafile');
  if (dataFile) {
    ensure(
      !/^LIST$|%/.test(dataFile.split(/\s+/)[0] ?? ''),
      file,
      `multi-file NRRD data ('${dataFile}') is not supported`,
    );
    const base = dataFile.split(/[\\/]/).pop()!;
    const found = opts.findFile?.(dataFile) ?? opts.findFile?.(base);
    ensure(
      found,
      file,
      `detached data file '${dataFile}' was not provided (select it together with the header)`,
    );
    payload = found;
    payloadName = base;
  } else {
    payload = bytes.subarray(dataStart);
  }
  const lineSkip = Number(get('line skip') ?? get('lineskip') ?? 0);
  ensure(Number.isInteger(lineSkip) && lineSkip >= 0, file, `bad 'line skip' ${lineSkip}`);
  for (let l = 0; l < lineSkip; l++) {
    const nl = payload.indexOf(10);
    ensure(nl >= 0, payloadName, 'line skip runs past the end of the data');
    payload = payload.subarray(nl + 1);
  }
  if (encoding === 'gzip' || encoding === 'gz') {
    ensure(payload.length > 0, payloadName, 'NRRD gzip data is empty');
    ensure(isGzip(payload), payloadName, 'NRRD encoding is gzip but the data is not a gzip stream');
    payload = gunzipChecked(payload, payloadName, budget);
  } else if (encoding === 'ascii' || encoding === 'text' || encoding === 'txt') {
    return volumeOf(file, dims, affine, parseAscii(payload, n, type, payloadName), opts.kind);
  } else {
    ensure(
      encoding === 'raw',
      file,
      `unsupported NRRD encoding '${encoding}' (raw, gzip and ascii are supported)`,
    );
  }
  const need = n * SAMPLE_BYTES[type];
  const skip = Number(get('byte skip') ?? get('byteskip') ?? 0);
  ensure(Number.isInteger(skip) && skip >= -1, file, `bad 'byte skip' ${skip}`);
  const off = skip === -1 ? payload.length - need : skip;
  ensure(
    off >= 0 && off + need <= payload.length,
    payloadName,
    `truncated: dims ${dims.join('x')} ${type} need ${need} data bytes, found ${Math.max(0, payload.length - Math.max(0, off))}`,
  );
  const view = decodeSamples(payload, off, n, type, endian === 'little');
  const data = view.buffer === payload.buffer ? view.slice() : view;
  return volumeOf(file, dims, affine, data, opts.kind);
}

function volumeOf(
  file: string,
  dims: [number, number, number],
  affine: Float64Array,
  data: ReturnType<typeof allocate>,
  kind?: 'image' | 'label',
): Volume {
  return makeVolume({
    name: file,
    dims,
    affine,
    data,
    kind,
    modality: kind === 'label' ? 'label' : guessModality(data),
  });
}

function parseAscii(b: Uint8Array, n: number, type: SampleType, file: string) {
  const tokens = new TextDecoder('latin1')
    .decode(b)
    .split(/[\s,]+/)
    .filter(Boolean);
  if (tokens.length < n)
    throw new VolumeReadError(file, `ascii NRRD data has ${tokens.length} values, expected ${n}`);
  const out = allocate(type, n);
  for (let t = 0; t < n; t++) {
    const x = Number(tokens[t]);
    if (Number.isNaN(x) && tokens[t]!.toLowerCase() !== 'nan')
      throw new VolumeReadError(file, `ascii NRRD value '${tokens[t]}' is not a number`);
    out[t] = x;
  }
  return out;
}
