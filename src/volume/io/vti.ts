// VTK XML ImageData (.vti) reader for scalar point data: ascii, inline binary (base64) and appended
// (raw or base64) arrays, uncompressed or vtkZLibDataCompressor blocks, UInt32/UInt64 headers, both
// byte orders. World frame: VTK has no patient convention; we treat VTI world coordinates as RAS+ mm
// (what our exporter writes): affine = Direction * diag(Spacing), translated to Origin + extent start.
// Parsed by hand rather than with vtk.js' XMLImageDataReader because that reader needs the DOM global
// `Node` for appended data in Node.js, reports problems with console.error instead of throwing, and has
// no way to check sizes against our memory budget before it allocates.
import { unzlibSync } from 'fflate';
import { affineFromSpacingDirectionOrigin, applyAffine } from '../affine';
import { checkBudget, DEFAULT_BUDGET_BYTES } from '../budget';
import type { Vec3, Volume } from '../types';
import { ensure, VolumeReadError } from './errors';
import { allocate, decodeSamples, SAMPLE_BYTES, type SampleType } from './typed';
import { checkDims, guessModality, makeVolume } from './volume-from';
import { base64Decode } from './base64';

const VTK_TYPES: Record<string, SampleType> = {
  Int8: 'int8',
  UInt8: 'uint8',
  Int16: 'int16',
  UInt16: 'uint16',
  Int32: 'int32',
  UInt32: 'uint32',
  Float32: 'float32',
  Float64: 'float64',
  Char: 'int8',
  UnsignedChar: 'uint8',
  Short: 'int16',
  UnsignedShort: 'uint16',
  Int: 'int32',
  UnsignedInt: 'uint32',
  Float: 'float32',
  Double: 'float64',
};

export function looksLikeVti(b: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(b.subarray(0, 512));
  return /<VTKFile[^>]*type\s*=\s*"ImageData"/.test(head);
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1];
}

function numbers(s: string | undefined, n: number, file: string, what: string): number[] {
  const v = (s ?? '').trim().split(/\s+/).filter(Boolean).map(Number);
  ensure(
    v.length === n && v.every(Number.isFinite),
    file,
    `VTI ${what} must be ${n} finite numbers, got '${s ?? ''}'`,
  );
  return v;
}

function indexOfBytes(b: Uint8Array, s: string, from = 0): number {
  const first = s.charCodeAt(0);
  outer: for (
    let t = b.indexOf(first, from);
    t >= 0 && t + s.length <= b.length;
    t = b.indexOf(first, t + 1)
  ) {
    for (let u = 1; u < s.length; u++) if (b[t + u] !== s.charCodeAt(u)) continue outer;
    return t;
  }
  return -1;
}

export function readVti(
  file: string,
  bytes: Uint8Array,
  opts: { budgetBytes?: number; kind?: 'image' | 'label' } = {},
): Volume {
  const budget = opts.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  const appendedAt = indexOfBytes(bytes, '<AppendedData');
  const xml = new TextDecoder('latin1').decode(appendedAt >= 0 ? bytes.subarray(0, appendedAt) : bytes);
  const root = /<VTKFile\b[^>]*>/.exec(xml)?.[0];
  ensure(root && attr(root, 'type') === 'ImageData', file, 'not a VTK ImageData (.vti) file');
  const little = (attr(root, 'byte_order') ?? 'LittleEndian') !== 'BigEndian';
  const headerType = attr(root, 'header_type') ?? 'UInt32';
  ensure(
    headerType === 'UInt32' || headerType === 'UInt64',
    file,
    `unsupported VTI header_type '${headerType}'`,
  );
  const compressor = attr(root, 'compressor') ?? '';
  ensure(
    compressor === '' || compressor === 'vtkZLibDataCompressor',
    file,
    `unsupported VTI compressor '${compressor}'`,
  );
  const img = /<ImageData\b[^>]*>/.exec(xml)?.[0];
  ensure(img, file, 'VTI has no <ImageData> element');
  const ext = numbers(attr(img, 'WholeExtent'), 6, file, 'WholeExtent');
  const origin = numbers(attr(img, 'Origin') ?? '0 0 0', 3, file, 'Origin') as Vec3;
  const spacing = numbers(attr(img, 'Spacing') ?? '1 1 1', 3, file, 'Spacing') as Vec3;
  const dir = numbers(attr(img, 'Direction') ?? '1 0 0 0 1 0 0 0 1', 9, file, 'Direction');
  const pieces = xml.match(/<Piece\b/g)?.length ?? 0;
  ensure(pieces === 1, file, `VTI with ${pieces} pieces is not supported (need exactly one)`);
  const pd = /<PointData\b([^>]*)>([\s\S]*?)<\/PointData>/.exec(xml);
  ensure(pd, file, 'VTI has no point data');
  const arrays = [...pd[2]!.matchAll(/<DataArray\b([^>]*?)(\/>|>([\s\S]*?)<\/DataArray>)/g)];
  const scalarsName = attr(pd[1]!, 'Scalars');
  const arr =
    arrays.find((a) => scalarsName !== undefined && attr(a[1]!, 'Name') === scalarsName) ?? arrays[0];
  ensure(arr, file, 'VTI point data has no DataArray');
  const tag = arr[1]!;
  const typeName = attr(tag, 'type') ?? '';
  const type = VTK_TYPES[typeName];
  ensure(type, file, `unsupported VTI DataArray type '${typeName}'`);
  const comps = Number(attr(tag, 'NumberOfComponents') ?? 1);
  ensure(comps === 1, file, `only scalar VTI arrays are supported (NumberOfComponents=${comps})`);
  const dims = checkDims(
    [ext[1]! - ext[0]! + 1, ext[3]! - ext[2]! + 1, ext[5]! - ext[4]! + 1],
    type,
    file,
    budget,
  );
  const n = dims[0] * dims[1] * dims[2];
  const format = attr(tag, 'format') ?? 'ascii';

  const m0 = affineFromSpacingDirectionOrigin(spacing, dir, [0, 0, 0]);
  const start = applyAffine(m0, ext[0]!, ext[2]!, ext[4]!);
  const affine = affineFromSpacingDirectionOrigin(spacing, dir, [
    origin[0] + start[0],
    origin[1] + start[1],
    origin[2] + start[2],
  ]);

  let data;
  if (format === 'ascii') {
    const tokens = (arr[3] ?? '').trim().split(/\s+/).filter(Boolean);
    ensure(tokens.length === n, file, `VTI ascii array has ${tokens.length} values, expected ${n}`);
    data = allocate(type, n);
    for (let t = 0; t < n; t++) data[t] = Number(tokens[t]);
  } else {
    let blob: Uint8Array;
    if (format === 'binary') {
      blob = base64Decode(arr[3] ?? '', file);
    } else {
      ensure(format === 'appended', file, `unknown VTI DataArray format '${format}'`);
      ensure(appendedAt >= 0, file, 'VTI array is appended but the file has no <AppendedData>');
      const offset = Number(attr(tag, 'offset') ?? 0);
      ensure(
        Number.isInteger(offset) && offset >= 0,
        file,
        `bad VTI appended offset '${attr(tag, 'offset')}'`,
      );
      const tagEnd = bytes.indexOf(0x3e, appendedAt); // '>'
      const us = bytes.indexOf(0x5f, tagEnd); // '_'
      ensure(tagEnd > 0 && us > 0, file, 'VTI <AppendedData> has no "_" data marker');
      const encTag = new TextDecoder('latin1').decode(bytes.subarray(appendedAt, tagEnd + 1));
      if ((attr(encTag, 'encoding') ?? 'raw') === 'base64') {
        const end = indexOfBytes(bytes, '</AppendedData>', us);
        const text = new TextDecoder('latin1')
          .decode(bytes.subarray(us + 1, end < 0 ? bytes.length : end))
          .trim();
        blob = base64Decode(text, file).subarray(offset);
      } else {
        ensure(
          us + 1 + offset <= bytes.length,
          file,
          `VTI appended offset ${offset} is past the end of the file`,
        );
        blob = bytes.subarray(us + 1 + offset);
      }
    }
    data = decodeBlob(blob, n, type, little, headerType === 'UInt64', compressor !== '', file, budget);
  }
  return makeVolume({
    name: file,
    dims,
    affine,
    data,
    kind: opts.kind,
    modality: opts.kind === 'label' ? 'label' : guessModality(data),
  });
}

function decodeBlob(
  blob: Uint8Array,
  n: number,
  type: SampleType,
  le: boolean,
  h64: boolean,
  zlib: boolean,
  file: string,
  budget: number,
) {
  const w = h64 ? 8 : 4;
  const dv = new DataView(blob.buffer, blob.byteOffset, blob.length);
  const word = (t: number) => {
    ensure((t + 1) * w <= blob.length, file, 'VTI binary data truncated inside its header');
    return h64 ? Number(dv.getBigUint64(t * w, le)) : dv.getUint32(t * w, le);
  };
  const need = n * SAMPLE_BYTES[type];
  if (!zlib) {
    const len = word(0);
    ensure(len === need, file, `VTI array holds ${len} bytes, dims need ${need}`);
    ensure(w + need <= blob.length, file, `VTI binary data truncated (${blob.length - w} of ${need} bytes)`);
    const v = decodeSamples(blob, w, n, type, le);
    return v.buffer === blob.buffer ? v.slice() : v;
  }
  const nb = word(0);
  const bs = word(1);
  const last = word(2);
  ensure(
    nb >= 1 && nb <= need && bs >= 1,
    file,
    `VTI compressed header is invalid (${nb} blocks of ${bs} bytes)`,
  );
  const total = (nb - 1) * bs + (last === 0 ? bs : last);
  ensure(total === need, file, `VTI compressed array holds ${total} bytes, dims need ${need}`);
  checkBudget(need, 'decompressed VTI array', file, budget);
  const out = new Uint8Array(need);
  let src = (3 + nb) * w;
  ensure(src <= blob.length, file, 'VTI binary data truncated inside its header');
  for (let b = 0; b < nb; b++) {
    const csize = word(3 + b);
    ensure(src + csize <= blob.length, file, `VTI compressed block ${b} is truncated`);
    const usize = b === nb - 1 && last !== 0 ? last : bs;
    let got: Uint8Array;
    try {
      got = unzlibSync(blob.subarray(src, src + csize), { out: new Uint8Array(usize + 1) });
    } catch (err) {
      throw new VolumeReadError(
        file,
        `VTI zlib block ${b} is corrupt (${err instanceof Error ? err.message : String(err)})`,
      );
    }
    ensure(
      got.length === usize,
      file,
      `VTI zlib block ${b} inflates to ${got.length} bytes, expected ${usize}`,
    );
    out.set(got, b * bs);
    src += csize;
  }
  return decodeSamples(out, 0, n, type, le);
}
