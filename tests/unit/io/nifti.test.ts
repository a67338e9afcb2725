// NIfTI reader/writer tests: real chest CT header facts (../shared/data README), NIfTI-2, big-endian,
// qform fallback, scaling, writeNifti round trips (int8/uint8/int16/uint16/int32/float32/float64), and
// specific errors for bad files.
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { readVolume, writeNifti, VolumeReadError } from '../../../src/volume/io';
import { applyAffine } from '../../../src/volume/affine';
import { dataFile, gunzip, nifti1To2, nifti1ToBigEndian, smallVolume } from './make-files';

/** Float32 header storage of affine entries: relative error ~6e-8 of ~500 mm magnitudes. */
const F32_MM_TOL = 1e-4;

function expectSameVolume(
  a: { data: ArrayLike<number>; dims: number[]; ijkToWorld: Float64Array },
  b: typeof a,
  tol = F32_MM_TOL,
) {
  expect(b.dims).toEqual(a.dims);
  for (let t = 0; t < 16; t++) expect(Math.abs(b.ijkToWorld[t]! - a.ijkToWorld[t]!)).toBeLessThan(tol);
  expect(b.data.length).toBe(a.data.length);
  let diff = 0;
  for (let t = 0; t < a.data.length; t++) if (a.data[t] !== b.data[t]) diff++;
  expect(diff).toBe(0);
}

describe('NIfTI reader on real data', () => {
  it('reads chest-cta ct.nii.gz: 120x126x164 @1.5 mm int16, HU -1078..3343 (data README)', async () => {
    const ct = await readVolume(dataFile('chest-cta/ct.nii.gz'));
    expect(ct.dims).toEqual([120, 126, 164]);
    for (const s of ct.spacing) expect(Math.abs(s - 1.5)).toBeLessThan(1e-6);
    expect(ct.data).toBeInstanceOf(Int16Array);
    let lo = Infinity,
      hi = -Infinity;
    for (const x of ct.data) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    expect([lo, hi]).toEqual([-1078, 3343]);
    expect(ct.modality).toBe('CT');
    expect(ct.units).toBe('HU');
  });

  it('writeNifti round trip (plain and gzip) preserves data and affine', async () => {
    const ct = await readVolume(dataFile('lumbar-ct/ct.nii.gz'));
    for (const gzip of [false, true]) {
      const back = await readVolume({ name: 'rt.nii', bytes: writeNifti(ct, { gzip }) });
      expectSameVolume(ct, back);
    }
    const seg = await readVolume(dataFile('lumbar-ct/seg-vert.nii.gz'), { kind: 'label' });
    const back = await readVolume(
      { name: 'seg.nii.gz', bytes: writeNifti(seg, { gzip: true }) },
      { kind: 'label' },
    );
    expectSameVolume(seg, back);
    expect(back.modality).toBe('label');
  });
});

describe('writeNifti -> readVolume round trip per datatype (real lumbar CT and labels)', () => {
  const types = (ct: { data: ArrayLike<number> }, seg: { data: ArrayLike<number> }) =>
    [
      // [name, data, kind, array type the reader must return, modality]
      ['int8 labels', Int8Array.from(seg.data), 'label', Int8Array, 'label'],
      // uint16 without negative values is not taken for CT: the reader calls it MR a.u. (documented guess)
      ['uint16 (HU + 1024)', Uint16Array.from(ct.data, (x) => x + 1024), 'image', Uint16Array, 'MR'],
      ['int32 HU', Int32Array.from(ct.data), 'image', Int32Array, 'CT'],
      ['float32 HU + 0.25', Float32Array.from(ct.data, (x) => x + 0.25), 'image', Float32Array, 'CT'],
      // x + 1/3 is not representable in float32: float64 must survive untouched
      ['float64 HU + 1/3', Float64Array.from(ct.data, (x) => x + 1 / 3), 'image', Float64Array, 'CT'],
      ['float32 labels', Float32Array.from(seg.data), 'label', Uint8Array, 'label'],
    ] as const;

  it.each([false, true])('gzip %s: data, type and affine survive', async (gzip) => {
    const ct = await readVolume(dataFile('lumbar-ct/ct.nii.gz'));
    const seg = await readVolume(dataFile('lumbar-ct/seg-vert.nii.gz'), { kind: 'label' });
    for (const [name, data, kind, Type, modality] of types(ct, seg)) {
      const v = { ...(kind === 'label' ? seg : ct), data };
      const bytes = writeNifti(v, { gzip });
      const back = await readVolume(
        { name: `${name}.nii`, bytes },
        { kind: kind === 'label' ? 'label' : undefined },
      );
      expect([name, back.data.constructor.name]).toEqual([name, Type.name]);
      expect([name, back.modality]).toEqual([name, modality]);
      expectSameVolume(v, back);
    }
  });
});

describe('NIfTI variants', () => {
  const v = smallVolume();
  const n1 = writeNifti(v);

  it('NIfTI-2 gives the same volume as NIfTI-1', async () => {
    expectSameVolume(
      await readVolume({ name: 'a.nii', bytes: n1 }),
      await readVolume({ name: 'a2.nii', bytes: nifti1To2(n1) }),
    );
  });

  it('big-endian NIfTI-1 gives the same volume', async () => {
    expectSameVolume(
      await readVolume({ name: 'a.nii', bytes: n1 }),
      await readVolume({ name: 'be.nii', bytes: nifti1ToBigEndian(n1, 2) }),
    );
  });

  it('gzip is detected by magic, not by extension', async () => {
    expectSameVolume(v, await readVolume({ name: 'no-extension', bytes: gzipSync(n1) }));
  });

  it('qform fallback: 90 deg rotation about z from the quaternion (b,c,d)=(0,0,sqrt(.5)), qfac -1', async () => {
    const b = Uint8Array.from(n1);
    const dv = new DataView(b.buffer);
    dv.setInt16(254, 0, true); // sform_code 0
    dv.setInt16(252, 1, true);
    dv.setFloat32(76, -1, true); // qfac
    dv.setFloat32(264, Math.SQRT1_2, true);
    [1, 2, 3].forEach((t) => dv.setFloat32(76 + 4 * t, t, true)); // pixdim 1,2,3
    dv.setFloat32(268, 7, true);
    const q = await readVolume({ name: 'q.nii', bytes: b });
    // Rotation by +90 deg about z maps i->+y, j->-x; qfac -1 flips k: expected by hand from the NIfTI-1 spec.
    const p = applyAffine(q.ijkToWorld, 1, 1, 1);
    const expected = [7 - 2, 1, -3];
    for (let t = 0; t < 3; t++) expect(Math.abs(p[t]! - expected[t]!)).toBeLessThan(1e-5);
    expect(q.spacing.map((s) => Math.round(s * 1e5) / 1e5)).toEqual([1, 2, 3]);
  });

  it('pixdim-only when neither sform nor qform is set', async () => {
    const b = Uint8Array.from(n1);
    new DataView(b.buffer).setInt16(254, 0, true);
    const p = await readVolume({ name: 'p.nii', bytes: b });
    expect(Array.from(p.ijkToWorld.subarray(0, 3))).toEqual([Math.fround(0.8), 0, 0]);
  });

  it('scl_slope/inter: integer scaling stays Int16, fractional goes Float32, slope 0 means none', async () => {
    const b = Uint8Array.from(n1);
    const dv = new DataView(b.buffer);
    dv.setFloat32(112, 2, true);
    dv.setFloat32(116, -3, true);
    const s = await readVolume({ name: 's.nii', bytes: b });
    expect(s.data).toBeInstanceOf(Int16Array);
    expect(s.data[7]).toBe(2 * v.data[7]! - 3);
    dv.setFloat32(112, 0.5, true);
    const f = await readVolume({ name: 'f.nii', bytes: b });
    expect(f.data).toBeInstanceOf(Float32Array);
    expect(f.data[7]).toBe(0.5 * v.data[7]! - 3);
    dv.setFloat32(112, 0, true);
    expect((await readVolume({ name: 'z.nii', bytes: b })).data[7]).toBe(v.data[7]);
  });
});

describe('NIfTI errors name the file and the problem', () => {
  const n1 = writeNifti(smallVolume());
  const expectError = async (bytes: Uint8Array, re: RegExp, opts = {}) => {
    const err = await readVolume({ name: 'bad.nii', bytes }, opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VolumeReadError);
    expect((err as Error).message).toMatch(/^bad\.nii: /);
    expect((err as Error).message).toMatch(re);
  };
  const patched = (f: (dv: DataView) => void) => {
    const b = Uint8Array.from(n1);
    f(new DataView(b.buffer));
    return b;
  };
  it('truncated data', () => expectError(n1.subarray(0, n1.length - 10), /truncated/));
  it('truncated header', () => expectError(n1.subarray(0, 200), /truncated/));
  it('wrong magic', () =>
    expectError(
      patched((d) => d.setUint8(345, 0x41)),
      /magic/,
    ));
  it('empty file', () => expectError(new Uint8Array(0), /empty/));
  it('unsupported datatype is named', () =>
    expectError(
      patched((d) => d.setInt16(70, 128, true)),
      /RGB24/,
    ));
  it('non-positive dims', () =>
    expectError(
      patched((d) => d.setInt16(42, -4, true)),
      /non-positive/,
    ));
  it('NaN affine', () =>
    expectError(
      patched((d) => d.setFloat32(280, NaN, true)),
      /affine/,
    ));
  it('zero-determinant affine', () =>
    expectError(
      patched((d) => {
        for (let t = 0; t < 12; t++) d.setFloat32(280 + 4 * t, 0, true);
      }),
      /determinant/,
    ));
  it('over budget, before allocating', () =>
    expectError(
      patched((d) => [42, 44, 46].forEach((o) => d.setInt16(o, 30000, true))),
      /budget/,
    ));
  it('budget option is honoured', () => expectError(n1, /budget/, { budgetBytes: 16 }));
  it('corrupt gzip stream', () => {
    const gz = gzipSync(gunzip(gzipSync(n1)));
    gz.fill(0xff, 20, 40);
    return expectError(gz, /gzip/);
  });
});
