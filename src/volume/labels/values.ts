// Distinct non-zero values of a label map with their voxel counts (for listing organs and volumes:
// ml = voxels * product(spacing mm) / 1000). Voxel index space, no frame.
import type { Volume } from '../types';

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
