// Node-only file access for the volume readers (CLI, tests, benchmarks): reads paths into bytes and
// calls readVolume. A directory path is read as a DICOM series folder (every regular file in it,
// hidden files skipped). A NRRD header with a 'data file:' line (.nhdr) brings its detached data file,
// resolved relative to the header's folder; absolute paths and '..' steps out of that folder are refused.
// Not re-exported from ./index (browser bundles must not pull in node:fs). No units or frames.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import type { Volume } from '../types';
import { VolumeReadError } from './errors';
import { readVolume, type InputFile, type ReadOptions } from './index';
import { nrrdDataFileName } from './nrrd';

const baseName = (p: string): string => p.split(/[\\/]/).pop() ?? p;

/** The detached data file named by a NRRD header at `path`, read relative to the header's folder, unless
 * a file of that name was given explicitly (`given`: base names of the paths the caller passed). */
function detachedData(path: string, bytes: Uint8Array, given: Set<string>): InputFile[] {
  const ref = nrrdDataFileName(path, bytes);
  // No data file, or a multi-file form (LIST / printf pattern) that readNrrd rejects with its own message.
  if (!ref || /^LIST$|%/.test(ref.split(/\s+/)[0] ?? '')) return [];
  if (given.has(baseName(ref))) return [];
  if (isAbsolute(ref) || /^[A-Za-z]:/.test(ref) || ref.split(/[\\/]/).includes('..'))
    throw new VolumeReadError(
      path,
      `detached data file '${ref}' must be a path inside the header's folder (absolute paths and '..' are not followed)`,
    );
  const full = join(dirname(path), ref);
  try {
    return [{ name: full, bytes: readFileSync(full) }];
  } catch {
    throw new VolumeReadError(path, `detached data file '${ref}' not found (looked for ${full})`);
  }
}

function load(path: string, given: Set<string>): InputFile[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new VolumeReadError(path, 'file not found');
  }
  if (st.isDirectory()) {
    const names = readdirSync(path)
      .filter((n) => !n.startsWith('.'))
      .sort();
    const files = names.map((n) => join(path, n)).filter((p) => statSync(p).isFile());
    if (files.length === 0)
      throw new VolumeReadError(path, 'directory has no files (expected a DICOM series)');
    return files.map((p) => ({ name: p, bytes: readFileSync(p) }));
  }
  const bytes = readFileSync(path);
  return [{ name: path, bytes }, ...detachedData(path, bytes, given)];
}

export async function readVolumeFromPath(path: string | string[], opts?: ReadOptions): Promise<Volume> {
  const paths = Array.isArray(path) ? path : [path];
  const given = new Set(paths.map(baseName));
  return readVolume(
    paths.flatMap((p) => load(p, given)),
    opts,
  );
}
