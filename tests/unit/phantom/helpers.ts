// Test helpers for the phantom tests: per-label voxel statistics (count, centroid in world RAS mm, HU
// samples) computed straight from the volumes' data and affine.
import type { LabelledVolume } from '../../../src/volume/types';

export interface LabelStats {
  count: number;
  centroid: [number, number, number];
  maxZ: number;
  hu: Int16Array;
}

export function labelStats(pv: LabelledVolume): Map<string, LabelStats> {
  const { image, labels } = pv;
  const [nx, ny, nz] = labels.dims;
  const A = labels.ijkToWorld;
  const lab = labels.data as Uint8Array;
  const hu = image.data as Int16Array;
  const count = new Float64Array(256);
  for (const l of lab) count[l]!++;
  const acc = Array.from({ length: 256 }, () => ({ x: 0, y: 0, z: 0, maxZ: -Infinity, hu: [] as number[] }));
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        const idx = i + nx * (j + ny * k);
        const a = acc[lab[idx]!]!;
        const x = A[0]! * i + A[1]! * j + A[2]! * k + A[3]!;
        const y = A[4]! * i + A[5]! * j + A[6]! * k + A[7]!;
        const z = A[8]! * i + A[9]! * j + A[10]! * k + A[11]!;
        a.x += x;
        a.y += y;
        a.z += z;
        a.maxZ = Math.max(a.maxZ, z);
        a.hu.push(hu[idx]!);
      }
  const res = new Map<string, LabelStats>();
  for (const info of labels.labels ?? []) {
    const n = count[info.value]!;
    const a = acc[info.value]!;
    res.set(info.name, {
      count: n,
      centroid: [a.x / n, a.y / n, a.z / n],
      maxZ: a.maxZ,
      hu: Int16Array.from(a.hu).sort(),
    });
  }
  return res;
}

export function median(sorted: Int16Array): number {
  return sorted[sorted.length >> 1]!;
}

export function fraction(sorted: Int16Array, lo: number, hi: number): number {
  let n = 0;
  for (const v of sorted) if (v >= lo && v <= hi) n++;
  return n / sorted.length;
}
