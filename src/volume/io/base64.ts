// Base64 decoding for VTI inline/appended data. VTK encodes the block header and the data as separate
// base64 runs, each with its own '=' padding, so we decode run by run. No units or frames.
import { VolumeReadError } from './errors';

const LUT = new Int16Array(256).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  .split('')
  .forEach((c, t) => (LUT[c.charCodeAt(0)] = t));

export function base64Decode(text: string, file: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let t = 0; t < text.length; t++) {
    const c = text.charCodeAt(t);
    if (c === 61) {
      // '=' ends a run: drop partial bits, start a new run.
      acc = 0;
      bits = 0;
      continue;
    }
    const v = c < 256 ? LUT[c]! : -1;
    if (v < 0) {
      if (c === 32 || c === 10 || c === 13 || c === 9) continue;
      throw new VolumeReadError(file, `invalid base64 character '${text[t]}' in VTI data`);
    }
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
      acc &= (1 << bits) - 1;
    }
  }
  return out.subarray(0, o);
}
