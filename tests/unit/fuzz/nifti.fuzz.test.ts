// Fuzz: mutated NIfTI-1/-2 files (plain, big-endian, gzip) end in a valid Volume or a VolumeReadError.
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import { writeNifti } from '../../../src/volume/io';
import { nifti1To2, nifti1ToBigEndian, smallVolume } from '../io/make-files';
import { binaryMutation, checkRead, fuzzFiles, gzipMutation } from './harness';

const n1 = writeNifti(smallVolume([6, 5, 4]));

describe('NIfTI fuzz', () => {
  it('base files read cleanly', () => {
    for (const b of [n1, nifti1To2(n1), nifti1ToBigEndian(n1, 2), gzipSync(n1)])
      expect(checkRead([{ name: 'x.nii', bytes: b }])).toBe('ok');
  });
  it('NIfTI-1 header/data mutations', () => {
    const c = fuzzFiles([{ name: 'f.nii', bytes: n1 }], binaryMutation(352), 700);
    expect(c.ok + c.error).toBe(700);
    expect(c.error).toBeGreaterThan(0);
  });
  it('NIfTI-2 mutations', () => {
    const c = fuzzFiles([{ name: 'f2.nii', bytes: nifti1To2(n1) }], binaryMutation(544), 400);
    expect(c.error).toBeGreaterThan(0);
  });
  it('big-endian mutations', () => {
    const c = fuzzFiles([{ name: 'be.nii', bytes: nifti1ToBigEndian(n1, 2) }], binaryMutation(352), 300);
    expect(c.error).toBeGreaterThan(0);
  });
  it('gzip stream corruption', () => {
    const c = fuzzFiles([{ name: 'g.nii.gz', bytes: gzipSync(n1) }], gzipMutation(), 400);
    expect(c.error).toBeGreaterThan(0);
  });
});
