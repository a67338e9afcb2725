// Shared final step of every reader: validates dims/affine, derives spacing from the affine and builds
// the Volume container (world RAS+ mm). Modality/units come from the caller (CT -> HU, label -> 'label').
import { isFiniteAffine, spacingFromAffine } from '../affine';
import { checkBudget, DEFAULT_BUDGET_BYTES } from '../budget';
import type { Modality, Vec3, Volume, VoxelArray } from '../types';
import { VolumeReadError } from './errors';
import { SAMPLE_BYTES, type SampleType } from './typed';

/** Largest voxel count along one axis we accept (guards against garbage headers before any math). */
export const MAX_DIM = 1 << 16;

/** Validates dims and checks the budget for `n` voxels of `type` BEFORE anything is allocated. */
export function checkDims(
  dims: number[],
  type: SampleType,
  file: string,
  budget = DEFAULT_BUDGET_BYTES,
): Vec3 {
  if (dims.length !== 3) throw new VolumeReadError(file, `expected 3 dimensions, got ${dims.length}`);
  for (const d of dims) {
    if (!Number.isInteger(d) || d <= 0)
      throw new VolumeReadError(file, `non-positive or non-integer dimension in ${dims.join('x')}`);
    if (d > MAX_DIM) throw new VolumeReadError(file, `absurd dimension ${d} in ${dims.join('x')}`);
  }
  const n = dims[0]! * dims[1]! * dims[2]!;
  checkBudget(n * SAMPLE_BYTES[type], `volume ${dims.join('x')} ${type}`, file, budget);
  return [dims[0]!, dims[1]!, dims[2]!];
}

export function checkAffine(m: Float64Array, file: string): void {
  if (!isFiniteAffine(m))
    throw new VolumeReadError(
      file,
      'voxel-to-world affine is not usable (NaN/infinite entries or zero determinant)',
    );
}

export interface VolumeMeta {
  name: string;
  dims: Vec3;
  affine: Float64Array;
  data: VoxelArray;
  kind?: 'image' | 'label';
  modality?: Modality;
  units?: string;
}

export function makeVolume(m: VolumeMeta): Volume {
  checkAffine(m.affine, m.name);
  const n = m.dims[0] * m.dims[1] * m.dims[2];
  if (m.data.length !== n)
    throw new VolumeReadError(m.name, `voxel count ${m.data.length} does not match dims ${m.dims.join('x')}`);
  const label = m.kind === 'label';
  let data = m.data;
  if (label && (data instanceof Float32Array || data instanceof Float64Array))
    data = integerLabels(data, m.name);
  const modality: Modality = label ? 'label' : (m.modality ?? 'other');
  const units = label ? 'label' : (m.units ?? (modality === 'CT' ? 'HU' : 'a.u.'));
  return {
    name: m.name,
    dims: m.dims,
    spacing: spacingFromAffine(m.affine),
    ijkToWorld: m.affine,
    data,
    modality,
    units,
  };
}

/** Guess CT vs MR from the value range: CT has air near -1000 HU. */
export function guessModality(data: VoxelArray): Modality {
  let lo = Infinity;
  const step = Math.max(1, Math.floor(data.length / 65536));
  for (let t = 0; t < data.length; t += step) if (data[t]! < lo) lo = data[t]!;
  return lo <= -900 && lo >= -3100 ? 'CT' : 'MR';
}

/** Float label data -> smallest integer array that holds it; rejects non-integer values. */
function integerLabels(a: Float32Array | Float64Array, file: string): VoxelArray {
  let lo = 0;
  let hi = 0;
  for (let t = 0; t < a.length; t++) {
    const x = a[t]!;
    if (!Number.isInteger(x))
      throw new VolumeReadError(file, `label map has a non-integer value ${x} at voxel ${t}`);
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (lo < -(2 ** 31) || hi >= 2 ** 31)
    throw new VolumeReadError(file, `label values ${lo}..${hi} out of the int32 range`);
  const out =
    lo >= 0 && hi <= 255
      ? new Uint8Array(a.length)
      : lo >= -32768 && hi <= 32767
        ? new Int16Array(a.length)
        : new Int32Array(a.length);
  out.set(a);
  return out;
}
