// Fuzz: mutated DICOM Part-10 slices (one file of a 3-slice series, or a single slice) end in a valid
// Volume or a VolumeReadError (dicom-parser failures are wrapped as "DICOM parse failed").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallVolume } from '../io/make-files';
import { volumeToDicomSeries } from '../io/make-dicom';
import { binaryMutation, checkRead, fuzzFiles, textMutation } from './harness';

const series = volumeToDicomSeries(smallVolume([6, 5, 3]));

describe('DICOM fuzz', () => {
  it('base series reads cleanly', () => {
    expect(checkRead(series)).toBe('ok');
  });
  it('one slice of a series mutated', () => {
    const head = series[1]!.bytes.length - 60;
    const c = fuzzFiles(series, fc.oneof(binaryMutation(head), textMutation(head)), 600, 1);
    expect(c.error).toBeGreaterThan(0);
  });
  it('single slice mutated', () => {
    const one = [series[0]!];
    const c = fuzzFiles(one, binaryMutation(one[0]!.bytes.length), 500);
    expect(c.error).toBeGreaterThan(0);
  });
});
