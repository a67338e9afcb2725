// sRGB colours as the organ store keeps them (three components 0..1) and as HTML colour inputs and hand-written
// session files spell them ('#rrggbb', 8 bits per channel). fromHex accepts exactly '#' + 6 hex digits.
export type Rgb = [number, number, number];

const HEX = /^#[0-9a-f]{6}$/i;

/** '#rrggbb' of an sRGB 0..1 colour (components clamped to 0..1, rounded to 8 bits). */
export function toHex(c: Rgb): string {
  return `#${c.map((v) => Math.round(Math.min(1, Math.max(0, v)) * 255).toString(16).padStart(2, '0')).join('')}`;
}

/** sRGB 0..1 components of a '#rrggbb' string; undefined for anything else. */
export function fromHex(v: unknown): Rgb | undefined {
  if (typeof v !== 'string' || !HEX.test(v)) return undefined;
  const n = Number.parseInt(v.slice(1), 16);
  return [(n >> 16) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}
