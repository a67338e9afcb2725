// The app's EP tissue rule (src/app/workers/solver-ep-tissue.ts) on the real chest CTA (../shared/data, read in
// place): an unsplit whole-heart label on the contrast CT becomes heart minus blood pool minus fat (the same
// function and numbers as `simulate ep --volume --labels`, tests/unit/ep/chest-cta.test.ts), a label named
// myocardium is used as it is, and a heart without contrast (the same CT with the heart's voxels replaced by
// unenhanced soft-tissue values) is used whole with a note saying why. Units ml, HU.
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readVolumeFromPath } from '../../../src/volume/io/node';
import { labelsOnGrid } from '../../../src/volume/resample';
import type { Volume } from '../../../src/volume/types';
import { epTissue } from '../../../src/app/workers/solver-ep-tissue';
import { BLOOD_POOL_VALUE, MYOCARDIUM_VALUE } from '../../../src/solvers/ep';

const DATA = '../shared/data/chest-cta';
// Myocardial mass of an adult heart ≈ 150-350 g at 1.05 g/ml (as in chest-cta.test.ts).
const MYOCARDIUM_ML: [number, number] = [130, 330];
// Unenhanced blood and myocardium both read ≈ 30-60 HU: a heart filled with this band shows no contrast.
const PLAIN_HU: [number, number] = [35, 55];

describe.skipIf(!existsSync(DATA))('EP tissue in the app on the chest CTA', () => {
  let ct: Volume;
  let heart: Volume;
  beforeAll(async () => {
    ct = await readVolumeFromPath(`${DATA}/ct.nii.gz`);
    const raw = await readVolumeFromPath(`${DATA}/heart.nii.gz`, { kind: 'label' });
    // the app's merged label map: on the CT grid, the heart under its file's name
    heart = { ...labelsOnGrid(raw, ct), labels: [{ value: 1, name: 'heart' }] };
  });

  it('a whole-heart label on the contrast CT becomes myocardium, with the blood pool as the cavity', () => {
    const t = epTissue(heart, ct, [1], []);
    expect(t.tissue).toEqual([MYOCARDIUM_VALUE]);
    expect(t.cavities).toEqual([BLOOD_POOL_VALUE]);
    const ml = Number(/: (\d+) ml, blood (\d+) ml/.exec(t.note ?? '')?.[1]);
    const blood = Number(/blood (\d+) ml/.exec(t.note ?? '')?.[1]);
    expect(t.note).toMatch(/^myocardium = 'heart' minus the contrast blood pool \(Otsu \d+ HU\) and fat/);
    expect(ml).toBeGreaterThan(MYOCARDIUM_ML[0]);
    expect(ml).toBeLessThan(MYOCARDIUM_ML[1]);
    expect(blood).toBeGreaterThan(ml); // chambers hold most of the heart label
    let myo = 0;
    for (const v of t.labels.data) if (v === MYOCARDIUM_VALUE) myo++;
    const mlPerVoxel = (ct.spacing[0] * ct.spacing[1] * ct.spacing[2]) / 1000;
    expect(Math.abs(myo * mlPerVoxel - ml)).toBeLessThan(1);
  });

  it('a label named myocardium, or one with cavities given, is used as it is', () => {
    const named = { ...heart, labels: [{ value: 1, name: 'heart_myocardium' }] };
    expect(epTissue(named, ct, [1], [])).toEqual({ labels: named, tissue: [1], cavities: [] });
    expect(epTissue(heart, ct, [1], [7])).toEqual({ labels: heart, tissue: [1], cavities: [7] });
    expect(epTissue(heart, undefined, [1], [])).toEqual({ labels: heart, tissue: [1], cavities: [] });
  });

  it('without contrast the heart is used whole, and the note says so', () => {
    const plain = { ...ct, data: Int16Array.from(ct.data as Int16Array) };
    let k = 0;
    for (let p = 0; p < plain.data.length; p++)
      if (heart.data[p] === 1) plain.data[p] = PLAIN_HU[0] + (k++ % (PLAIN_HU[1] - PLAIN_HU[0]));
    const t = epTissue(heart, plain, [1], []);
    expect(t.labels).toBe(heart);
    expect(t.tissue).toEqual([1]);
    expect(t.note).toMatch(/used whole \(blood pool included\): no contrast blood inside it \(Otsu \d+ HU < 150 HU\)/);
    const mr = { ...ct, units: 'a.u.' as Volume['units'] };
    expect(epTissue(heart, mr, [1], []).note).toMatch(/not a CT in HU/);
  });
});
