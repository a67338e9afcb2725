// DICOM series tests with files built by ./make-dicom.ts from a slab of the real lumbar CT (permuted,
// non-diagonal affine): shuffled slice order, rescale to HU, LPS->RAS, the three uncompressed transfer
// syntaxes (explicit VR LE, implicit VR LE, explicit VR BE), and specific errors (compressed transfer
// syntax, inconsistent slice, missing slice, several series).
import { describe, expect, it } from 'vitest';
import { readVolume, VolumeReadError } from '../../../src/volume/io';
import { dataFile } from './make-files';
import { EXPLICIT_BE, IMPLICIT_LE, makeDicomSlice, volumeToDicomSeries } from './make-dicom';
import type { Volume } from '../../../src/volume/types';

/** DS strings carry 10 significant digits here; float32 NIfTI affine: 1e-3 mm is generous and still strict. */
const DS_MM_TOL = 1e-3;

async function lumbar(): Promise<Volume> {
  return readVolume(dataFile('lumbar-ct/ct.nii.gz'));
}

function shuffled<T>(xs: T[]): T[] {
  const a = [...xs];
  for (let t = a.length - 1; t > 0; t--) {
    const u = (t * 7919) % (t + 1);
    [a[t], a[u]] = [a[u]!, a[t]!];
  }
  return a;
}

describe('DICOM series', () => {
  it('reconstructs volume and affine from shuffled slices of the lumbar CT', async () => {
    const ct = await lumbar();
    const files = shuffled(volumeToDicomSeries(ct));
    const d = await readVolume(files);
    expect(d.dims).toEqual(ct.dims);
    for (let t = 0; t < 16; t++)
      expect(Math.abs(d.ijkToWorld[t]! - ct.ijkToWorld[t]!)).toBeLessThan(DS_MM_TOL);
    expect(d.data).toBeInstanceOf(Int16Array);
    let diff = 0;
    for (let t = 0; t < ct.data.length; t++) if (d.data[t] !== ct.data[t]) diff++;
    expect(diff).toBe(0);
    expect(d.modality).toBe('CT');
    expect(d.units).toBe('HU');
  });

  it.each([
    ['implicit VR little endian', IMPLICIT_LE],
    ['explicit VR big endian', EXPLICIT_BE],
  ])('%s series gives the same volume and affine', async (_, ts) => {
    const ct = await lumbar();
    const files = shuffled(volumeToDicomSeries(ct, { transferSyntax: ts }));
    // The body really is in that syntax: big endian stores Rows (0028,0010) as 00 28 00 10; implicit VR
    // writes no 'US' after the tag.
    const rows = [0x00, 0x28, 0x00, 0x10];
    const b = files[0]!.bytes;
    const at = (pat: number[]) => b.findIndex((_, o) => pat.every((x, t) => b[o + t] === x));
    if (ts === EXPLICIT_BE) expect(at(rows)).toBeGreaterThan(132);
    else expect(at([0x28, 0x00, 0x10, 0x00, 0x55, 0x53])).toBe(-1);
    const d = await readVolume(files);
    expect(d.dims).toEqual(ct.dims);
    for (let t = 0; t < 16; t++)
      expect(Math.abs(d.ijkToWorld[t]! - ct.ijkToWorld[t]!)).toBeLessThan(DS_MM_TOL);
    let diff = 0;
    for (let t = 0; t < ct.data.length; t++) if (d.data[t] !== ct.data[t]) diff++;
    expect(diff).toBe(0);
    expect(d.modality).toBe('CT');
  });

  it('rejects compressed transfer syntaxes by name', async () => {
    const ct = await lumbar();
    const f = volumeToDicomSeries(ct, { count: 1 })[0]!;
    const slice = makeDicomSlice({
      rows: 2,
      cols: 2,
      pixelSpacing: [1, 1],
      iop: [1, 0, 0, 0, 1, 0],
      ipp: [0, 0, 0],
      pixels: new Uint16Array(4),
      transferSyntax: '1.2.840.10008.1.2.4.90',
    });
    await expect(readVolume({ name: 'j2k.dcm', bytes: slice })).rejects.toThrow(
      /j2k\.dcm: compressed DICOM \(JPEG 2000 Lossless\)/,
    );
    const rle = makeDicomSlice({
      rows: 2,
      cols: 2,
      pixelSpacing: [1, 1],
      iop: [1, 0, 0, 0, 1, 0],
      ipp: [0, 0, 0],
      pixels: new Uint16Array(4),
      transferSyntax: '1.2.840.10008.1.2.5',
    });
    await expect(readVolume([f, { name: 'rle', bytes: rle }])).rejects.toThrow(
      /rle: compressed DICOM \(RLE Lossless\)/,
    );
  });

  it('names the slice that does not fit the series', async () => {
    const ct = await lumbar();
    const files = volumeToDicomSeries(ct, { count: 5 });
    const odd = makeDicomSlice({
      rows: 3,
      cols: 3,
      pixelSpacing: [1.5, 1.5],
      iop: [0, 1, 0, 0, 0, -1],
      ipp: [0, 0, 99],
      pixels: new Uint16Array(9),
    });
    files[3] = { name: 'IM-odd', bytes: odd };
    await expect(readVolume(files)).rejects.toThrow(/IM-odd: inconsistent DICOM series: size 3x3/);
    const gap = volumeToDicomSeries(ct, { count: 6 }).filter((_, t) => t !== 3);
    const err = await readVolume(gap).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VolumeReadError);
    expect((err as Error).message).toMatch(/irregular slice spacing/);
  });

  it('picks the largest of several series and says so', async () => {
    const ct = await lumbar();
    const a = volumeToDicomSeries(ct, { count: 6, seriesUid: '1.2.3.1' });
    const b = volumeToDicomSeries(ct, { count: 3, seriesUid: '1.2.3.2' }).map((f) => ({
      ...f,
      name: 'B' + f.name,
    }));
    const warnings: string[] = [];
    const d = await readVolume([...b, ...a], { onWarning: (m) => warnings.push(m) });
    expect(d.dims[2]).toBe(6);
    expect(warnings.join()).toMatch(/2 DICOM series/);
  });

  it('truncated pixel data and garbage are named errors', async () => {
    const ct = await lumbar();
    const f = volumeToDicomSeries(ct, { count: 1 })[0]!;
    await expect(
      readVolume({ name: 'cut.dcm', bytes: f.bytes.subarray(0, f.bytes.length - 100) }),
    ).rejects.toThrow(/cut\.dcm: DICOM (pixel data truncated|parse failed)/);
    const junk = new Uint8Array(300);
    junk.set([0x44, 0x49, 0x43, 0x4d], 128);
    await expect(readVolume({ name: 'junk.dcm', bytes: junk })).rejects.toThrow(/junk\.dcm: /);
  });
});
