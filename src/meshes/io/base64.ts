// Base64 encode/decode of raw bytes (VTK XML "binary" inline data). No units. Works in Node, browsers
// and workers without Buffer or btoa.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(256).fill(-1);
for (let c = 0; c < 64; c++) LOOKUP[ALPHABET.charCodeAt(c)] = c;

export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk: number[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    chunk.push(ALPHABET.charCodeAt(n >> 18), ALPHABET.charCodeAt((n >> 12) & 63));
    chunk.push(
      b === undefined ? 61 : ALPHABET.charCodeAt((n >> 6) & 63),
      c === undefined ? 61 : ALPHABET.charCodeAt(n & 63),
    );
    if (chunk.length >= 8192) {
      parts.push(String.fromCharCode(...chunk));
      chunk.length = 0;
    }
  }
  parts.push(String.fromCharCode(...chunk));
  return parts.join('');
}

/** Decodes base64 (whitespace ignored); returns undefined on an invalid character. */
export function fromBase64(text: string): Uint8Array | undefined {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 61) break; // '=' padding ends the data
    if (ch === 32 || ch === 10 || ch === 13 || ch === 9) continue;
    const v = ch < 256 ? LOOKUP[ch]! : -1;
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}
