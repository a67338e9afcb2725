// Public face of the volume readers/writers: bytes in, Volume out (browser, worker and Node safe; no fs).
// Formats are detected by content (gzip magic, NIfTI sizeof_hdr, 'NRRD', '<VTKFile', 'DICM' at 128),
// extensions only as a hint. Every Volume is in world RAS+ mm (see ../types.ts); CT data in HU.
import { BudgetError } from '../budget';
import type { Volume } from '../types';
import { isDicom } from './dicom-file';
import { readDicomSeries } from './dicom';
import { VolumeReadError } from './errors';
import { isGzip } from './gzip';
import { looksLikeNifti } from './nifti-header';
import { readNifti } from './nifti';
import { looksLikeNrrd, readNrrd } from './nrrd';
import { looksLikeVti, readVti } from './vti';

export { VolumeReadError } from './errors';
export { writeNifti, readNifti } from './nifti';
export { readNrrd } from './nrrd';
export { readVti } from './vti';
export { readDicomSeries } from './dicom';
export { SUPPORTED_SYNTAXES as SUPPORTED_DICOM_SYNTAXES } from './dicom-file';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export interface ReadOptions {
  /** Max bytes for one volume's decoded data (default DEFAULT_BUDGET_BYTES). */
  budgetBytes?: number;
  /** 'label' => modality 'label', integer data, no value scaling. */
  kind?: 'image' | 'label';
  /** Non-fatal notes (e.g. several DICOM series given; the largest was used). */
  onWarning?: (msg: string) => void;
}

type Format = 'nifti' | 'nrrd' | 'vti' | 'dicom' | 'unknown';

export function detectFormat(f: InputFile): Format {
  const b = f.bytes;
  const lower = f.name.toLowerCase();
  if (isGzip(b)) return lower.endsWith('.nrrd') || lower.endsWith('.vti') ? 'unknown' : 'nifti';
  if (looksLikeNrrd(b)) return 'nrrd';
  if (isDicom(b)) return 'dicom';
  if (looksLikeVti(b)) return 'vti';
  if (looksLikeNifti(b)) return 'nifti';
  if (lower.endsWith('.dcm')) return 'dicom';
  return 'unknown';
}

function describe(f: InputFile): string {
  return f.bytes.length === 0
    ? 'file is empty'
    : 'unrecognised volume format (expected NIfTI .nii/.nii.gz, NRRD .nrrd/.nhdr, VTK .vti or DICOM)';
}

/** Reads one volume from one file, a NRRD header + its detached data, or a DICOM series. */
export async function readVolume(files: InputFile | InputFile[], opts: ReadOptions = {}): Promise<Volume> {
  await Promise.resolve();
  return readVolumeSync(Array.isArray(files) ? files : [files], opts);
}

export function readVolumeSync(list: InputFile[], opts: ReadOptions = {}): Volume {
  try {
    return dispatch(list, opts);
  } catch (err) {
    if (err instanceof BudgetError)
      throw new VolumeReadError(err.file, err.message.slice(err.file.length + 2));
    throw err;
  }
}

function dispatch(list: InputFile[], opts: ReadOptions): Volume {
  const first = list[0];
  if (!first) throw new VolumeReadError('(no file)', 'no input files given');
  const formats = list.map(detectFormat);
  const nrrdAt = formats.indexOf('nrrd');
  if (nrrdAt >= 0) {
    const header = list[nrrdAt]!;
    const findFile = (name: string) => {
      const base = name.split(/[\\/]/).pop();
      return list.find((f, t) => t !== nrrdAt && (f.name === name || f.name.split(/[\\/]/).pop() === base))
        ?.bytes;
    };
    return readNrrd(header.name, header.bytes, { ...opts, findFile });
  }
  if (list.length > 1) {
    const bad = list.findIndex((_, t) => formats[t] !== 'dicom');
    if (bad >= 0) {
      const f = list[bad]!;
      const what =
        formats[bad] === 'unknown'
          ? describe(f)
          : `a ${formats[bad]} file cannot be combined with other files`;
      throw new VolumeReadError(
        f.name,
        `${what} (several files are only accepted as a DICOM series or NRRD header + data)`,
      );
    }
    return readDicomSeries(list, opts);
  }
  switch (formats[0]) {
    case 'nifti':
      return readNifti(first.name, first.bytes, opts);
    case 'vti':
      return readVti(first.name, first.bytes, opts);
    case 'dicom':
      return readDicomSeries(list, opts);
    default:
      throw new VolumeReadError(first.name, describe(first));
  }
}
