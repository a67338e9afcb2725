// Node path reader: a directory is read as a DICOM series; a .nhdr brings its detached data file (relative
// to the header, or given explicitly); missing paths are named errors. Also the budget message format
// promised to users (what to change).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVolumeFromPath } from '../../../src/volume/io/node';
import { checkBudget } from '../../../src/volume/budget';
import { makeNrrdHeader, smallVolume } from './make-files';
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

describe('readVolumeFromPath with a detached NRRD', () => {
  it('reads the data file named by the header, or the one given next to it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nhdr-'));
    try {
      const v = smallVolume([6, 5, 4]);
      const raw = new Uint8Array(v.data.buffer, v.data.byteOffset, v.data.byteLength);
      writeFileSync(join(dir, 'v.nhdr'), makeNrrdHeader(v, ['encoding: raw', 'data file: v.raw']));
      writeFileSync(join(dir, 'v.raw'), raw);
      const a = await readVolumeFromPath(join(dir, 'v.nhdr'));
      expect(Array.from(a.data)).toEqual(Array.from(v.data));
      // Header pointing at a file that is not beside it, but the caller gives that file explicitly.
      mkdirSync(join(dir, 'elsewhere'));
      writeFileSync(join(dir, 'elsewhere', 'w.raw'), raw);
      writeFileSync(join(dir, 'w.nhdr'), makeNrrdHeader(v, ['encoding: raw', 'data file: w.raw']));
      const b = await readVolumeFromPath([join(dir, 'w.nhdr'), join(dir, 'elsewhere', 'w.raw')]);
      expect(Array.from(b.data)).toEqual(Array.from(v.data));
      await expect(readVolumeFromPath(join(dir, 'w.nhdr'))).rejects.toThrow(
        /w\.nhdr: detached data file 'w\.raw' not found \(looked for .*w\.raw\)/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
