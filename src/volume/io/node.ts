// Node-only file access for the volume readers (CLI, tests, benchmarks): reads paths into bytes and
// calls readVolume. A directory path is read as a DICOM series folder (every regular file in it,
// hidden files skipped). Not re-exported from ./index (browser bundles must not pull in node:fs).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Volume } from '../types';
import { VolumeReadError } from './errors';
import { readVolume, type InputFile, type ReadOptions } from './index';

function load(path: string): InputFile[] {
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
  return [{ name: path, bytes: readFileSync(path) }];
}

export async function readVolumeFromPath(path: string | string[], opts?: ReadOptions): Promise<Volume> {
  const paths = Array.isArray(path) ? path : [path];
  return readVolume(paths.flatMap(load), opts);
}
