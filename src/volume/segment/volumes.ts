// Small helpers shared by the segmenters: building label-map Volumes on a source grid, grid checks, and
// world coordinates of voxels. Frames: voxel IJK -> world RAS+ mm through the row-major ijkToWorld.
import type { LabelInfo, Volume } from '../types';

export function labelVolume(src: Volume, name: string, data: Uint8Array, labels: LabelInfo[]): Volume {
  return {
    name,
    dims: [...src.dims],
    spacing: [...src.spacing],
    ijkToWorld: src.ijkToWorld.slice(),
    data,
    modality: 'label',
    units: 'label',
    labels,
  };
}

/** Throws unless b is on the same voxel grid as a (dims and affine within 1e-3 mm). */
export function assertSameGrid(a: Volume, b: Volume, what: string): void {
  const same = a.dims.every((d, t) => d === b.dims[t]);
  if (!same)
    throw new Error(
      `${b.name}: ${what} grid ${b.dims.join('x')} differs from ${a.name} grid ${a.dims.join('x')}; resample it first`,
    );
  for (let t = 0; t < 12; t++) {
    if (Math.abs(a.ijkToWorld[t]! - b.ijkToWorld[t]!) > 1e-3) {
      throw new Error(
        `${b.name}: ${what} affine differs from ${a.name}; resample it onto the same grid first`,
      );
    }
  }
}

/** World x (RAS, mm; larger = patient right) of every voxel. */
export function worldX(v: Volume): Float32Array {
  const [nx, ny, nz] = v.dims;
  const A = v.ijkToWorld;
  const out = new Float32Array(nx * ny * nz);
  let p = 0;
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++) {
      const row = A[1]! * j + A[2]! * k + A[3]!;
      for (let i = 0; i < nx; i++) out[p++] = A[0]! * i + row;
    }
  return out;
}
