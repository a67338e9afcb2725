// Test helpers that build small volume files in memory: NIfTI-2 (from a NIfTI-1 produced by writeNifti),
// byte-swapped (big-endian) NIfTI-1, qform-only NIfTI-1, NRRD and VTI. World frame RAS mm as in Volume.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'fflate';
import type { Volume } from '../../../src/volume/types';
import { flipLpsRas } from '../../../src/volume/affine';

export const DATA = new URL('../../../../shared/data/', import.meta.url).pathname;

export function dataFile(rel: string): { name: string; bytes: Uint8Array } {
  return { name: rel, bytes: new Uint8Array(readFileSync(DATA + rel)) };
}

/** A small int16 volume with a non-trivial affine and distinct voxel values. */
export function smallVolume(dims: [number, number, number] = [5, 4, 3]): Volume {
  const n = dims[0] * dims[1] * dims[2];
  const data = new Int16Array(n);
  for (let t = 0; t < n; t++) data[t] = ((t * 37) % 2000) - 1000;
  // rotation about z by 30 deg, spacing 0.8/1.2/2.5, origin (-10, 20, 5)
  const c = Math.cos(Math.PI / 6),
    s = Math.sin(Math.PI / 6);
  const m = new Float64Array([c * 0.8, -s * 1.2, 0, -10, s * 0.8, c * 1.2, 0, 20, 0, 0, 2.5, 5, 0, 0, 0, 1]);
  return { name: 'small', dims, spacing: [0.8, 1.2, 2.5], ijkToWorld: m, data, modality: 'CT', units: 'HU' };
}

/** NIfTI-1 bytes (uncompressed) -> NIfTI-2 bytes with the same content, little endian. */
export function nifti1To2(n1: Uint8Array): Uint8Array {
  const a = new DataView(n1.buffer, n1.byteOffset, n1.length);
  const off1 = a.getFloat32(108, true);
  const data = n1.subarray(off1);
  const out = new Uint8Array(544 + data.length);
  const b = new DataView(out.buffer);
  b.setInt32(0, 540, true);
  out.set([0x6e, 0x2b, 0x32, 0, 0x0d, 0x0a, 0x1a, 0x0a], 4);
  b.setInt16(12, a.getInt16(70, true), true);
  b.setInt16(14, a.getInt16(72, true), true);
  for (let t = 0; t < 8; t++) b.setBigInt64(16 + 8 * t, BigInt(a.getInt16(40 + 2 * t, true)), true);
  for (let t = 0; t < 8; t++) b.setFloat64(104 + 8 * t, a.getFloat32(76 + 4 * t, true), true);
  b.setBigInt64(168, 544n, true);
  b.setFloat64(176, a.getFloat32(112, true), true);
  b.setFloat64(184, a.getFloat32(116, true), true);
  b.setInt32(344, a.getInt16(252, true), true);
  b.setInt32(348, a.getInt16(254, true), true);
  for (let t = 0; t < 12; t++) b.setFloat64(400 + 8 * t, a.getFloat32(280 + 4 * t, true), true);
  b.setInt32(500, n1[123]!, true);
  out.set(data, 544);
  return out;
}

/** Byte-swaps a little-endian NIfTI-1 (header fields and int16 data) into big endian. */
export function nifti1ToBigEndian(n1: Uint8Array, bytesPerVoxel: number): Uint8Array {
  const out = Uint8Array.from(n1);
  const swap = (o: number, w: number) => out.subarray(o, o + w).reverse();
  swap(0, 4);
  for (let t = 0; t < 8; t++) swap(40 + 2 * t, 2);
  [68, 70, 72, 74, 120, 252, 254].forEach((o) => swap(o, 2));
  for (let o = 76; o < 148; o += 4) if (o !== 120) swap(o, 4);
  for (let o = 256; o < 328; o += 4) swap(o, 4);
  const off = new DataView(n1.buffer, n1.byteOffset).getFloat32(108, true);
  for (let o = off; o + bytesPerVoxel <= out.length; o += bytesPerVoxel) swap(o, bytesPerVoxel);
  return out;
}

export function gunzip(b: Uint8Array): Uint8Array {
  return gunzipSync(b);
}

/** NRRD text header (LPS space) for a Volume; data appended raw little endian unless detached. */
export function makeNrrdHeader(v: Volume, extra: string[] = [], type = 'short'): string {
  const lps = flipLpsRas(v.ijkToWorld);
  const col = (c: number) => `(${lps[c]},${lps[4 + c]},${lps[8 + c]})`;
  return (
    [
      'NRRD0004',
      '# made by the organ-twin tests',
      `type: ${type}`,
      'dimension: 3',
      'space: left-posterior-superior',
      `sizes: ${v.dims.join(' ')}`,
      `space directions: ${col(0)} ${col(1)} ${col(2)}`,
      'kinds: domain domain domain',
      'endian: little',
      `space origin: (${lps[3]},${lps[7]},${lps[11]})`,
      ...extra,
    ].join('\n') + '\n'
  );
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
export const text = (s: string) => new TextEncoder().encode(s);
