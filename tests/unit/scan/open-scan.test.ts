// The app worker's scan path in Node (src/app/workers/scan.ts + scan-segment.ts, no DOM): the REAL files
// of ../shared/data opened as the file picker hands them over, labels named by the shared
// guessLabelNames (VerSe L2/L3/L4 recognised as vertebrae, sub-regions, single-structure masks), then the
// HU segmentations: bone split by the vertebra labels and the chest CTA heart split into myocardium and
// blood pool. Units: ml, HU. Frame: the image grid (voxel IJK).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OrganSelection } from '../../../src/meshes';
import { openScan, type ScanFile } from '../../../src/app/workers/scan';
import { segmentScan } from '../../../src/app/workers/scan-segment';

const DATA = '../shared/data';
const file = (rel: string): ScanFile => ({
  name: rel,
  bytes: new Uint8Array(readFileSync(`${DATA}/${rel}`)),
  role: 'auto',
});
const never = () => false;
const quiet = () => undefined;

describe.skipIf(!existsSync(DATA))('openScan + segmentScan on the real scans', () => {
  it('lumbar: seg-vert is L2/L3/L4, recognised as vertebrae; bone from HU splits by them', async () => {
    const { scan, summary } = await openScan(
      ['lumbar-ct/ct.nii.gz', 'lumbar-ct/seg-vert.nii.gz'].map(file),
      [],
    );
    expect(summary.labels.map((l) => [l.value, l.name, l.organClass, l.preselect])).toEqual([
      [21, 'L2', 'vertebra', true],
      [22, 'L3', 'vertebra', true],
      [23, 'L4', 'vertebra', true],
    ]);
    expect(summary.hasBone).toBe(true);
    expect(summary.bloodPoolLabel).toBeUndefined();
    const sel: OrganSelection[] = [];
    const added = segmentScan(scan, sel, { lungs: false, bone: true }, quiet, never);
    expect(added.map((s) => s.name).slice(0, 3)).toEqual(['bone_L2', 'bone_L3', 'bone_L4']);
  });

  it('lumbar: seg-subreg 41..50 get the VerSe sub-region names, all vertebra parts', async () => {
    const { summary } = await openScan(['lumbar-ct/ct.nii.gz', 'lumbar-ct/seg-subreg.nii.gz'].map(file), []);
    expect(summary.labels.map((l) => l.value)).toEqual([41, 42, 43, 44, 45, 46, 47, 48, 49, 50]);
    expect(summary.labels.map((l) => l.name).slice(0, 2)).toEqual(['arcus_vertebrae', 'spinous_process']);
    for (const l of summary.labels) expect([l.name, l.organClass]).toEqual([l.name, 'vertebra']);
  });

  it('chest CTA: masks named after their files; the heart splits into myocardium and blood pool', async () => {
    const files = [
      'chest-cta/ct.nii.gz',
      'chest-cta/heart.nii.gz',
      'chest-cta/aorta.nii.gz',
      'chest-cta/vertebrae_T12.nii.gz',
    ].map(file);
    const { scan, summary } = await openScan(files, []);
    expect(summary.labels.map((l) => [l.name, l.organClass])).toEqual([
      ['heart', 'heart'],
      ['aorta', 'vessel'],
      ['vertebrae_T12', 'vertebra'],
    ]);
    const heart = summary.labels[0]!;
    expect(summary.bloodPoolLabel).toBe(heart.value);
    const sel: OrganSelection[] = [{ value: heart.value, name: 'heart' }];
    const added = segmentScan(scan, sel, { lungs: false, bone: false, bloodPool: true }, quiet, never);
    expect(added.map((s) => s.name)).toEqual(['heart_myocardium', 'heart_blood_pool']);
    // The heart mesh is now the union of its two parts; no voxel keeps the old heart value.
    expect(sel[0]!.value).toEqual(added.map((s) => s.value));
    expect(scan.labels.data.includes(heart.value)).toBe(false);
    const count = (v: number): number => {
      let n = 0;
      for (const x of scan.labels.data) if (x === v) n++;
      return n;
    };
    expect(count(added[0]!.value as number) + count(added[1]!.value as number)).toBe(heart.voxels);
    expect(scan.labels.labels!.map((l) => l.name)).toEqual([
      'aorta',
      'vertebrae_T12',
      'heart_myocardium',
      'heart_blood_pool',
    ]);
  });

  it('the abdominal MRI: total_mr names, no blood-pool candidate on an MRI', async () => {
    const { summary } = await openScan(['abdomen-mr/mr.nii.gz', 'abdomen-mr/seg.nii.gz'].map(file), []);
    const byValue = new Map(summary.labels.map((l) => [l.value, l]));
    expect(byValue.get(19)).toMatchObject({ name: 'vertebrae', organClass: 'vertebra' });
    expect(byValue.get(5)?.name).toBe('liver');
    expect(summary.bloodPoolLabel).toBeUndefined();
  });
});
