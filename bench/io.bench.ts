// Volume I/O benchmark: chest-cta ct.nii.gz read time split into gunzip and parse, against fflate's
// gunzip alone (baseline); and a synthetic 512^3 int16 NIfTI (256 MB, built in memory) read time and
// peak RSS growth, to show the reader holds no more than one extra copy. Units: ms, MB.
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'fflate';
import { peakRssMb, timeMs, type BenchSection } from './lib';
import { readVolume, writeNifti } from '../src/volume/io';
import type { Volume } from '../src/volume/types';

const CT = new URL('../../shared/data/chest-cta/ct.nii.gz', import.meta.url).pathname;

export default async function (): Promise<BenchSection[]> {
  const gz = new Uint8Array(readFileSync(CT));
  const plain = gunzipSync(gz);
  const gunzipMs = await timeMs(() => gunzipSync(gz), 5);
  const fullMs = await timeMs(() => readVolume({ name: 'ct.nii.gz', bytes: gz }), 5);
  const parseMs = await timeMs(() => readVolume({ name: 'ct.nii', bytes: plain }), 5);
  const chest: BenchSection = {
    title: 'chest-cta ct.nii.gz (120x126x164 int16, 5 MB raw)',
    rows: [
      { name: 'fflate gunzip alone', ms: gunzipMs },
      { name: 'readVolume .nii.gz (gunzip + parse)', ms: fullMs, baseline: 'fflate gunzip alone' },
      { name: 'readVolume .nii (parse only)', ms: parseMs, baseline: 'fflate gunzip alone' },
    ],
  };

  const n = 512;
  const data = new Int16Array(n * n * n);
  for (let t = 0; t < data.length; t += 97) data[t] = (t % 3000) - 1000;
  const m = new Float64Array([0.7, 0, 0, 0, 0, 0.7, 0, 0, 0, 0, 0.7, 0, 0, 0, 0, 1]);
  const v: Volume = {
    name: 'big',
    dims: [n, n, n],
    spacing: [0.7, 0.7, 0.7],
    ijkToWorld: m,
    data,
    modality: 'CT',
    units: 'HU',
  };
  const file = writeNifti(v);
  const bigGz = gzipSync(file, { level: 1 });
  await settle();
  const copy = await peakRssMb(() => file.slice());
  await settle();
  const raw = await peakRssMb(() => readVolume({ name: 'big.nii', bytes: file }));
  await settle();
  const gzRead = await peakRssMb(() => readVolume({ name: 'big.nii.gz', bytes: bigGz }));
  await settle();
  const copyMs = await timeMs(() => file.slice(), 3);
  const rawMs = await timeMs(() => readVolume({ name: 'big.nii', bytes: file }), 3, false);
  const gzMs = await timeMs(() => readVolume({ name: 'big.nii.gz', bytes: bigGz }), 1, false);
  const big: BenchSection = {
    title: 'synthetic 512^3 int16 NIfTI (256 MB)',
    rows: [
      { name: 'memcpy of the 256 MB file', ms: copyMs, peakRssMb: copy.peakMb },
      { name: 'readVolume big.nii', ms: rawMs, baseline: 'memcpy of the 256 MB file', peakRssMb: raw.peakMb },
      {
        name: 'readVolume big.nii.gz',
        ms: gzMs,
        baseline: 'memcpy of the 256 MB file',
        peakRssMb: gzRead.peakMb,
        gzMb: bigGz.length / 2 ** 20,
      },
    ],
    notes: [
      'peakRssMb = RSS growth during one read; one full copy of the voxel data is 256 MB.',
      ".nii: the voxel data is copied once out of the caller's buffer (the Volume must not alias the input).",
      '.nii.gz: gunzip into one ISIZE-sized buffer, voxel data is a view on it (no second copy).',
    ],
  };
  return [chest, big];
}

/** V8 frees ArrayBuffer backing stores on a background thread after GC: wait so RSS baselines are honest. */
async function settle(): Promise<void> {
  for (let t = 0; t < 3; t++) {
    global.gc?.();
    await new Promise((r) => setTimeout(r, 150));
  }
}
