// Bounding boxes and cropped, padded sub-volumes for surface extraction. Units: voxel counts; frame: the
// source volume's voxel IJK (i fastest). A crop is described by the IJK index of its first sample (which
// may be -1 when padding reaches past the volume edge: padded samples are filled with an "outside" value).
import type { Vec3, Volume } from '../../volume/types';

export interface Box {
  min: Vec3;
  max: Vec3;
  /** Number of voxels counted inside the box (label voxels, or surface-crossing voxels). */
  count: number;
}

/** One pass over a label map: bounding box and voxel count of every non-zero value. */
export function labelBoxes(labels: Volume): Map<number, Box> {
  const d = labels.data;
  if (d instanceof Uint8Array || d instanceof Uint16Array)
    return smallIntBoxes(labels, 0, d instanceof Uint8Array ? 256 : 65536);
  if (d instanceof Int8Array || d instanceof Int16Array) {
    const half = d instanceof Int8Array ? 128 : 32768;
    return smallIntBoxes(labels, half, 2 * half);
  }
  return mapBoxes(labels);
}

/** Integer label maps of at most 16 bits: per-value bounds in typed arrays (no Map lookups per voxel). */
function smallIntBoxes(labels: Volume, shift: number, range: number): Map<number, Box> {
  const [nx, ny, nz] = labels.dims;
  const d = labels.data;
  const count = new Float64Array(range);
  const lo = new Int32Array(3 * range).fill(2 ** 30);
  const hi = new Int32Array(3 * range).fill(-1);
  const zero = shift;
  let idx = 0;
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++, idx++) {
        const b = d[idx]! + shift;
        if (b === zero) continue;
        count[b]!++;
        const o = 3 * b;
        if (i < lo[o]!) lo[o] = i;
        if (i > hi[o]!) hi[o] = i;
        if (j < lo[o + 1]!) lo[o + 1] = j;
        if (j > hi[o + 1]!) hi[o + 1] = j;
        if (k < lo[o + 2]!) lo[o + 2] = k;
        hi[o + 2] = k; // k only grows
      }
  const boxes = new Map<number, Box>();
  for (let b = 0; b < range; b++) {
    if (count[b] === 0) continue;
    const o = 3 * b;
    boxes.set(b - shift, {
      min: [lo[o]!, lo[o + 1]!, lo[o + 2]!],
      max: [hi[o]!, hi[o + 1]!, hi[o + 2]!],
      count: count[b]!,
    });
  }
  return boxes;
}

function mapBoxes(labels: Volume): Map<number, Box> {
  const [nx, ny, nz] = labels.dims;
  const d = labels.data;
  const boxes = new Map<number, Box>();
  let idx = 0;
  let lastV = NaN;
  let last: Box | undefined;
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++, idx++) {
        const v = d[idx]!;
        if (v === 0) continue;
        let b = v === lastV ? last : boxes.get(v);
        if (!b) {
          b = { min: [i, j, k], max: [i, j, k], count: 0 };
          boxes.set(v, b);
        }
        lastV = v;
        last = b;
        b.count++;
        if (i < b.min[0]) b.min[0] = i;
        if (i > b.max[0]) b.max[0] = i;
        if (j < b.min[1]) b.min[1] = j;
        if (j > b.max[1]) b.max[1] = j;
        if (k < b.min[2]) b.min[2] = k;
        if (k > b.max[2]) b.max[2] = k;
      }
  return boxes;
}

/** Union of several boxes (undefined when none). */
export function unionBoxes(boxes: (Box | undefined)[]): Box | undefined {
  let out: Box | undefined;
  for (const b of boxes) {
    if (!b) continue;
    if (!out) out = { min: [...b.min], max: [...b.max], count: b.count };
    else {
      out.count += b.count;
      for (let a = 0; a < 3; a++) {
        out.min[a] = Math.min(out.min[a]!, b.min[a]!);
        out.max[a] = Math.max(out.max[a]!, b.max[a]!);
      }
    }
  }
  return out;
}

export interface Crop {
  /** Dimensions of the cropped (padded) grid. */
  dims: Vec3;
  /** IJK of the crop's first sample in the source volume. */
  offset: Vec3;
  data: Uint8Array | Float32Array;
}

function cropGeometry(box: Box, pad: number): { dims: Vec3; offset: Vec3 } {
  const offset: Vec3 = [box.min[0] - pad, box.min[1] - pad, box.min[2] - pad];
  const dims: Vec3 = [
    box.max[0] - box.min[0] + 1 + 2 * pad,
    box.max[1] - box.min[1] + 1 + 2 * pad,
    box.max[2] - box.min[2] + 1 + 2 * pad,
  ];
  return { dims, offset };
}

/** Binary 0/1 mask of `values` inside `box` (+pad voxels of zeros, also past the volume edge). */
export function cropMask(labels: Volume, values: number[], box: Box, pad: number): Crop {
  const { dims, offset } = cropGeometry(box, pad);
  const [nx, ny, nz] = labels.dims;
  const src = labels.data;
  const out = new Uint8Array(dims[0] * dims[1] * dims[2]);
  // membership test: a lookup table for small non-negative integers, else a Set
  const table = values.every((v) => Number.isInteger(v) && v >= 0 && v < 65536)
    ? new Uint8Array(65536)
    : undefined;
  if (table) for (const v of values) table[v] = 1;
  const set = new Set(values);
  for (let k = 0; k < dims[2]; k++) {
    const sk = k + offset[2];
    if (sk < 0 || sk >= nz) continue;
    for (let j = 0; j < dims[1]; j++) {
      const sj = j + offset[1];
      if (sj < 0 || sj >= ny) continue;
      const row = (k * dims[1] + j) * dims[0];
      const srow = (sk * ny + sj) * nx;
      for (let i = 0; i < dims[0]; i++) {
        const si = i + offset[0];
        if (si < 0 || si >= nx) continue;
        const v = src[srow + si]!;
        if (table ? v >= 0 && v < 65536 && table[v] === 1 : set.has(v)) out[row + i] = 1;
      }
    }
  }
  return { dims, offset, data: out };
}

/**
 * Box of the voxels where a scalar field crosses `iso` (a voxel and a +i/+j/+k neighbour on different sides),
 * and which side the volume's border mostly lies on (used as the padding value so surfaces close).
 */
export function isoBox(vol: Volume, iso: number): { box: Box | undefined; borderAbove: boolean } {
  const [nx, ny, nz] = vol.dims;
  const d = vol.data;
  let box: Box | undefined;
  let above = 0;
  let below = 0;
  const mark = (i: number, j: number, k: number): void => {
    if (!box) box = { min: [i, j, k], max: [i, j, k], count: 0 };
    box.count++;
    if (i < box.min[0]) box.min[0] = i;
    if (i > box.max[0]) box.max[0] = i;
    if (j < box.min[1]) box.min[1] = j;
    if (j > box.max[1]) box.max[1] = j;
    if (k < box.min[2]) box.min[2] = k;
    if (k > box.max[2]) box.max[2] = k;
  };
  const sx = 1;
  const sy = nx;
  const sz = nx * ny;
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++) {
      const border = k === 0 || k === nz - 1 || j === 0 || j === ny - 1;
      for (let i = 0; i < nx; i++) {
        const idx = i + sy * j + sz * k;
        const a = d[idx]! >= iso;
        if (border || i === 0 || i === nx - 1) {
          if (a) above++;
          else below++;
        }
        if (i + 1 < nx && d[idx + sx]! >= iso !== a) {
          mark(i, j, k);
          mark(i + 1, j, k);
        }
        if (j + 1 < ny && d[idx + sy]! >= iso !== a) {
          mark(i, j, k);
          mark(i, j + 1, k);
        }
        if (k + 1 < nz && d[idx + sz]! >= iso !== a) {
          mark(i, j, k);
          mark(i, j, k + 1);
        }
      }
    }
  return { box, borderAbove: above > below };
}

/** Float32 copy of a scalar field inside `box` (+pad voxels filled with `padValue`). */
export function cropField(vol: Volume, box: Box, pad: number, padValue: number): Crop {
  const { dims, offset } = cropGeometry(box, pad);
  const [nx, ny, nz] = vol.dims;
  const src = vol.data;
  const out = new Float32Array(dims[0] * dims[1] * dims[2]).fill(padValue);
  for (let k = 0; k < dims[2]; k++) {
    const sk = k + offset[2];
    if (sk < 0 || sk >= nz) continue;
    for (let j = 0; j < dims[1]; j++) {
      const sj = j + offset[1];
      if (sj < 0 || sj >= ny) continue;
      const row = (k * dims[1] + j) * dims[0];
      const srow = (sk * ny + sj) * nx;
      for (let i = 0; i < dims[0]; i++) {
        const si = i + offset[0];
        if (si >= 0 && si < nx) out[row + i] = src[srow + si]!;
      }
    }
  }
  return { dims, offset, data: out };
}
