// DICOM series -> Volume. Slices are grouped by SeriesInstanceUID (the largest series wins; the others
// are reported through onWarning), sorted by the projection of ImagePositionPatient on the slice normal
// (row x column cosines), checked for consistent size/orientation/spacing, rescaled (RescaleSlope/
// Intercept -> HU for CT) and stacked. World frame: DICOM patient LPS mm, converted to RAS+ (x, y negated).
import { flipLpsRas } from '../affine';
import { checkBudget, DEFAULT_BUDGET_BYTES } from '../budget';
import type { Modality, Volume, VoxelArray } from '../types';
import { VolumeReadError } from './errors';
import { parseDicomSlice, type DicomSlice } from './dicom-file';
import { decodeSamples, minMax, type SampleType } from './typed';
import { checkDims, makeVolume } from './volume-from';

export interface DicomReadOptions {
  budgetBytes?: number;
  kind?: 'image' | 'label';
  onWarning?: (msg: string) => void;
}

/** Relative tolerance for orientation/spacing agreement between slices (DICOM DS strings carry ~6 digits). */
const GEOM_TOL = 1e-3;

function cross(a: number[], b: number[]): number[] {
  return [a[1]! * b[2]! - a[2]! * b[1]!, a[2]! * b[0]! - a[0]! * b[2]!, a[0]! * b[1]! - a[1]! * b[0]!];
}
const dot = (a: number[], b: number[]) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;

function sampleType(s: DicomSlice): SampleType {
  return s.bitsAllocated === 8 ? (s.signed ? 'int8' : 'uint8') : s.signed ? 'int16' : 'uint16';
}

export function readDicomSeries(
  files: { name: string; bytes: Uint8Array }[],
  opts: DicomReadOptions = {},
): Volume {
  const budget = opts.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  const first = files[0];
  if (!first) throw new VolumeReadError('DICOM series', 'no files given');
  const parsed = files.map((f) => parseDicomSlice(f.name, f.bytes));
  const groups = new Map<string, DicomSlice[]>();
  for (const s of parsed) groups.set(s.seriesUid, [...(groups.get(s.seriesUid) ?? []), s]);
  let slices = [...groups.values()].sort((a, b) => b.length - a.length)[0]!;
  if (groups.size > 1) {
    opts.onWarning?.(
      `${groups.size} DICOM series found; using the largest (${slices.length} slices, ${slices[0]!.file}), ignoring ${parsed.length - slices.length} files`,
    );
  }
  const ref = slices[0]!;
  const name = slices.length === 1 ? ref.file : `${ref.file} (+${slices.length - 1} slices)`;
  const r = ref.orientation.slice(0, 3);
  const c = ref.orientation.slice(3, 6);
  const nrm = cross(r, c);
  const nlen = Math.hypot(nrm[0]!, nrm[1]!, nrm[2]!);
  if (!(nlen > 0.5))
    throw new VolumeReadError(ref.file, `degenerate ImageOrientationPatient ${ref.orientation.join('\\')}`);
  for (const s of slices) {
    const bad =
      s.rows !== ref.rows || s.cols !== ref.cols
        ? `size ${s.cols}x${s.rows} differs from ${ref.cols}x${ref.rows}`
        : s.orientation.some((x, t) => Math.abs(x - ref.orientation[t]!) > GEOM_TOL)
          ? 'orientation differs from the rest of the series'
          : s.pixelSpacing.some(
                (x, t) => Math.abs(x - ref.pixelSpacing[t]!) > GEOM_TOL * ref.pixelSpacing[t]!,
              )
            ? `pixel spacing ${s.pixelSpacing.join('\\')} differs from ${ref.pixelSpacing.join('\\')}`
            : s.bitsAllocated !== ref.bitsAllocated || s.signed !== ref.signed
              ? 'pixel format differs from the rest of the series'
              : '';
    if (bad) throw new VolumeReadError(s.file, `inconsistent DICOM series: ${bad}`);
  }
  const proj = (s: DicomSlice) => dot(s.position, nrm) / nlen;
  slices = [...slices].sort((a, b) => proj(a) - proj(b));
  const n = slices.length;
  let step = n > 1 ? (proj(slices[n - 1]!) - proj(slices[0]!)) / (n - 1) : (ref.sliceThickness ?? 1);
  for (let t = 1; t < n; t++) {
    const d = proj(slices[t]!) - proj(slices[t - 1]!);
    if (d < 1e-6 * Math.max(1, Math.abs(step)))
      throw new VolumeReadError(slices[t]!.file, `duplicate slice position (same as ${slices[t - 1]!.file})`);
    if (Math.abs(d - step) > Math.max(0.01, 0.05 * step))
      throw new VolumeReadError(
        slices[t]!.file,
        `irregular slice spacing ${d.toFixed(3)} mm (series average ${step.toFixed(3)} mm): missing or extra slice?`,
      );
  }
  const dims = checkDims([ref.cols, ref.rows, n], sampleType(ref), name, budget);

  // k axis: actual step between first and last positions (handles gantry tilt shear); single slice: normal.
  const p0 = slices[0]!.position;
  const kv =
    n > 1 ? slices[n - 1]!.position.map((x, t) => (x - p0[t]!) / (n - 1)) : nrm.map((x) => (x / nlen) * step);
  step = Math.abs(step);
  const lps = new Float64Array(16);
  for (let row = 0; row < 3; row++) {
    lps[row * 4 + 0] = r[row]! * ref.pixelSpacing[1];
    lps[row * 4 + 1] = c[row]! * ref.pixelSpacing[0];
    lps[row * 4 + 2] = kv[row]!;
    lps[row * 4 + 3] = p0[row]!;
  }
  lps[15] = 1;
  const affine = flipLpsRas(lps);

  const per = ref.rows * ref.cols;
  const raws = slices.map((s) => decodeSamples(s.pixels, 0, per, sampleType(s), s.littleEndian));
  const label = opts.kind === 'label';
  const identity = slices.every((s) => s.slope === 1 && s.intercept === 0);
  const allInt = slices.every((s) => Number.isInteger(s.slope) && Number.isInteger(s.intercept));
  let lo = Infinity;
  let hi = -Infinity;
  raws.forEach((raw, t) => {
    const [a, b] = minMax(raw);
    const s = slices[t]!;
    const x = label ? a : s.slope * a + s.intercept;
    const y = label ? b : s.slope * b + s.intercept;
    lo = Math.min(lo, x, y);
    hi = Math.max(hi, x, y);
  });
  const total = per * n;
  let data: VoxelArray;
  if (label || identity) {
    checkBudget(total * (ref.bitsAllocated / 8), `volume ${dims.join('x')}`, name, budget);
    data =
      ref.bitsAllocated === 8
        ? ref.signed
          ? new Int8Array(total)
          : new Uint8Array(total)
        : ref.signed
          ? new Int16Array(total)
          : new Uint16Array(total);
  } else if (allInt && lo >= -32768 && hi <= 32767) {
    checkBudget(total * 2, `volume ${dims.join('x')} int16`, name, budget);
    data = new Int16Array(total);
  } else {
    checkBudget(total * 4, `volume ${dims.join('x')} float32`, name, budget);
    data = allInt && lo >= -(2 ** 31) && hi < 2 ** 31 ? new Int32Array(total) : new Float32Array(total);
  }
  raws.forEach((raw, t) => {
    const s = slices[t]!;
    const o = t * per;
    if (label || identity) data.set(raw, o);
    else for (let p = 0; p < per; p++) data[o + p] = s.slope * raw[p]! + s.intercept;
  });
  const modality: Modality = label
    ? 'label'
    : ref.modality === 'CT'
      ? 'CT'
      : ref.modality === 'MR'
        ? 'MR'
        : 'other';
  return makeVolume({
    name,
    dims,
    affine,
    data,
    kind: opts.kind,
    modality,
    units: modality === 'CT' ? 'HU' : 'a.u.',
  });
}
