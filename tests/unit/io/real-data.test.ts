// Real-scan tests (../shared/data): heart mask on a larger grid resampled onto the chest CT (README:
// ct voxel (i,j,k) = heart voxel (i+72, j+13, k); heart ~669 ml), lumbar CT with permuted axes (anatomy
// must come out right in RAS), abdomen MR labels named by the TotalSegmentator total_mr scheme.
import { describe, expect, it } from 'vitest';
import { readVolume } from '../../../src/volume/io';
import { resampleLabelsTo } from '../../../src/volume/resample';
import { knownLabelScheme, labelValues } from '../../../src/volume/labels';
import { applyAffine } from '../../../src/volume/affine';
import type { Volume } from '../../../src/volume/types';
import { dataFile } from './make-files';

function centroidWorld(v: Volume, value: number): number[] {
  const [nx, ny] = v.dims;
  const s: [number, number, number] = [0, 0, 0];
  let n = 0;
  for (let t = 0; t < v.data.length; t++) {
    if (v.data[t] !== value) continue;
    const i = t % nx,
      j = Math.floor(t / nx) % ny,
      k = Math.floor(t / (nx * ny));
    const p = applyAffine(v.ijkToWorld, i, j, k);
    s[0] += p[0];
    s[1] += p[1];
    s[2] += p[2];
    n++;
  }
  return s.map((x) => x / n);
}

describe('chest-cta heart mask resampled onto the CT grid', () => {
  it('matches the README offset exactly and keeps ~669 ml in its own grid', async () => {
    const ct = await readVolume(dataFile('chest-cta/ct.nii.gz'));
    const heart = await readVolume(dataFile('chest-cta/heart.nii.gz'), { kind: 'label' });
    expect(heart.dims).toEqual([233, 167, 191]);
    const ml =
      (labelValues(heart)[0]!.voxels * heart.spacing[0] * heart.spacing[1] * heart.spacing[2]) / 1000;
    // README states "~669 ml"; 1 ml rounding in the README.
    expect(Math.abs(ml - 669)).toBeLessThan(1);
    const r = resampleLabelsTo(heart, ct);
    expect(r.dims).toEqual(ct.dims);
    const [nx, ny, nz] = ct.dims;
    const [hx, hy] = heart.dims;
    let mismatches = 0,
      ones = 0;
    for (let k = 0; k < nz; k++)
      for (let j = 0; j < ny; j++)
        for (let i = 0; i < nx; i++) {
          const a = r.data[i + nx * (j + ny * k)]!;
          const b = heart.data[i + 72 + hx * (j + 13 + hy * k)]!;
          if (a !== b) mismatches++;
          ones += a;
        }
    expect(mismatches).toBe(0);
    expect(ones).toBeGreaterThan(0);
  });
});

describe('lumbar-ct with permuted axes', () => {
  it('has a non-diagonal affine and anatomically ordered vertebrae in RAS', async () => {
    const ct = await readVolume(dataFile('lumbar-ct/ct.nii.gz'));
    const seg = await readVolume(dataFile('lumbar-ct/seg-vert.nii.gz'), { kind: 'label' });
    const sub = await readVolume(dataFile('lumbar-ct/seg-subreg.nii.gz'), { kind: 'label' });
    const m = ct.ijkToWorld;
    expect(
      Math.abs(m[1]!) +
        Math.abs(m[2]!) +
        Math.abs(m[4]!) +
        Math.abs(m[6]!) +
        Math.abs(m[8]!) +
        Math.abs(m[9]!),
    ).toBeGreaterThan(1);
    expect(Array.from(seg.ijkToWorld)).toEqual(Array.from(ct.ijkToWorld));
    expect(labelValues(seg).map((l) => l.value)).toEqual([21, 22, 23]);
    // RAS: +z superior, so L2 above L3 above L4; +y anterior, so vertebral body (50) in front of the spinous process (42).
    const [l2, l3, l4] = [21, 22, 23].map((v) => centroidWorld(seg, v));
    expect(l2![2]!).toBeGreaterThan(l3![2]!);
    expect(l3![2]!).toBeGreaterThan(l4![2]!);
    expect(centroidWorld(sub, 50)[1]!).toBeGreaterThan(centroidWorld(sub, 42)[1]!);
    // L3 in the CT: mean HU inside the L3 mask is bone-like (> 150 HU; cancellous bone ~ 150-400, cortical > 1000).
    let s = 0,
      n = 0;
    for (let t = 0; t < seg.data.length; t++)
      if (seg.data[t] === 22) {
        s += ct.data[t]!;
        n++;
      }
    expect(s / n).toBeGreaterThan(150);
  });
});

describe('abdomen-mr total_mr labels', () => {
  it('label values are TotalSegmentator total_mr classes named as in the data README', async () => {
    const seg = await readVolume(dataFile('abdomen-mr/seg.nii.gz'), { kind: 'label' });
    const scheme = new Map(knownLabelScheme('total_mr').map((l) => [l.value, l.name]));
    const values = labelValues(seg).map((l) => l.value);
    for (const v of values) expect(scheme.has(v)).toBe(true);
    const readme: Record<number, string> = {
      1: 'spleen',
      2: 'kidney_right',
      3: 'kidney_left',
      5: 'liver',
      11: 'lung_right',
      19: 'vertebrae',
      21: 'spinal_cord',
      23: 'aorta',
      24: 'inferior_vena_cava',
    };
    for (const [v, name] of Object.entries(readme)) expect(scheme.get(Number(v))).toBe(name);
    const mr = await readVolume(dataFile('abdomen-mr/mr.nii.gz'));
    expect(mr.modality).toBe('MR');
    expect(mr.dims).toEqual([117, 91, 20]);
  });
});
