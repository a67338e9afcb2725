// One DICOM Part-10 file -> the header fields we need for a CT/MR slice, and a view of its pixel data.
// Frame: ImagePositionPatient / ImageOrientationPatient are patient LPS mm (converted to RAS by the
// series assembler). Supported transfer syntaxes: implicit VR little endian, explicit VR little and big
// endian. Compressed syntaxes (JPEG, JPEG-LS, JPEG 2000, HTJ2K, RLE, deflate) are rejected by name.
import * as ns from 'dicom-parser';
import { VolumeReadError } from './errors';

type DicomParser = typeof ns;
const dicomParser = (
  (ns as unknown as { default?: DicomParser }).default?.parseDicom
    ? (ns as unknown as { default: DicomParser }).default
    : ns
) as DicomParser;

export const SUPPORTED_SYNTAXES: Record<string, string> = {
  '1.2.840.10008.1.2': 'Implicit VR Little Endian',
  '1.2.840.10008.1.2.1': 'Explicit VR Little Endian',
  '1.2.840.10008.1.2.2': 'Explicit VR Big Endian',
};

const COMPRESSED: Record<string, string> = {
  '1.2.840.10008.1.2.1.99': 'Deflated Explicit VR Little Endian',
  '1.2.840.10008.1.2.4.50': 'JPEG Baseline',
  '1.2.840.10008.1.2.4.51': 'JPEG Extended',
  '1.2.840.10008.1.2.4.57': 'JPEG Lossless',
  '1.2.840.10008.1.2.4.70': 'JPEG Lossless SV1',
  '1.2.840.10008.1.2.4.80': 'JPEG-LS Lossless',
  '1.2.840.10008.1.2.4.81': 'JPEG-LS Near-Lossless',
  '1.2.840.10008.1.2.4.90': 'JPEG 2000 Lossless',
  '1.2.840.10008.1.2.4.91': 'JPEG 2000',
  '1.2.840.10008.1.2.4.201': 'HTJ2K Lossless',
  '1.2.840.10008.1.2.4.202': 'HTJ2K Lossless RPCL',
  '1.2.840.10008.1.2.4.203': 'HTJ2K',
  '1.2.840.10008.1.2.5': 'RLE Lossless',
};

export function isDicom(b: Uint8Array): boolean {
  return b.length >= 132 && b[128] === 0x44 && b[129] === 0x49 && b[130] === 0x43 && b[131] === 0x4d;
}

export interface DicomSlice {
  file: string;
  seriesUid: string;
  modality: string;
  rows: number;
  cols: number;
  /** [row spacing (between rows, along j), column spacing (between columns, along i)] mm */
  pixelSpacing: [number, number];
  /** row direction (i) then column direction (j), LPS unit vectors */
  orientation: number[];
  /** LPS mm of the first transmitted pixel */
  position: [number, number, number];
  bitsAllocated: 8 | 16;
  signed: boolean;
  slope: number;
  intercept: number;
  littleEndian: boolean;
  sliceThickness?: number;
  instance?: number;
  pixels: Uint8Array;
}

function nums(s: string | undefined): number[] {
  return (s ?? '').split('\\').map((x) => Number(x.trim()));
}

export function parseDicomSlice(file: string, bytes: Uint8Array): DicomSlice {
  let ds: ns.DataSet;
  try {
    ds = dicomParser.parseDicom(bytes);
  } catch (err) {
    const ex = (err as { exception?: unknown } | null)?.exception;
    const msg = err instanceof Error ? err.message : typeof err === 'string' ? err : String(ex ?? err);
    throw new VolumeReadError(file, `DICOM parse failed (${msg.replace(/^dicomParser\.\w+: /, '')})`);
  }
  const str = (tag: string) => ds.string(tag);
  const ts = str('x00020010') ?? '1.2.840.10008.1.2';
  if (!SUPPORTED_SYNTAXES[ts]) {
    const supported = Object.values(SUPPORTED_SYNTAXES).join(', ');
    const name = COMPRESSED[ts];
    if (!name)
      throw new VolumeReadError(
        file,
        `unsupported DICOM transfer syntax '${ts.slice(0, 64)}' (supported: ${supported})`,
      );
    throw new VolumeReadError(
      file,
      `compressed DICOM (${name}) is not supported; supported: uncompressed ${supported} — convert with e.g. 'gdcmconv --raw' or dcm2niix`,
    );
  }
  const rows = ds.uint16('x00280010') ?? 0;
  const cols = ds.uint16('x00280011') ?? 0;
  if (!(rows > 0 && cols > 0))
    throw new VolumeReadError(file, `DICOM has no image (Rows=${rows}, Columns=${cols})`);
  const frames = Number(str('x00280008') ?? 1);
  if (frames > 1) throw new VolumeReadError(file, `multi-frame DICOM (${frames} frames) is not supported`);
  const spp = ds.uint16('x00280002') ?? 1;
  if (spp !== 1)
    throw new VolumeReadError(file, `DICOM with ${spp} samples per pixel (colour) is not supported`);
  const bits = ds.uint16('x00280100') ?? 0;
  if (bits !== 8 && bits !== 16)
    throw new VolumeReadError(file, `DICOM BitsAllocated ${bits} is not supported (8 or 16)`);
  const ps = nums(str('x00280030') ?? '1\\1');
  if (!(ps.length === 2 && ps.every((x) => Number.isFinite(x) && x > 0)))
    throw new VolumeReadError(file, `bad DICOM PixelSpacing '${str('x00280030')}'`);
  const iop = nums(str('x00200037') ?? '1\\0\\0\\0\\1\\0');
  if (!(iop.length === 6 && iop.every(Number.isFinite)))
    throw new VolumeReadError(file, `bad DICOM ImageOrientationPatient '${str('x00200037')}'`);
  const ipp = nums(str('x00200032') ?? '0\\0\\0');
  if (!(ipp.length === 3 && ipp.every(Number.isFinite)))
    throw new VolumeReadError(file, `bad DICOM ImagePositionPatient '${str('x00200032')}'`);
  const slopeS = ds.floatString('x00281053');
  const interS = ds.floatString('x00281052');
  const slope = slopeS !== undefined && Number.isFinite(slopeS) && slopeS !== 0 ? slopeS : 1;
  const intercept = interS !== undefined && Number.isFinite(interS) ? interS : 0;
  const pd = ds.elements.x7fe00010;
  if (!pd) throw new VolumeReadError(file, 'DICOM has no pixel data');
  if (pd.encapsulatedPixelData)
    throw new VolumeReadError(file, 'DICOM pixel data is encapsulated (compressed)');
  const need = rows * cols * (bits / 8);
  if (pd.dataOffset + need > bytes.length || pd.length < need)
    throw new VolumeReadError(
      file,
      `DICOM pixel data truncated (${Math.min(pd.length, bytes.length - pd.dataOffset)} of ${need} bytes)`,
    );
  const thick = ds.floatString('x00180050');
  return {
    file,
    seriesUid: str('x0020000e') ?? '',
    modality: str('x00080060') ?? '',
    rows,
    cols,
    pixelSpacing: [ps[0]!, ps[1]!],
    orientation: iop,
    position: [ipp[0]!, ipp[1]!, ipp[2]!],
    bitsAllocated: bits,
    signed: (ds.uint16('x00280103') ?? 0) === 1,
    slope,
    intercept,
    littleEndian: ts !== '1.2.840.10008.1.2.2',
    sliceThickness: thick !== undefined && Number.isFinite(thick) && thick > 0 ? thick : undefined,
    instance: ds.intString('x00200013'),
    pixels: bytes.subarray(pd.dataOffset, pd.dataOffset + need),
  };
}
