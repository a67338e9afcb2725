// Gzip detection (by magic bytes 1f 8b, never by extension) and budget-checked decompression with fflate.
// Units: bytes. The gzip trailer's ISIZE (size mod 2^32) sizes the output buffer after a budget check;
// when the stream turns out larger than ISIZE we fall back to streaming with a running budget check,
// so a forged or corrupt trailer can never make us allocate beyond the budget.
import { gunzipSync, Gunzip } from 'fflate';
import { checkBudget, DEFAULT_BUDGET_BYTES } from '../budget';
import { VolumeReadError } from './errors';

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Gunzips `bytes` (first gzip member), throwing VolumeReadError for corrupt streams / over-budget sizes. */
export function gunzipChecked(bytes: Uint8Array, file: string, budget = DEFAULT_BUDGET_BYTES): Uint8Array {
  if (bytes.length < 18)
    throw new VolumeReadError(file, 'gzip stream truncated (shorter than a gzip header)');
  if (bytes[2] !== 8)
    throw new VolumeReadError(file, `gzip stream corrupt (unknown compression method ${bytes[2]})`);
  const n = bytes.length;
  const isize = (bytes[n - 4]! | (bytes[n - 3]! << 8) | (bytes[n - 2]! << 16) | (bytes[n - 1]! << 24)) >>> 0;
  try {
    if (isize + 1 <= budget) {
      const out = gunzipSync(bytes, { out: new Uint8Array(isize + 1) });
      if (out.length <= isize) return out;
    }
    return gunzipStreaming(bytes, file, budget);
  } catch (err) {
    if (err instanceof VolumeReadError || (err as { userError?: boolean }).userError) throw err;
    const msg = err instanceof Error ? err.message : String(err);
    throw new VolumeReadError(file, `gzip stream corrupt (${msg})`);
  }
}

function gunzipStreaming(bytes: Uint8Array, file: string, budget: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const g = new Gunzip((chunk, final) => {
    if (done) return; // ignore further gzip members
    total += chunk.length;
    checkBudget(total, 'decompressed data', file, budget);
    chunks.push(chunk);
    if (final) done = true;
  });
  const step = 1 << 20;
  for (let p = 0; p < bytes.length && !done; p += step) {
    g.push(bytes.subarray(p, Math.min(bytes.length, p + step)), p + step >= bytes.length);
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** Gunzips when the bytes start with the gzip magic, otherwise returns them unchanged. */
export function maybeGunzip(bytes: Uint8Array, file: string, budget?: number): Uint8Array {
  return isGzip(bytes) ? gunzipChecked(bytes, file, budget) : bytes;
}
