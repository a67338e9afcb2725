// Distinct non-zero values of a label map with their voxel counts (for listing organs and volumes:
// ml = voxels * product(spacing mm) / 1000), and per-value centroids. Frames: voxel IJK; centroids in
// world RAS+ mm through ijkToWorld.
import type { Vec3, Volume } from '../types';

export function labelValues(labels: Volume): { value: number; voxels: number }[] {
  const d = labels.data;
  const counts = new Map<number, number>();
  if (d instanceof Uint8Array || d instanceof Int8Array) {
    const hist = new Float64Array(256);
    const shift = d instanceof Int8Array ? 128 : 0;
    for (let t = 0; t < d.length; t++) hist[d[t]! + shift]!++;
    hist.forEach((c, b) => {
      if (c > 0 && b - shift !== 0) counts.set(b - shift, c);
    });
  } else {
    for (let t = 0; t < d.length; t++) {
      const v = d[t]!;
      if (v !== 0) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([value, voxels]) => ({ value, voxels }));
}

/** Volume of one label in ml. */
export function labelVolumeMl(labels: Volume, value: number): number {
  let n = 0;
  const d = labels.data;
  for (let t = 0; t < d.length; t++) if (d[t] === value) n++;
  return (n * labels.spacing[0] * labels.spacing[1] * labels.spacing[2]) / 1000;
}

/** World-space centroid (RAS mm, through the volume's affine) of every non-zero label value. */
export function labelCentroidsMm(labels: Volume): Map<number, Vec3> {
  const [nx, ny, nz] = labels.dims;
  const d = labels.data;
  const sums = new Map<number, [number, number, number, number]>();
  let p = 0;
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++, p++) {
        const v = d[p]!;
        if (v === 0) continue;
        let s = sums.get(v);
        if (!s) sums.set(v, (s = [0, 0, 0, 0]));
        s[0] += i;
        s[1] += j;
        s[2] += k;
        s[3]++;
      }
  const A = labels.ijkToWorld;
  const out = new Map<number, Vec3>();
  for (const [v, [si, sj, sk, c]] of sums) {
    const [i, j, k] = [si / c, sj / c, sk / c];
    out.set(
      v,
      [0, 1, 2].map((r) => A[4 * r]! * i + A[4 * r + 1]! * j + A[4 * r + 2]! * k + A[4 * r + 3]!) as Vec3,
    );
  }
  return out;
}
