// Procedural phantom: HU per tissue, orientation in RAS+, determinism and option checks (2 mm grid for
// speed). Expected HU ranges are the tissue values of the issue text (fat ~-100, soft tissue ~40, lung ~-850,
// air -1000, myocardium ~50, contrast blood ~300, cortical ~1000 / trabecular ~250 HU, disc ~80 HU).
import { beforeAll, describe, expect, it } from 'vitest';
import { generatePhantom, PHANTOM_LABELS, type PhantomOptions } from '../../../src/volume/phantom';
import type { LabelledVolume } from '../../../src/volume/types';
import { fraction, labelStats, median, type LabelStats } from './helpers';

/** Median HU window per tissue: issue value +- 30 HU (the generator adds <= 6 HU noise, lungs +-45 HU texture). */
const HU_WINDOW = 30;
const EXPECTED_HU: [RegExp, number][] = [
  [/^lung_/, -850],
  [/^trachea$/, -1000],
  [/^heart_myocardium$/, 50],
  [/_blood$/, 300],
  [/^aorta$/, 300],
  [/^disc_/, 80],
  [/^body$/, 40],
];

let pv: LabelledVolume;
let stats: Map<string, LabelStats>;
const get = (name: string): LabelStats => {
  const s = stats.get(name);
  if (!s) throw new Error(`no label ${name}`);
  return s;
};

beforeAll(() => {
  pv = generatePhantom({ voxelMm: 2 });
  stats = labelStats(pv);
});

describe('phantom volume containers', () => {
  it('CT in HU and label map share one axis-aligned grid centred near the origin', () => {
    const { image, labels } = pv;
    expect(image.modality).toBe('CT');
    expect(image.units).toBe('HU');
    expect(image.data).toBeInstanceOf(Int16Array);
    expect(labels.modality).toBe('label');
    expect(labels.units).toBe('label');
    expect(labels.data).toBeInstanceOf(Uint8Array);
    expect(labels.dims).toEqual(image.dims);
    expect(Array.from(labels.ijkToWorld)).toEqual(Array.from(image.ijkToWorld));
    const A = image.ijkToWorld;
    expect(A[0]).toBe(2);
    expect(A[5]).toBe(2);
    expect(A[10]).toBe(2);
    for (const off of [1, 2, 4, 6, 8, 9]) expect(A[off]).toBe(0);
    // Field of view ~340 x 250 x 190 mm (issue text), centred: the grid centre is within a voxel of 0.
    const fov = image.dims.map((n) => n * 2);
    expect(fov[0]).toBeGreaterThan(320);
    expect(fov[0]).toBeLessThan(360);
    expect(fov[1]).toBeGreaterThan(240);
    expect(fov[1]).toBeLessThan(260);
    expect(fov[2]).toBeGreaterThanOrEqual(180);
    expect(fov[2]).toBeLessThanOrEqual(200);
    for (let a = 0; a < 3; a++)
      expect(Math.abs(A[4 * a + 3]! + ((image.dims[a]! - 1) * 2) / 2)).toBeLessThan(1e-9);
  });

  it('every label is named, has a colour and occurs in the map', () => {
    const names = PHANTOM_LABELS.map((l) => l.name);
    for (const n of [
      'body',
      'lung_left',
      'lung_right',
      'trachea',
      'heart_myocardium',
      'lv_blood',
      'rv_blood',
    ]) {
      expect(names).toContain(n);
    }
    for (const n of ['la_blood', 'ra_blood', 'aorta']) expect(names).toContain(n);
    expect(names.filter((n) => /^vertebra_T\d+$/.test(n)).length).toBeGreaterThanOrEqual(3);
    expect(names.filter((n) => /^disc_T\d+_T\d+$/.test(n)).length).toBeGreaterThanOrEqual(2);
    expect(new Set(PHANTOM_LABELS.map((l) => l.value)).size).toBe(PHANTOM_LABELS.length);
    for (const l of PHANTOM_LABELS) {
      expect(l.color).toHaveLength(3);
      expect(get(l.name).count).toBeGreaterThan(0);
    }
  });
});

describe('phantom HU per tissue', () => {
  it('median HU of each label is within the tissue window', () => {
    for (const l of PHANTOM_LABELS) {
      const rule = EXPECTED_HU.find(([re]) => re.test(l.name));
      if (!rule) continue;
      expect(Math.abs(median(get(l.name).hu) - rule[1]), l.name).toBeLessThanOrEqual(HU_WINDOW);
    }
    expect(median(pv.image.data.subarray(0, 1) as Int16Array)).toBeLessThan(-990); // corner voxel is outside air
  });

  it('lungs carry a mild texture (not a constant)', () => {
    const hu = get('lung_left').hu;
    // Spread between the 10th and 90th percentile: visible texture, but far from soft tissue.
    const spread = hu[Math.floor(hu.length * 0.9)]! - hu[Math.floor(hu.length * 0.1)]!;
    expect(spread).toBeGreaterThan(20);
    expect(hu[hu.length - 1]!).toBeLessThan(-700);
  });

  it('body holds both fat and soft tissue layers', () => {
    const body = get('body').hu;
    expect(fraction(body, -130, -70)).toBeGreaterThan(0.05);
    expect(fraction(body, 20, 60)).toBeGreaterThan(0.5);
  });

  it('vertebrae: cortical and trabecular bone are separable by HU', () => {
    for (const name of ['vertebra_T5', 'vertebra_T7', 'vertebra_T9']) {
      const hu = get(name).hu;
      expect(median(hu), name).toBeGreaterThan(200);
      expect(median(hu), name).toBeLessThan(1000);
      // Trabecular core ~250 HU and cortical shell ~1000 HU are both present, with a clear gap between.
      expect(fraction(hu, 200, 300), name).toBeGreaterThan(0.2);
      expect(fraction(hu, 950, 1050), name).toBeGreaterThan(0.1);
      expect(fraction(hu, 350, 650), name).toBeLessThan(0.02);
    }
  });
});

describe('phantom orientation (RAS+: +x patient right, +y anterior, +z superior)', () => {
  it('left-sided structures have smaller x than right-sided ones', () => {
    expect(get('lung_left').centroid[0]).toBeLessThan(get('lung_right').centroid[0]);
    expect(get('lv_blood').centroid[0]).toBeLessThan(get('rv_blood').centroid[0]);
    expect(get('la_blood').centroid[0]).toBeLessThan(get('ra_blood').centroid[0]);
    // The heart sits in the left-anterior mediastinum.
    expect(get('heart_myocardium').centroid[0]).toBeLessThan(0);
    expect(get('heart_myocardium').centroid[1]).toBeGreaterThan(0);
  });

  it('the apex points left, anterior and inferior (base LA -> LV cavity direction)', () => {
    const la = get('la_blood').centroid;
    const lv = get('lv_blood').centroid;
    expect(lv[0] - la[0]).toBeLessThan(0);
    expect(lv[1] - la[1]).toBeGreaterThan(0);
    expect(lv[2] - la[2]).toBeLessThan(0);
  });

  it('the spine is posterior midline and the arch/trachea are superior', () => {
    const heartY = get('heart_myocardium').centroid[1];
    for (const l of PHANTOM_LABELS.filter((q) => q.name.startsWith('vertebra_'))) {
      const c = get(l.name).centroid;
      expect(c[1]).toBeLessThan(heartY);
      expect(Math.abs(c[0])).toBeLessThan(1);
    }
    const heartTop = get('heart_myocardium').maxZ;
    expect(get('aorta').maxZ).toBeGreaterThan(heartTop);
    expect(get('trachea').maxZ).toBeGreaterThan(heartTop);
    // Vertebrae are ordered superior to inferior by level number.
    const zs = PHANTOM_LABELS.filter((q) => q.name.startsWith('vertebra_')).map(
      (q) => get(q.name).centroid[2],
    );
    for (let n = 1; n < zs.length; n++) expect(zs[n]).toBeLessThan(zs[n - 1]!);
  });
});

describe('phantom determinism and options', () => {
  it('same options give byte-identical volumes', () => {
    const again = generatePhantom({ voxelMm: 2 });
    expect(Buffer.from(again.image.data.buffer).equals(Buffer.from(pv.image.data.buffer))).toBe(true);
    expect(Buffer.from(again.labels.data.buffer).equals(Buffer.from(pv.labels.data.buffer))).toBe(true);
  });

  it('rejects voxel sizes outside 0.5..3 mm with a clear message', () => {
    for (const bad of [0.4, 3.5, 0, -1, Number.NaN, Number.POSITIVE_INFINITY, '1' as unknown as number]) {
      expect(() => generatePhantom({ voxelMm: bad } as PhantomOptions)).toThrow(
        /voxelMm must be a number between 0.5 and 3/,
      );
    }
  });
});
