// `organ-twin reconstruct` on the REAL scans (read in place from ../shared/data; temporary copies only in
// the OS temp folder): a detached NRRD label map (.nhdr + .raw) found through its 'data file:' line, label
// names guessed by the shared guessLabelNames (VerSe by centroids, TotalSegmentator single-structure file
// names), a JSON sidecar, --threshold bone split by the vertebra labels, and --split-blood-pool on the
// chest CTA heart. Bad detached data: exit 1 and one stderr line naming header and data file.
// Units of summary.json: mm², ml, HU, ms.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { readVolumeFromPath } from '../../../src/volume/io/node';
import { labelVolumeMl } from '../../../src/volume/labels';
import { makeNrrdHeader } from '../io/make-files';
import { captureCliConsole } from '../cli-capture';

const DATA = '../shared/data';
const LUMBAR = `${DATA}/lumbar-ct`;
const CHEST = `${DATA}/chest-cta`;
/** The issue's target for label meshes: smoothed surface volume within 3 % of the label's voxel volume. */
const VOXEL_VOLUME_TOL = 0.03;
/** Contrast blood (~300-500 HU) vs myocardium (~30-100 HU): the Otsu cut lies between (see chest-cta.test). */
const OTSU_HU: [number, number] = [100, 600];

const cli = captureCliConsole();

const tmp = (): string => mkdtempSync(join(tmpdir(), 'ot-labels-'));
type Mesh = { name: string; label: number; watertight: boolean; volumeMl: number; voxelVolumeMl: number };
const summaryOf = (out: string) => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));

/** Writes seg-vert as a detached NRRD: <dir>/<header> naming `dataRef`, data at <dir>/<dataAt>. */
async function detachedSegVert(dir: string, header: string, dataRef: string, dataAt?: string): Promise<void> {
  const v = await readVolumeFromPath(`${LUMBAR}/seg-vert.nii.gz`, { kind: 'label' });
  expect(v.data).toBeInstanceOf(Uint8Array);
  writeFileSync(join(dir, header), makeNrrdHeader(v, ['encoding: raw', `data file: ${dataRef}`], 'uchar'));
  if (dataAt) {
    mkdirSync(join(dir, dataAt, '..'), { recursive: true });
    writeFileSync(join(dir, dataAt), v.data as Uint8Array);
  }
}

describe.skipIf(!existsSync(LUMBAR))('reconstruct: detached NRRD and label names', () => {
  it('follows the .nhdr data file (also in a subfolder); VerSe names come from the centroids', async () => {
    const dir = tmp();
    await detachedSegVert(dir, 'seg.nhdr', 'raw/seg.raw', 'raw/seg.raw');
    const out = join(dir, 'out');
    const code = await main([
      'reconstruct',
      `${LUMBAR}/ct.nii.gz`,
      '--labels',
      join(dir, 'seg.nhdr'),
      '--out',
      out,
    ]);
    expect(cli.errors).toEqual([]);
    expect(code).toBe(0);
    const s = summaryOf(out);
    // 'seg' says nothing; 21/22/23 stacked 24-29 mm apart in one column are VerSe L2/L3/L4, not
    // TotalSegmentator's urinary_bladder/prostate/kidney_cyst_left.
    expect(s.labelNaming[join(dir, 'seg.nhdr')]).toBe('verse');
    expect(s.meshes.map((m: Mesh) => [m.name, m.label])).toEqual([
      ['L2', 21],
      ['L3', 22],
      ['L4', 23],
    ]);
    // The data came through the .raw: each label's voxel volume equals the NIfTI original's exactly.
    const nii = await readVolumeFromPath(`${LUMBAR}/seg-vert.nii.gz`, { kind: 'label' });
    for (const m of s.meshes as Mesh[]) {
      expect(m.watertight).toBe(true);
      const ref = labelVolumeMl(nii, m.label);
      expect(Math.abs(m.voxelVolumeMl - ref)).toBeLessThan(1e-9 * ref);
    }
    // L3 is complete in the crop (L2, L4 are cut by it): the issue's volume target applies to it.
    const l3 = (s.meshes as Mesh[]).find((m) => m.name === 'L3')!;
    expect(Math.abs(l3.volumeMl / l3.voxelVolumeMl - 1)).toBeLessThan(VOXEL_VOLUME_TOL);
  });

  const bad: [string, string, string | undefined, RegExp][] = [
    [
      'missing data file',
      'seg.raw',
      undefined,
      /^organ-twin: .*seg\.nhdr: detached data file 'seg\.raw' not found \(looked for .*seg\.raw\)$/,
    ],
    [
      'a path out of the folder',
      '../seg.raw',
      undefined,
      /seg\.nhdr: detached data file '\.\.\/seg\.raw' must be a path inside the header's folder/,
    ],
    [
      'an absolute path',
      '/etc/passwd',
      undefined,
      /seg\.nhdr: detached data file '\/etc\/passwd' must be a path inside the header's folder/,
    ],
  ];
  it.each(bad)('%s: exit 1, one line naming header and data file', async (_, ref, at, re) => {
    const dir = tmp();
    await detachedSegVert(dir, 'seg.nhdr', ref, at);
    const code = await main([
      'reconstruct',
      `${LUMBAR}/ct.nii.gz`,
      '--labels',
      join(dir, 'seg.nhdr'),
      '--out',
      join(dir, 'o'),
    ]);
    expect(code).toBe(1);
    expect(cli.errors).toHaveLength(1);
    expect(cli.errors[0]).toMatch(re);
    expect(cli.errors[0]!.includes('\n')).toBe(false);
  });

  it('a JSON sidecar next to the label map names its labels; --label-names wins over it', async () => {
    const dir = tmp();
    await detachedSegVert(dir, 'seg.nhdr', 'seg.raw', 'seg.raw');
    writeFileSync(join(dir, 'seg.json'), JSON.stringify({ 22: 'third_lumbar' }));
    const out = join(dir, 'out');
    expect(
      await main(['reconstruct', `${LUMBAR}/ct.nii.gz`, '--labels', join(dir, 'seg.nhdr'), '--out', out]),
    ).toBe(0);
    expect(summaryOf(out).meshes[0].name).toBe('L2');
    expect(summaryOf(out).meshes.map((m: Mesh) => m.name)).toEqual(['L2', 'third_lumbar', 'L4']);
    writeFileSync(join(dir, 'names.json'), JSON.stringify({ 22: 'from_option' }));
    const out2 = join(dir, 'out2');
    const code = await main([
      'reconstruct',
      `${LUMBAR}/ct.nii.gz`,
      '--labels',
      join(dir, 'seg.nhdr'),
      '--label-names',
      join(dir, 'names.json'),
      '--out',
      out2,
    ]);
    expect(cli.errors).toEqual([]);
    expect(code).toBe(0);
    expect(summaryOf(out2).meshes.map((m: Mesh) => m.name)).toEqual(['L2', 'from_option', 'L4']);
  });

  it('--threshold bone with the vertebra labels splits the one HU bone component into bone_L2/L3/L4', async () => {
    const out = tmp();
    const code = await main([
      'reconstruct',
      `${LUMBAR}/ct.nii.gz`,
      '--labels',
      `${LUMBAR}/seg-vert.nii.gz`,
      '--threshold',
      'bone',
      '--select',
      '22=L3',
      '--out',
      out,
    ]);
    expect(cli.errors).toEqual([]);
    expect(code).toBe(0);
    const s = summaryOf(out);
    const names = s.meshes.map((m: Mesh) => m.name);
    expect(names.slice(0, 4)).toEqual(['L3', 'bone_L2', 'bone_L3', 'bone_L4']);
    expect(s.segmentation.bone.vertebrae).toEqual(['bone_L2', 'bone_L3', 'bone_L4']);
    for (const m of s.meshes as Mesh[]) expect([m.name, m.watertight]).toEqual([m.name, true]);
  });
});

describe.skipIf(!existsSync(CHEST))('reconstruct on the chest CTA', () => {
  it("TotalSegmentator's vertebrae_T12.nii.gz (values {0,1}) is named vertebrae_T12, not C1", async () => {
    const out = tmp();
    const code = await main([
      'reconstruct',
      `${CHEST}/ct.nii.gz`,
      '--labels',
      `${CHEST}/vertebrae_T12.nii.gz`,
      '--out',
      out,
    ]);
    expect(cli.errors).toEqual([]);
    expect(code).toBe(0);
    const s = summaryOf(out);
    expect(s.meshes.map((m: Mesh) => m.name)).toEqual(['vertebrae_T12']);
    expect(Object.values(s.labelNaming)).toEqual(['file-name']);
  });

  it('--split-blood-pool 1 writes heart_myocardium and heart_blood_pool from the heart label', async () => {
    const out = tmp();
    const code = await main([
      'reconstruct',
      `${CHEST}/ct.nii.gz`,
      '--labels',
      `${CHEST}/heart.nii.gz`,
      '--split-blood-pool',
      '1',
      '--decimate',
      '0.5',
      '--out',
      out,
    ]);
    expect(cli.errors).toEqual([]);
    expect(code).toBe(0);
    const s = summaryOf(out);
    const byName = new Map((s.meshes as Mesh[]).map((m) => [m.name, m]));
    expect([...byName.keys()]).toEqual(['heart', 'heart_myocardium', 'heart_blood_pool']);
    const bp = s.segmentation.bloodPool;
    expect(bp.label).toBe(1);
    expect(bp.otsu).toBe(true);
    expect(bp.thresholdHu).toBeGreaterThan(OTSU_HU[0]);
    expect(bp.thresholdHu).toBeLessThan(OTSU_HU[1]);
    // The two parts partition the heart label: their voxel volumes add up to the heart's exactly.
    const parts =
      byName.get('heart_myocardium')!.voxelVolumeMl + byName.get('heart_blood_pool')!.voxelVolumeMl;
    expect(Math.abs(parts - byName.get('heart')!.voxelVolumeMl)).toBeLessThan(1e-9 * parts);
    expect(byName.get('heart_blood_pool')!.watertight).toBe(true);
  });

  it('--split-blood-pool refuses an MRI and an absent label with one line', async () => {
    const out = tmp();
    expect(
      await main([
        'reconstruct',
        `${DATA}/abdomen-mr/mr.nii.gz`,
        '--labels',
        `${DATA}/abdomen-mr/seg.nii.gz`,
        '--split-blood-pool',
        '5',
        '--out',
        out,
      ]),
    ).toBe(1);
    expect(cli.errors[0]).toMatch(/--split-blood-pool needs a contrast CT \(HU\); .*mr\.nii\.gz is an MRI/);
    cli.errors.length = 0;
    expect(
      await main([
        'reconstruct',
        `${CHEST}/ct.nii.gz`,
        '--labels',
        `${CHEST}/aorta.nii.gz`,
        '--split-blood-pool',
        '51',
        '--out',
        out,
      ]),
    ).toBe(1);
    expect(cli.errors).toHaveLength(1);
    expect(cli.errors[0]).toMatch(/--split-blood-pool: label 51 not found in .*aorta\.nii\.gz/);
  });
});
