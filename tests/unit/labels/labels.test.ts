// Label helpers: table parsing (JSON, 3D Slicer .ctbl, ITK-SNAP), TotalSegmentator schemes, organ
// classes by name, value counts; and resampleToSpacing on analytic data (linear ramps are reproduced
// exactly by trilinear interpolation; world positions of voxel 0 and of the axes are preserved).
import { describe, expect, it } from 'vitest';
import { classifyLabel, knownLabelScheme, labelValues, parseLabelTable } from '../../../src/volume/labels';
import { resampleToSpacing } from '../../../src/volume/resample';
import { applyAffine } from '../../../src/volume/affine';
import { VolumeReadError } from '../../../src/volume/io';
import type { Volume } from '../../../src/volume/types';

describe('parseLabelTable', () => {
  it('JSON object, JSON array, Slicer colour table and ITK-SNAP label file', () => {
    expect(parseLabelTable('a.json', '{"22":"L3","21":"L2"}')).toEqual([
      { value: 21, name: 'L2' },
      { value: 22, name: 'L3' },
    ]);
    const arr = parseLabelTable('b.json', '[{"value":1,"name":"heart","color":[255,0,0]}]');
    expect(arr[0]).toEqual({ value: 1, name: 'heart', color: [1, 0, 0] });
    const slicer = parseLabelTable('c.ctbl', '# Color table\n0 background 0 0 0 0\n51 heart 204 51 51 255\n');
    expect(slicer.map((l) => l.name)).toEqual(['background', 'heart']);
    expect(slicer[1]!.color![0]).toBeCloseTo(0.8, 6);
    const itk = parseLabelTable(
      'd.txt',
      '################################################\n# ITK-SnAP Label Description File\n    0     0    0    0        0  0  0    "Clear Label"\n   22   255  128    0        1  1  1    "vertebra L3"\n',
    );
    expect(itk.find((l) => l.value === 22)?.name).toBe('vertebra L3');
  });
  it('bad tables are VolumeReadErrors naming the file', () => {
    expect(() => parseLabelTable('x.json', '{"a":')).toThrow(VolumeReadError);
    expect(() => parseLabelTable('x.ctbl', 'heart 1 2 3')).toThrow(/x\.ctbl: line 1/);
    expect(() => parseLabelTable('x.ctbl', '# only comments')).toThrow(/no entries/);
  });
});

describe('schemes and classes', () => {
  it('TotalSegmentator total: 117 classes with heart=51, L3=29, lung lobes 10-14', () => {
    const t = knownLabelScheme('total');
    expect(t.length).toBe(117);
    const byValue = new Map(t.map((l) => [l.value, l.name]));
    expect(byValue.get(51)).toBe('heart');
    expect(byValue.get(29)).toBe('vertebrae_L3');
    expect([10, 11, 12, 13, 14].map((v) => classifyLabel(byValue.get(v)!))).toEqual(Array(5).fill('lung'));
    expect(byValue.get(117)).toBe('costal_cartilages');
  });
  it('classifies names from several conventions', () => {
    const cases: [string, string][] = [
      ['heart', 'heart'],
      ['heart_myocardium', 'heart'],
      ['heart_ventricle_left', 'heart'],
      ['atrial_appendage_left', 'heart'],
      ['lung_upper_lobe_left', 'lung'],
      ['lung_right', 'lung'],
      ['vertebrae_L3', 'vertebra'],
      ['L3', 'vertebra'],
      ['T12', 'vertebra'],
      ['vertebra_T8', 'vertebra'],
      ['vertebrae', 'vertebra'],
      ['intervertebral_discs', 'other'],
      ['aorta', 'vessel'],
      ['pulmonary_vein', 'vessel'],
      ['trachea', 'airway'],
      ['liver', 'other'],
      ['spinal_cord', 'other'],
    ];
    for (const [name, cls] of cases) expect([name, classifyLabel(name)]).toEqual([name, cls]);
  });
  it('labelValues counts distinct non-zero values', () => {
    const v = { data: new Uint8Array([0, 3, 3, 1, 0, 3]) } as unknown as Volume;
    expect(labelValues(v)).toEqual([
      { value: 1, voxels: 1 },
      { value: 3, voxels: 3 },
    ]);
    const w = { data: new Int16Array([-2, 500, 500, 0]) } as unknown as Volume;
    expect(labelValues(w)).toEqual([
      { value: -2, voxels: 1 },
      { value: 500, voxels: 2 },
    ]);
  });
});

describe('resampleToSpacing', () => {
  it('linear reproduces a linear ramp exactly and keeps world positions', () => {
    const dims: [number, number, number] = [9, 7, 5];
    const data = new Float32Array(9 * 7 * 5);
    // f(world) = 2x + 3y - z with the affine below: value at voxel = f(applyAffine(m, i, j, k)).
    const m = new Float64Array([0, 0, 2, 10, -1, 0, 0, 5, 0, 1.5, 0, -3, 0, 0, 0, 1]);
    const f = (p: number[]) => 2 * p[0]! + 3 * p[1]! - p[2]!;
    for (let k = 0; k < 5; k++)
      for (let j = 0; j < 7; j++)
        for (let i = 0; i < 9; i++) data[i + 9 * (j + 7 * k)] = f(applyAffine(m, i, j, k));
    const v: Volume = {
      name: 'ramp',
      dims,
      spacing: [1, 1.5, 2],
      ijkToWorld: m,
      data,
      modality: 'other',
      units: 'a.u.',
    };
    const r = resampleToSpacing(v, 0.5, 'linear');
    expect(r.dims).toEqual([17, 19, 17]);
    let worst = 0;
    const [nx, ny] = r.dims;
    for (let t = 0; t < r.data.length; t++) {
      const w = applyAffine(r.ijkToWorld, t % nx, Math.floor(t / nx) % ny, Math.floor(t / (nx * ny)));
      worst = Math.max(worst, Math.abs(r.data[t]! - f(w)));
    }
    // float32 storage of values up to ~60: 1e-4 absolute.
    expect(worst).toBeLessThan(1e-4);
  });
  it('nearest keeps label values and type', () => {
    const data = new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]);
    const m = new Float64Array([2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1]);
    const v: Volume = {
      name: 'l',
      dims: [2, 2, 2],
      spacing: [2, 2, 2],
      ijkToWorld: m,
      data,
      modality: 'label',
      units: 'label',
    };
    const r = resampleToSpacing(v, 1, 'linear');
    expect(r.data).toBeInstanceOf(Uint8Array);
    expect(r.dims).toEqual([3, 3, 3]);
    expect(r.data[26]).toBe(7);
    expect(new Set(r.data)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7]));
  });
});
