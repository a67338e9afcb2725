// Node path reader: a directory is read as a DICOM series; missing paths are named errors. Also the
// budget message format promised to users (what to change).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVolumeFromPath } from '../../../src/volume/io/node';
import { checkBudget } from '../../../src/volume/budget';
import { smallVolume } from './make-files';
import { volumeToDicomSeries } from './make-dicom';

describe('readVolumeFromPath', () => {
  it('reads a DICOM folder (files without extension) and names missing files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dcm-'));
    try {
      const v = smallVolume([6, 5, 4]);
      for (const f of volumeToDicomSeries(v)) writeFileSync(join(dir, f.name), f.bytes);
      const got = await readVolumeFromPath(dir);
      expect(got.dims).toEqual(v.dims);
      expect(Array.from(got.data)).toEqual(Array.from(v.data));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await expect(readVolumeFromPath('/nonexistent/ct.nii.gz')).rejects.toThrow(
      /^\/nonexistent\/ct\.nii\.gz: file not found/,
    );
  });
});

describe('checkBudget', () => {
  it('says what needs how much and what to change', () => {
    expect(() => checkBudget(1024 * 1024 * 900 * 2, 'volume 1024x1024x900 int16', 'ct.nii.gz')).toThrow(
      'ct.nii.gz: volume 1024x1024x900 int16 needs 1.8 GB, over the 1.5 GB budget — crop or downsample it (e.g. resample to 1.0 mm) or raise the budget',
    );
    expect(() => checkBudget(100, 'x', 'f', 1000)).not.toThrow();
  });
});
