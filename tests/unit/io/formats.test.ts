// NRRD (attached/detached, raw/gzip/ascii, LPS->RAS) and VTI (vtk.js writer output, appended raw,
// ascii) readers against a known in-memory volume; detection by content; errors naming the file.
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import vtkImageData from '@kitware/vtk.js/Common/DataModel/ImageData.js';
import vtkDataArray from '@kitware/vtk.js/Common/Core/DataArray.js';
import vtkXMLImageDataWriter from '@kitware/vtk.js/IO/XML/XMLImageDataWriter.js';
import { readVolume, VolumeReadError } from '../../../src/volume/io';
import type { Volume } from '../../../src/volume/types';
import { bytesOf, concat, makeNrrdHeader, smallVolume, text } from './make-files';

/** NRRD/VTI store the affine as decimal text of float64: tolerance for string round-off. */
const TEXT_TOL = 1e-9;

function expectSame(a: Volume, b: Volume) {
  expect(b.dims).toEqual(a.dims);
  for (let t = 0; t < 16; t++) expect(Math.abs(b.ijkToWorld[t]! - a.ijkToWorld[t]!)).toBeLessThan(TEXT_TOL);
  let diff = 0;
  for (let t = 0; t < a.data.length; t++) if (a.data[t] !== b.data[t]) diff++;
  expect(diff).toBe(0);
}

const v = smallVolume();
const raw = bytesOf(v.data);

describe('NRRD', () => {
  it('attached raw, LPS space converted to RAS', async () => {
    const b = concat(text(makeNrrdHeader(v, ['encoding: raw']) + '\n'), raw);
    expectSame(v, await readVolume({ name: 'a.nrrd', bytes: b }));
  });
  it('attached gzip', async () => {
    const b = concat(text(makeNrrdHeader(v, ['encoding: gzip']) + '\n'), gzipSync(raw));
    expectSame(v, await readVolume({ name: 'a.nrrd', bytes: b }));
  });
  it('ascii', async () => {
    const b = text(makeNrrdHeader(v, ['encoding: ascii']) + '\n' + Array.from(v.data).join(' ') + '\n');
    expectSame(v, await readVolume({ name: 'a.nrrd', bytes: b }));
  });
  it('detached .nhdr + .raw.gz among the given files, big endian', async () => {
    const be = Uint8Array.from(raw);
    for (let o = 0; o < be.length; o += 2) be.subarray(o, o + 2).reverse();
    const hdr = makeNrrdHeader(v, ['encoding: gzip', 'data file: sub/vol.raw.gz']).replace(
      'endian: little',
      'endian: big',
    );
    const files = [
      { name: 'dir/vol.raw.gz', bytes: gzipSync(be) },
      { name: 'dir/vol.nhdr', bytes: text(hdr) },
    ];
    expectSame(v, await readVolume(files));
  });
  it('missing detached file and short data are named errors', async () => {
    const hdr = makeNrrdHeader(v, ['encoding: raw', 'data file: vol.raw']);
    await expect(readVolume({ name: 'vol.nhdr', bytes: text(hdr) })).rejects.toThrow(
      /vol\.nhdr: detached data file 'vol\.raw'/,
    );
    const b = concat(text(makeNrrdHeader(v, ['encoding: raw']) + '\n'), raw.subarray(0, 10));
    await expect(readVolume({ name: 'a.nrrd', bytes: b })).rejects.toThrow(/a\.nrrd: truncated/);
    const bad = text(makeNrrdHeader(v, ['encoding: raw'], 'long long') + '\n');
    await expect(readVolume({ name: 'a.nrrd', bytes: bad })).rejects.toThrow(
      /unsupported NRRD type 'long long'/,
    );
  });
});

function vtkImageOf(vol: Volume) {
  // Our smallVolume affine: rotation * diag(spacing); direction = rotation (row-major 3x3).
  const dir = [0, 1, 2].flatMap((r) => [0, 1, 2].map((c) => vol.ijkToWorld[r * 4 + c]! / vol.spacing[c]!));
  const img = vtkImageData.newInstance();
  img.setDimensions(vol.dims[0], vol.dims[1], vol.dims[2]);
  img.setSpacing([...vol.spacing]);
  img.setOrigin([vol.ijkToWorld[3]!, vol.ijkToWorld[7]!, vol.ijkToWorld[11]!]);
  (img.setDirection as unknown as (d: number[]) => boolean)(dir);
  img
    .getPointData()
    .setScalars(vtkDataArray.newInstance({ name: 'hu', values: vol.data, numberOfComponents: 1 }));
  return img;
}

describe('VTI', () => {
  it('reads the vtk.js XMLImageDataWriter output (binary, zlib blocks, base64)', async () => {
    const w = vtkXMLImageDataWriter.newInstance();
    w.setFormat('binary');
    const xml = w.write(vtkImageOf(v));
    expectSame(v, await readVolume({ name: 'w.vti', bytes: text(xml) }));
  });
  it('reads ascii and appended raw (UInt64 header)', async () => {
    const w = vtkXMLImageDataWriter.newInstance();
    w.setFormat('ascii');
    expectSame(v, await readVolume({ name: 'a.vti', bytes: text(w.write(vtkImageOf(v))) }));
    const dir = '0.8660254037844387 -0.5 0 0.5 0.8660254037844387 0 0 0 1';
    const head = `<?xml version="1.0"?>\n<VTKFile type="ImageData" version="1.0" byte_order="LittleEndian" header_type="UInt64">\n<ImageData WholeExtent="2 6 0 3 0 2" Origin="${-10 - 2 * 0.8660254037844387 * 0.8} ${20 - 2 * 0.5 * 0.8} 5" Spacing="0.8 1.2 2.5" Direction="${dir}">\n<Piece Extent="2 6 0 3 0 2"><PointData Scalars="s"><DataArray type="Int16" Name="s" format="appended" offset="0"/></PointData></Piece>\n</ImageData>\n<AppendedData encoding="raw">\n_`;
    const len = new Uint8Array(8);
    new DataView(len.buffer).setBigUint64(0, BigInt(raw.length), true);
    const b = concat(text(head), len, raw, text('\n</AppendedData>\n</VTKFile>\n'));
    const got = await readVolume({ name: 'app.vti', bytes: b });
    expect(got.dims).toEqual(v.dims);
    // extent start 2 along i shifts the origin back onto v's voxel 0 (tolerance: decimal text of the origin).
    for (let t = 0; t < 12; t++) expect(Math.abs(got.ijkToWorld[t]! - v.ijkToWorld[t]!)).toBeLessThan(1e-9);
    expect(Array.from(got.data)).toEqual(Array.from(v.data));
  });
  it('truncated appended data is a named error', async () => {
    const w = vtkXMLImageDataWriter.newInstance();
    w.setFormat('binary');
    const xml = w
      .write(vtkImageOf(v))
      .replace(/format="binary"([^>]*)>\s*([A-Za-z0-9+/=]{20})[^<]*/, 'format="binary"$1>$2');
    const err = await readVolume({ name: 't.vti', bytes: text(xml) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VolumeReadError);
    expect((err as Error).message).toMatch(/^t\.vti: VTI/);
  });
});
