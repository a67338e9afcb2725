// Colormaps for scalar fields, defined here from our own control points (sRGB 0..1, piecewise-linear in sRGB)
// and baked into 256-entry lookup tables that the field shader samples (see fieldMaterial.ts). No three.js
// imports: pure data, unit-tested in Node. Units: none (t in [0, 1] maps the field's display range).
//
// - viridis:  perceptually ordered dark purple → blue → green → yellow (9 control points, monotonic lightness).
// - turbo:    rainbow-like dark blue → cyan → green → yellow → red → dark red (11 points), for high contrast.
// - coolwarm: diverging blue → light grey → red (Moreland-style), for signed fields (e.g. principal stress).
// - voltage:  our map for transmembrane potential Vm: resting tissue deep navy, early depolarisation blue,
//             upstroke crimson, plateau orange, peak pale yellow. With the default range −90..+30 mV the
//             resting potential (≈ −85 mV) reads navy and the plateau (≈ 0..+20 mV) orange-yellow.

export type ColormapName = 'viridis' | 'turbo' | 'coolwarm' | 'voltage';

export const COLORMAP_NAMES: readonly ColormapName[] = ['viridis', 'turbo', 'coolwarm', 'voltage'];

type Stop = readonly [t: number, r: number, g: number, b: number]; // r, g, b in 0..255

const hex = (t: number, h: string): Stop => [
  t,
  parseInt(h.slice(0, 2), 16),
  parseInt(h.slice(2, 4), 16),
  parseInt(h.slice(4, 6), 16),
];

const STOPS: Record<ColormapName, readonly Stop[]> = {
  viridis: ['440154', '472d7b', '3b528b', '2c728e', '21918c', '28ae80', '5ec962', 'addc30', 'fde725'].map((h, i) =>
    hex(i / 8, h),
  ),
  turbo: ['30123b', '4662d8', '36aaf9', '1ae4b6', '72fe5e', 'c8ef34', 'faba39', 'f66b19', 'd23105', 'a01101', '7a0403'].map(
    (h, i) => hex(i / 10, h),
  ),
  coolwarm: [hex(0, '3b4cc0'), hex(0.25, '8db0fe'), hex(0.5, 'dddddd'), hex(0.75, 'f49a7b'), hex(1, 'b40426')],
  voltage: [hex(0, '141852'), hex(0.3, '2450b8'), hex(0.55, 'b8203c'), hex(0.78, 'f08c1e'), hex(1, 'fff0a0')],
};

/** Colour at t (clamped to [0, 1]) as sRGB 0..1. Writes into `out` when given (no allocation). */
export function sampleColormap(
  name: ColormapName,
  t: number,
  out: [number, number, number] = [0, 0, 0],
): [number, number, number] {
  const s = STOPS[name];
  const x = Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0;
  let k = 1;
  while (k < s.length - 1 && s[k]![0] < x) k++;
  const a = s[k - 1]!;
  const b = s[k]!;
  const f = b[0] > a[0] ? (x - a[0]) / (b[0] - a[0]) : 0;
  out[0] = (a[1] + f * (b[1] - a[1])) / 255;
  out[1] = (a[2] + f * (b[2] - a[2])) / 255;
  out[2] = (a[3] + f * (b[3] - a[3])) / 255;
  return out;
}

/** RGBA8 lookup table of n entries (sRGB), entry i at t = i / (n − 1). */
export function colormapLut(name: ColormapName, n = 256): Uint8Array {
  const lut = new Uint8Array(4 * n);
  const c: [number, number, number] = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    sampleColormap(name, i / (n - 1), c);
    lut[4 * i] = Math.round(c[0] * 255);
    lut[4 * i + 1] = Math.round(c[1] * 255);
    lut[4 * i + 2] = Math.round(c[2] * 255);
    lut[4 * i + 3] = 255;
  }
  return lut;
}

/** CSS linear-gradient (bottom → top) for an HTML scalar bar. */
export function colormapCss(name: ColormapName, steps = 16, direction = 'to top'): string {
  const parts: string[] = [];
  const c: [number, number, number] = [0, 0, 0];
  for (let i = 0; i <= steps; i++) {
    sampleColormap(name, i / steps, c);
    const rgb = c.map((v) => Math.round(v * 255)).join(',');
    parts.push(`rgb(${rgb}) ${((100 * i) / steps).toFixed(1)}%`);
  }
  return `linear-gradient(${direction}, ${parts.join(', ')})`;
}

/** CIE L* (0..100) of an sRGB colour (0..1), D65: used to check perceptual ordering. */
export function lightness(r: number, g: number, b: number): number {
  const lin = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const y = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y;
}

/** Default colormap for a field by its units/name: Vm → voltage, times → turbo, signed → coolwarm, else viridis. */
export function defaultColormap(fieldName: string, units: string, signed = false): ColormapName {
  if (units === 'mV' || /vm|voltage/i.test(fieldName)) return 'voltage';
  if (units === 'ms' || /activation|lat/i.test(fieldName)) return 'turbo';
  if (signed) return 'coolwarm';
  return 'viridis';
}
