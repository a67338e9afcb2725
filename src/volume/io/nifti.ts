// NIfTI-1/-2 reader (.nii, .nii.gz: gzip detected by magic) and NIfTI-1 writer. World frame: the file's
// sform/qform affine, which NIfTI defines as RAS+ mm. Values are scaled by scl_slope/scl_inter
// (slope 0 = none) into physical units (HU for CT). Only the first 3D volume of 4D+ files is read.
import { gzipSync } from 'fflate';
import { checkBudget, DEFAULT_BUDGET_BYTES } from '../budget';
import type { Volume } from '../types';
import { VolumeReadError } from './errors';
import { maybeGunzip } from './gzip';
import { NIFTI_TYPES, niftiAffine, niftiTypeName, parseNiftiHeader } from './nifti-header';
import { applyScaling, decodeSamples, SAMPLE_BYTES, sampleTypeOf, type SampleType } from './typed';
import { checkDims, guessModality, makeVolume } from './volume-from';

export interface NiftiReadOptions {
  budgetBytes?: number;
  kind?: 'image' | 'label';
}

export function readNifti(file: string, raw: Uint8Array, opts: NiftiReadOptions = {}): Volume {
  const budget = opts.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  const bytes = maybeGunzip(raw, file, budget);
  const h = parseNiftiHeader(bytes, file);
  const type = NIFTI_TYPES[h.datatype];
  if (!type)
    throw new VolumeReadError(
      file,
      `unsupported NIfTI datatype ${niftiTypeName(h.datatype)} (${h.datatype})`,
    );
  const nd = h.dim[0]!;
  if (!(nd >= 1 && nd <= 7)) throw new VolumeReadError(file, `invalid dim[0] = ${nd} (must be 1..7)`);
  const dims3 = [1, 2, 3].map((t) => (t <= nd ? h.dim[t]! : 1));
  const dims = checkDims(dims3, type, file, budget);
  for (let t = 4; t <= nd; t++) {
    if (!(h.dim[t]! >= 1)) throw new VolumeReadError(file, `non-positive dim[${t}] = ${h.dim[t]}`);
  }
  const n = dims[0] * dims[1] * dims[2];
  const off = h.voxOffset === 0 ? h.size + 4 : h.voxOffset;
  if (!Number.isInteger(off) || off < h.size || off > bytes.length)
    throw new VolumeReadError(file, `invalid vox_offset ${h.voxOffset} (file has ${bytes.length} bytes)`);
  const need = n * SAMPLE_BYTES[type];
  if (off + need > bytes.length)
    throw new VolumeReadError(
      file,
      `truncated: dims ${dims.join('x')} ${type} need ${need} data bytes after offset ${off}, file has ${bytes.length - off}`,
    );
  const { affine } = niftiAffine(h);
  const scales =
    opts.kind !== 'label' &&
    Number.isFinite(h.sclSlope) &&
    h.sclSlope !== 0 &&
    !(h.sclSlope === 1 && h.sclInter === 0);
  // Scaling may widen the type (e.g. uint8 -> float32): budget the worst case before decoding.
  if (scales) checkBudget(n * 4, `scaled volume ${dims.join('x')} float32`, file, budget);
  const rawData = decodeSamples(bytes, off, n, type, h.littleEndian);
  const scaled = opts.kind === 'label' ? rawData : applyScaling(rawData, h.sclSlope, h.sclInter);
  const data =
    scaled === rawData && rawData.buffer === bytes.buffer && bytes === raw ? rawData.slice() : scaled;
  return makeVolume({
    name: file,
    dims,
    affine,
    data,
    kind: opts.kind,
    modality: opts.kind === 'label' ? 'label' : guessModality(data),
  });
}

const TYPE_CODES: Partial<Record<SampleType, number>> = {
  uint8: 2,
  int16: 4,
  int32: 8,
  float32: 16,
  float64: 64,
  int8: 256,
  uint16: 512,
  uint32: 768,
};

/** NIfTI-1 single file (.nii, or .nii.gz bytes with gzip) with sform = qform-free ijkToWorld (RAS mm). */
export function writeNifti(v: Volume, opts: { gzip?: boolean } = {}): Uint8Array {
  const type = sampleTypeOf(v.data);
  const code = TYPE_CODES[type]!;
  const size = SAMPLE_BYTES[type];
  const off = 352;
  const out = new Uint8Array(off + v.data.length * size);
  const dv = new DataView(out.buffer);
  dv.setInt32(0, 348, true);
  const dims = [3, v.dims[0], v.dims[1], v.dims[2], 1, 1, 1, 1];
  dims.forEach((d, t) => dv.setInt16(40 + 2 * t, d, true));
  dv.setInt16(70, code, true);
  dv.setInt16(72, size * 8, true);
  const pix = [1, v.spacing[0], v.spacing[1], v.spacing[2], 1, 1, 1, 1];
  pix.forEach((p, t) => dv.setFloat32(76 + 4 * t, p, true));
  dv.setFloat32(108, off, true);
  dv.setFloat32(112, 1, true); // scl_slope: data already in physical units
  dv.setFloat32(116, 0, true);
  out[123] = 2 | 8; // mm, s
  const descrip = `organ-twin ${v.modality} ${v.units}`.slice(0, 79);
  for (let t = 0; t < descrip.length; t++) out[148 + t] = descrip.charCodeAt(t) & 0x7f;
  dv.setInt16(252, 0, true); // qform_code
  dv.setInt16(254, 2, true); // sform_code: aligned to another scan
  for (let t = 0; t < 12; t++) dv.setFloat32(280 + 4 * t, v.ijkToWorld[t]!, true);
  out.set([0x6e, 0x2b, 0x31, 0], 344); // "n+1\0"
  out.set(new Uint8Array(v.data.buffer, v.data.byteOffset, v.data.length * size), off);
  return opts.gzip ? gzipSync(out, { level: 6 }) : out;
}
