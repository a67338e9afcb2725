// Nearest-neighbour resampling of a label map onto another volume's grid through the two affines:
// target voxel -> world RAS mm (target.ijkToWorld) -> label voxel (inverse of labels.ijkToWorld),
// rounded; outside the label grid -> 0. Output: label values on the target grid.
import { invertAffine, multiplyAffine } from '../affine';
import { checkBudget } from '../budget';
import type { Volume, VoxelArray } from '../types';

export function resampleLabelsTo(labels: Volume, target: Volume): Volume {
  const [nx, ny, nz] = target.dims;
  const [sx, sy, sz] = labels.dims;
  const n = nx * ny * nz;
  const Ctor = labels.data.constructor as new (n: number) => VoxelArray;
  checkBudget(n * labels.data.BYTES_PER_ELEMENT, `resampled label map ${nx}x${ny}x${nz}`, labels.name);
  const out = new Ctor(n);
  const m = multiplyAffine(invertAffine(labels.ijkToWorld), target.ijkToWorld);
  const src = labels.data;
  // Snap near-integer results (float32 affines) so exact grid shifts map exactly.
  const r = (x: number) => Math.floor(x + 0.5 + 1e-6);
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++) {
      const bx = m[1]! * j + m[2]! * k + m[3]!;
      const by = m[5]! * j + m[6]! * k + m[7]!;
      const bz = m[9]! * j + m[10]! * k + m[11]!;
      let o = nx * (j + ny * k);
      for (let i = 0; i < nx; i++, o++) {
        const a = r(bx + m[0]! * i);
        const b = r(by + m[4]! * i);
        const c = r(bz + m[8]! * i);
        if (a >= 0 && b >= 0 && c >= 0 && a < sx && b < sy && c < sz) out[o] = src[a + sx * (b + sy * c)]!;
      }
    }
  const res: Volume = {
    name: labels.name,
    dims: [nx, ny, nz],
    spacing: [...target.spacing],
    ijkToWorld: Float64Array.from(target.ijkToWorld),
    data: out,
    modality: 'label',
    units: 'label',
  };
  if (labels.labels) res.labels = labels.labels.map((l) => ({ ...l }));
  return res;
}

/** True when b lies on a's voxel grid: same dims and affine entries within 1e-4 mm. */
export function sameGrid(a: Volume, b: Volume): boolean {
  return (
    a.dims.every((d, t) => d === b.dims[t]) &&
    a.ijkToWorld.every((x, t) => Math.abs(x - b.ijkToWorld[t]!) < 1e-4)
  );
}

/** `labels` on `target`'s grid: the map itself when it already is (no copy), else resampled (nearest). */
export function labelsOnGrid(labels: Volume, target: Volume): Volume {
  return sameGrid(labels, target) ? labels : resampleLabelsTo(labels, target);
}
