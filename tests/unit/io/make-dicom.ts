// Test helper: a minimal DICOM Part-10 writer (uncompressed: explicit VR little endian by default, implicit
// VR little endian and explicit VR big endian on request; the file meta group is always explicit VR little
// endian, as the standard requires) to build CT/MR slice series from a Volume. Geometry: the Volume's RAS
// affine is converted to DICOM patient LPS (x, y negated) for ImagePositionPatient /
// ImageOrientationPatient; PixelSpacing = [row, column] mm.
import { flipLpsRas } from '../../../src/volume/affine';
import type { Volume } from '../../../src/volume/types';

type El = { tag: number; vr: string; value: Uint8Array };
const LONG_VR = new Set(['OB', 'OW', 'OF', 'SQ', 'UT', 'UN']);

function str(tag: number, vr: string, s: string): El {
  const pad = s.length % 2 === 1 ? (vr === 'UI' ? '\0' : ' ') : '';
  return { tag, vr, value: new TextEncoder().encode(s + pad) };
}
function us(tag: number, v: number): El {
  const b = new Uint8Array(2);
  new DataView(b.buffer).setUint16(0, v, true);
  return { tag, vr: 'US', value: b };
}
function ul(tag: number, v: number): El {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, v, true);
  return { tag, vr: 'UL', value: b };
}
const ds = (xs: number[]) => xs.map((x) => Number(x.toPrecision(10)).toString()).join('\\');

export const IMPLICIT_LE = '1.2.840.10008.1.2';
export const EXPLICIT_LE = '1.2.840.10008.1.2.1';
export const EXPLICIT_BE = '1.2.840.10008.1.2.2';
type Encoding = 'explicit-le' | 'implicit-le' | 'explicit-be';
/** Bytes per number of the binary VRs written here (values are built little endian, swapped for BE). */
const WORD: Record<string, number> = { US: 2, UL: 4, OW: 2 };

function encode(els: El[], enc: Encoding = 'explicit-le'): Uint8Array {
  const parts: Uint8Array[] = [];
  const le = enc !== 'explicit-be';
  for (const e of [...els].sort((a, b) => a.tag - b.tag)) {
    const long = enc === 'implicit-le' || LONG_VR.has(e.vr);
    const h = new Uint8Array(enc === 'implicit-le' ? 8 : long ? 12 : 8);
    const dv = new DataView(h.buffer);
    dv.setUint16(0, e.tag >>> 16, le);
    dv.setUint16(2, e.tag & 0xffff, le);
    if (enc === 'implicit-le') dv.setUint32(4, e.value.length, true);
    else {
      h[4] = e.vr.charCodeAt(0);
      h[5] = e.vr.charCodeAt(1);
      if (long) dv.setUint32(8, e.value.length, le);
      else dv.setUint16(6, e.value.length, le);
    }
    let value = e.value;
    const w = WORD[e.vr];
    if (!le && w) {
      value = Uint8Array.from(e.value);
      for (let o = 0; o + w <= value.length; o += w) value.subarray(o, o + w).reverse();
    }
    parts.push(h, value);
  }
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export interface SliceSpec {
  rows: number;
  cols: number;
  pixelSpacing: [number, number];
  iop: number[];
  ipp: number[];
  pixels: Uint16Array | Int16Array | Uint8Array;
  signed?: boolean;
  slope?: number;
  intercept?: number;
  seriesUid?: string;
  modality?: string;
  transferSyntax?: string;
  instance?: number;
}

export function makeDicomSlice(s: SliceSpec): Uint8Array {
  const ts = s.transferSyntax ?? EXPLICIT_LE;
  const enc: Encoding =
    ts === IMPLICIT_LE ? 'implicit-le' : ts === EXPLICIT_BE ? 'explicit-be' : 'explicit-le';
  const bits = s.pixels.BYTES_PER_ELEMENT * 8;
  const meta = [
    { tag: 0x00020001, vr: 'OB', value: new Uint8Array([0, 1]) },
    str(0x00020002, 'UI', '1.2.840.10008.5.1.4.1.1.2'),
    str(0x00020003, 'UI', `1.2.3.4.${s.instance ?? 1}`),
    str(0x00020010, 'UI', ts),
  ];
  const metaBytes = encode(meta);
  const group = encode([ul(0x00020000, metaBytes.length)]);
  const body = encode(
    [
      str(0x00080060, 'CS', s.modality ?? 'CT'),
      str(0x0020000e, 'UI', s.seriesUid ?? '1.2.3.4.5'),
      str(0x00200013, 'IS', String(s.instance ?? 1)),
      str(0x00200032, 'DS', ds(s.ipp)),
      str(0x00200037, 'DS', ds(s.iop)),
      us(0x00280002, 1),
      str(0x00280004, 'CS', 'MONOCHROME2'),
      us(0x00280010, s.rows),
      us(0x00280011, s.cols),
      str(0x00280030, 'DS', ds(s.pixelSpacing)),
      us(0x00280100, bits),
      us(0x00280101, bits),
      us(0x00280102, bits - 1),
      us(0x00280103, s.signed ? 1 : 0),
      str(0x00281052, 'DS', String(s.intercept ?? 0)),
      str(0x00281053, 'DS', String(s.slope ?? 1)),
      {
        tag: 0x7fe00010,
        vr: bits === 8 ? 'OB' : 'OW',
        value: new Uint8Array(s.pixels.buffer, s.pixels.byteOffset, s.pixels.byteLength),
      },
    ],
    enc,
  );
  const out = new Uint8Array(132 + group.length + metaBytes.length + body.length);
  out.set([0x44, 0x49, 0x43, 0x4d], 128);
  out.set(group, 132);
  out.set(metaBytes, 132 + group.length);
  out.set(body, 132 + group.length + metaBytes.length);
  return out;
}

/** One DICOM file per k-slice of an int16 HU volume, stored as uint16 raw = HU + 2048 (slope 1, intercept -2048). */
export function volumeToDicomSeries(
  v: Volume,
  opts: { seriesUid?: string; start?: number; count?: number; transferSyntax?: string } = {},
): { name: string; bytes: Uint8Array }[] {
  const lps = flipLpsRas(v.ijkToWorld);
  const col = (c: number) => [lps[c]!, lps[4 + c]!, lps[8 + c]!];
  const norm = (x: number[]) => {
    const l = Math.hypot(x[0]!, x[1]!, x[2]!);
    return x.map((y) => y / l);
  };
  const [nx, ny, nz] = v.dims;
  const per = nx * ny;
  const files: { name: string; bytes: Uint8Array }[] = [];
  const k0 = opts.start ?? 0;
  const k1 = Math.min(nz, k0 + (opts.count ?? nz));
  for (let k = k0; k < k1; k++) {
    const px = new Uint16Array(per);
    for (let p = 0; p < per; p++) px[p] = v.data[k * per + p]! + 2048;
    const ipp = [0, 1, 2].map((r) => lps[r * 4 + 2]! * k + lps[r * 4 + 3]!);
    files.push({
      name: `IM${String(k).padStart(4, '0')}`,
      bytes: makeDicomSlice({
        rows: ny,
        cols: nx,
        pixelSpacing: [v.spacing[1], v.spacing[0]],
        iop: [...norm(col(0)), ...norm(col(1))],
        ipp,
        pixels: px,
        slope: 1,
        intercept: -2048,
        seriesUid: opts.seriesUid,
        transferSyntax: opts.transferSyntax,
        instance: k + 1,
      }),
    });
  }
  return files;
}
