// Fuzz: mutated NRRD (attached raw/gzip/ascii, detached header + data) and VTI (vtk.js binary/zlib,
// ascii, appended raw) files end in a valid Volume or a VolumeReadError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'fflate';
import vtkImageData from '@kitware/vtk.js/Common/DataModel/ImageData.js';
import vtkDataArray from '@kitware/vtk.js/Common/Core/DataArray.js';
import vtkXMLImageDataWriter from '@kitware/vtk.js/IO/XML/XMLImageDataWriter.js';
import { bytesOf, concat, makeNrrdHeader, smallVolume, text } from '../io/make-files';
import { binaryMutation, checkRead, fuzzFiles, gzipMutation, textMutation } from './harness';

const v = smallVolume([6, 5, 4]);
const raw = bytesOf(v.data);
const hdr = (enc: string, extra: string[] = []) => makeNrrdHeader(v, [`encoding: ${enc}`, ...extra]);
const nrrdRaw = concat(text(hdr('raw') + '\n'), raw);
const nrrdGz = concat(text(hdr('gzip') + '\n'), gzipSync(raw));
const nrrdAscii = text(hdr('ascii') + '\n' + Array.from(v.data).join(' ') + '\n');
const detached = [
  { name: 'd.nhdr', bytes: text(hdr('gzip', ['data file: d.raw.gz'])) },
  { name: 'd.raw.gz', bytes: gzipSync(raw) },
];

function vti(format: 'binary' | 'ascii'): Uint8Array {
  const img = vtkImageData.newInstance();
  img.setDimensions(v.dims[0], v.dims[1], v.dims[2]);
  img.setSpacing([...v.spacing]);
  img
    .getPointData()
    .setScalars(vtkDataArray.newInstance({ name: 's', values: v.data, numberOfComponents: 1 }));
  const w = vtkXMLImageDataWriter.newInstance();
  w.setFormat(format);
  w.setBlockSize(128);
  return text(w.write(img));
}
function vtiAppended(): Uint8Array {
  const head = `<?xml version="1.0"?>\n<VTKFile type="ImageData" version="1.0" byte_order="LittleEndian" header_type="UInt32">\n<ImageData WholeExtent="0 5 0 4 0 3" Origin="1 2 3" Spacing="0.5 0.5 2" Direction="0 1 0 1 0 0 0 0 1">\n<Piece Extent="0 5 0 4 0 3"><PointData Scalars="s"><DataArray type="Int16" Name="s" format="appended" offset="0"/></PointData></Piece>\n</ImageData>\n<AppendedData encoding="raw">\n_`;
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, raw.length, true);
  return concat(text(head), len, raw, text('\n</AppendedData>\n</VTKFile>\n'));
}

const both = (n: number) => fc.oneof(textMutation(n), binaryMutation(n));

describe('NRRD fuzz', () => {
  it('base files read cleanly', () => {
    for (const b of [nrrdRaw, nrrdGz, nrrdAscii])
      expect(checkRead([{ name: 'a.nrrd', bytes: b }])).toBe('ok');
    expect(checkRead(detached)).toBe('ok');
  });
  it('attached raw / gzip / ascii', () => {
    const c1 = fuzzFiles([{ name: 'r.nrrd', bytes: nrrdRaw }], both(400), 400);
    const c2 = fuzzFiles([{ name: 'g.nrrd', bytes: nrrdGz }], fc.oneof(both(400), gzipMutation()), 300);
    const c3 = fuzzFiles([{ name: 'a.nrrd', bytes: nrrdAscii }], both(400), 200);
    expect(c1.error + c2.error + c3.error).toBeGreaterThan(0);
  });
  it('detached header and data file', () => {
    const c1 = fuzzFiles(detached, textMutation(400), 200, 0);
    const c2 = fuzzFiles(detached, gzipMutation(), 200, 1);
    expect(c1.error + c2.error).toBeGreaterThan(0);
  });
});

describe('VTI fuzz', () => {
  const files = { bin: vti('binary'), ascii: vti('ascii'), app: vtiAppended() };
  it('base files read cleanly', () => {
    for (const b of Object.values(files)) expect(checkRead([{ name: 'a.vti', bytes: b }])).toBe('ok');
  });
  it('binary zlib, ascii and appended raw', () => {
    const len = (b: Uint8Array) => b.length;
    const c1 = fuzzFiles([{ name: 'b.vti', bytes: files.bin }], both(len(files.bin)), 500);
    const c2 = fuzzFiles([{ name: 'a.vti', bytes: files.ascii }], both(800), 200);
    const c3 = fuzzFiles([{ name: 'p.vti', bytes: files.app }], both(len(files.app)), 400);
    expect(c1.error + c2.error + c3.error).toBeGreaterThan(0);
  });
});
