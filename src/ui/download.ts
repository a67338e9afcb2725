// Downloads for the export actions of every panel (the blob-URL download itself is src/app/download.ts) and
// file-name hygiene. No units.
export { download } from '../app/download';

/** A file-name-safe version of a label ("heart myocardium / Vm" → "heart_myocardium_Vm"). */
export function safeName(name: string): string {
  return name.replace(/[^a-z0-9_.-]+/gi, '_').replace(/^_+|_+$/g, '') || 'scene';
}

/** "12.5" for times in file names (no trailing zeros, no exponent for ordinary values). */
export function msLabel(t: number): string {
  return String(Number(t.toFixed(2)));
}
