// NIfTI-1 (348-byte) and NIfTI-2 (540-byte) header parsing, both byte orders, plus the voxel->world
// affine (sform when sform_code > 0, else qform quaternion + pixdim + qfac, else pixdim only).
// NIfTI affines are already RAS+ mm. Parsed by hand rather than with nifti-reader-js so that NIfTI-2
// int64 fields, big-endian files and every bounds check report our own "<file>: <problem>" errors.
import { VolumeReadError } from './errors';
import type { SampleType } from './typed';

export interface NiftiHeader {
  version: 1 | 2;
  littleEndian: boolean;
  /** dim[0..7] */
  dim: number[];
  datatype: number;
  pixdim: number[];
  voxOffset: number;
  sclSlope: number;
  sclInter: number;
  qformCode: number;
  sformCode: number;
  quatern: [number, number, number];
  qoffset: [number, number, number];
  srow: number[]; // 12 values, rows x, y, z
  xyztUnits: number;
  intentCode: number;
  /** Bytes of the header itself (348 or 540). */
  size: number;
}

export const NIFTI_TYPES: Record<number, SampleType> = {
  2: 'uint8',
  4: 'int16',
  8: 'int32',
  16: 'float32',
  64: 'float64',
  256: 'int8',
  512: 'uint16',
  768: 'uint32',
};

const NIFTI_TYPE_NAMES: Record<number, string> = {
  0: 'UNKNOWN',
  1: 'BINARY',
  32: 'COMPLEX64',
  128: 'RGB24',
  255: 'ALL',
  1024: 'INT64',
  1280: 'UINT64',
  1536: 'FLOAT128',
  1792: 'COMPLEX128',
  2048: 'COMPLEX256',
  2304: 'RGBA32',
};

export function niftiTypeName(code: number): string {
  return NIFTI_TYPE_NAMES[code] ?? `code ${code}`;
}

/** True when the bytes (already gunzipped) begin with a NIfTI-1 or -2 header in either byte order. */
export function looksLikeNifti(b: Uint8Array): boolean {
  if (b.length < 4) return false;
  const dv = new DataView(b.buffer, b.byteOffset, b.length);
  const s = [dv.getInt32(0, true), dv.getInt32(0, false)];
  return s.includes(348) || s.includes(540);
}

export function parseNiftiHeader(b: Uint8Array, file: string): NiftiHeader {
  if (b.length < 4) throw new VolumeReadError(file, 'file truncated (no NIfTI header)');
  const dv = new DataView(b.buffer, b.byteOffset, b.length);
  let le = true;
  let size = dv.getInt32(0, true);
  if (size !== 348 && size !== 540) {
    le = false;
    size = dv.getInt32(0, false);
  }
  if (size !== 348 && size !== 540)
    throw new VolumeReadError(file, 'not a NIfTI file (sizeof_hdr is not 348 or 540)');
  if (b.length < size)
    throw new VolumeReadError(file, `file truncated inside the NIfTI header (${b.length} of ${size} bytes)`);
  const magic = (o: number, n: number) => String.fromCharCode(...b.subarray(o, o + n));
  if (size === 348) {
    const m = magic(344, 3);
    if (m !== 'n+1' && m !== 'ni1')
      throw new VolumeReadError(file, `bad NIfTI-1 magic '${m.replace(/[^ -~]/g, '?')}'`);
    if (m === 'ni1')
      throw new VolumeReadError(file, 'NIfTI .hdr/.img pairs are not supported (convert to a single .nii)');
    const i16 = (o: number) => dv.getInt16(o, le);
    const f32 = (o: number) => dv.getFloat32(o, le);
    return {
      version: 1,
      littleEndian: le,
      dim: Array.from({ length: 8 }, (_, t) => i16(40 + 2 * t)),
      datatype: i16(70),
      pixdim: Array.from({ length: 8 }, (_, t) => f32(76 + 4 * t)),
      voxOffset: f32(108),
      sclSlope: f32(112),
      sclInter: f32(116),
      xyztUnits: b[123]!,
      qformCode: i16(252),
      sformCode: i16(254),
      quatern: [f32(256), f32(260), f32(264)],
      qoffset: [f32(268), f32(272), f32(276)],
      srow: Array.from({ length: 12 }, (_, t) => f32(280 + 4 * t)),
      intentCode: i16(68),
      size,
    };
  }
  const m = magic(4, 3);
  if (m !== 'n+2' && m !== 'ni2')
    throw new VolumeReadError(file, `bad NIfTI-2 magic '${m.replace(/[^ -~]/g, '?')}'`);
  if (m === 'ni2')
    throw new VolumeReadError(file, 'NIfTI .hdr/.img pairs are not supported (convert to a single .nii)');
  const i64 = (o: number) => Number(dv.getBigInt64(o, le));
  const f64 = (o: number) => dv.getFloat64(o, le);
  const i32 = (o: number) => dv.getInt32(o, le);
  return {
    version: 2,
    littleEndian: le,
    dim: Array.from({ length: 8 }, (_, t) => i64(16 + 8 * t)),
    datatype: dv.getInt16(12, le),
    pixdim: Array.from({ length: 8 }, (_, t) => f64(104 + 8 * t)),
    voxOffset: i64(168),
    sclSlope: f64(176),
    sclInter: f64(184),
    qformCode: i32(344),
    sformCode: i32(348),
    quatern: [f64(352), f64(360), f64(368)],
    qoffset: [f64(376), f64(384), f64(392)],
    srow: Array.from({ length: 12 }, (_, t) => f64(400 + 8 * t)),
    xyztUnits: i32(500),
    intentCode: i32(504),
    size,
  };
}

/** Voxel->world affine (row-major 4x4, RAS mm) by the NIfTI precedence sform > qform > pixdim. */
export function niftiAffine(h: NiftiHeader): { affine: Float64Array; source: 'sform' | 'qform' | 'pixdim' } {
  const m = new Float64Array(16);
  m[15] = 1;
  // xyzt_units: 1 = m, 2 = mm, 3 = um (NIfTI-1 low 3 bits). Scale to mm.
  const unit = h.xyztUnits & 7;
  const toMm = unit === 1 ? 1000 : unit === 3 ? 0.001 : 1;
  if (h.sformCode > 0) {
    for (let t = 0; t < 12; t++) m[t] = h.srow[t]! * toMm;
    return { affine: m, source: 'sform' };
  }
  const dx = h.pixdim[1]! * toMm;
  const dy = h.pixdim[2]! * toMm;
  const dz = h.pixdim[3]! * toMm;
  if (h.qformCode > 0) {
    const [b, c, d] = h.quatern;
    const a2 = 1 - (b * b + c * c + d * d);
    const a = a2 > 0 ? Math.sqrt(a2) : 0;
    const qfac = h.pixdim[0]! < 0 ? -1 : 1;
    // prettier-ignore
    const R = [
      a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c),
      2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b),
      2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b,
    ];
    const s = [dx, dy, dz * qfac];
    for (let r = 0; r < 3; r++) {
      for (let col = 0; col < 3; col++) m[r * 4 + col] = R[r * 3 + col]! * s[col]!;
      m[r * 4 + 3] = h.qoffset[r]! * toMm;
    }
    return { affine: m, source: 'qform' };
  }
  m[0] = Math.abs(dx);
  m[5] = Math.abs(dy);
  m[10] = Math.abs(dz);
  return { affine: m, source: 'pixdim' };
}
