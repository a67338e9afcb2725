// Voxel sample types shared by the readers: element sizes, typed-array constructors, endian-aware
// decoding of raw bytes into a typed array (a zero-copy view when alignment and endianness allow),
// and value scaling (slope/intercept, e.g. raw -> HU) that keeps integers as Int16 when they fit.
import type { VoxelArray } from '../types';

export type SampleType = 'uint8' | 'int8' | 'uint16' | 'int16' | 'uint32' | 'int32' | 'float32' | 'float64';

export const SAMPLE_BYTES: Record<SampleType, number> = {
  uint8: 1,
  int8: 1,
  uint16: 2,
  int16: 2,
  uint32: 4,
  int32: 4,
  float32: 4,
  float64: 8,
};

type Ctor = { new (n: number): VoxelArray; new (b: ArrayBuffer, o: number, n: number): VoxelArray };
const CTORS: Record<SampleType, Ctor> = {
  uint8: Uint8Array,
  int8: Int8Array,
  uint16: Uint16Array,
  int16: Int16Array,
  uint32: Uint32Array,
  int32: Int32Array,
  float32: Float32Array,
  float64: Float64Array,
};

export function allocate(type: SampleType, n: number): VoxelArray {
  return new CTORS[type](n);
}

export function sampleTypeOf(a: VoxelArray): SampleType {
  if (a instanceof Uint8Array) return 'uint8';
  if (a instanceof Int8Array) return 'int8';
  if (a instanceof Uint16Array) return 'uint16';
  if (a instanceof Int16Array) return 'int16';
  if (a instanceof Uint32Array) return 'uint32';
  if (a instanceof Int32Array) return 'int32';
  if (a instanceof Float32Array) return 'float32';
  return 'float64';
}

const HOST_LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * `n` samples of `type` starting at `bytes[offset]`. Caller guarantees offset + n*size <= bytes.length.
 * Returns a view into `bytes` when aligned and already in host byte order, else a decoded copy.
 */
export function decodeSamples(
  bytes: Uint8Array,
  offset: number,
  n: number,
  type: SampleType,
  littleEndian: boolean,
): VoxelArray {
  const size = SAMPLE_BYTES[type];
  const abs = bytes.byteOffset + offset;
  if (size === 1 || (littleEndian === HOST_LITTLE && abs % size === 0)) {
    return new CTORS[type](bytes.buffer as ArrayBuffer, abs, n);
  }
  const out = allocate(type, n);
  if (littleEndian === HOST_LITTLE) {
    // Unaligned, same byte order: copy the bytes into the fresh (aligned) buffer.
    new Uint8Array(out.buffer).set(bytes.subarray(offset, offset + n * size));
    return out;
  }
  const dv = new DataView(bytes.buffer, abs, n * size);
  const le = littleEndian;
  const o = out as unknown as { [i: number]: number };
  switch (type) {
    case 'uint16':
      for (let t = 0; t < n; t++) o[t] = dv.getUint16(t * 2, le);
      break;
    case 'int16':
      for (let t = 0; t < n; t++) o[t] = dv.getInt16(t * 2, le);
      break;
    case 'uint32':
      for (let t = 0; t < n; t++) o[t] = dv.getUint32(t * 4, le);
      break;
    case 'int32':
      for (let t = 0; t < n; t++) o[t] = dv.getInt32(t * 4, le);
      break;
    case 'float32':
      for (let t = 0; t < n; t++) o[t] = dv.getFloat32(t * 4, le);
      break;
    default:
      for (let t = 0; t < n; t++) o[t] = dv.getFloat64(t * 8, le);
  }
  return out;
}

/** Min and max of an array (NaN-free arrays; NaNs are skipped). */
export function minMax(a: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let t = 0; t < a.length; t++) {
    const x = a[t]!;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}

/**
 * Applies value = slope * raw + inter. Returns `raw` untouched when the scaling is the identity.
 * Integer raw with integer slope/inter: Int16Array (or Int32Array) when the scaled range fits, else Float32Array.
 */
export function applyScaling(raw: VoxelArray, slope: number, inter: number): VoxelArray {
  if (!Number.isFinite(slope) || slope === 0 || !Number.isFinite(inter)) return raw;
  if (slope === 1 && inter === 0) return raw;
  const isInt = !(raw instanceof Float32Array || raw instanceof Float64Array);
  let out: VoxelArray;
  if (isInt && Number.isInteger(slope) && Number.isInteger(inter)) {
    const [lo, hi] = minMax(raw);
    const a = slope * lo + inter;
    const b = slope * hi + inter;
    const smin = Math.min(a, b);
    const smax = Math.max(a, b);
    if (smin >= -32768 && smax <= 32767) out = new Int16Array(raw.length);
    else if (smin >= -(2 ** 31) && smax < 2 ** 31) out = new Int32Array(raw.length);
    else out = new Float32Array(raw.length);
  } else {
    out = new Float32Array(raw.length);
  }
  for (let t = 0; t < raw.length; t++) out[t] = slope * raw[t]! + inter;
  return out;
}
