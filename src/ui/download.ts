// Local downloads (blob URLs, no network) and file-name hygiene shared by the export actions of every panel.
// No units.

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file-name-safe version of a label ("heart myocardium / Vm" → "heart_myocardium_Vm"). */
export function safeName(name: string): string {
  return name.replace(/[^a-z0-9_.-]+/gi, '_').replace(/^_+|_+$/g, '') || 'scene';
}

/** "12.5" for times in file names (no trailing zeros, no exponent for ordinary values). */
export function msLabel(t: number): string {
  return String(Number(t.toFixed(2)));
}
