// Colormap checks: endpoints match their defining colours, viridis lightness rises monotonically, the LUT is
// 256 RGBA entries, and the diverging map is lightest in the middle. Units: sRGB 0..1, CIE L* 0..100.
import { describe, expect, it } from 'vitest';
import { COLORMAP_NAMES, colormapLut, defaultColormap, lightness, sampleColormap } from '../../../src/scene/fields/colormaps';

const RGB_TOL = 1 / 255 + 1e-9;
/** Allowed L* dip between consecutive LUT entries (rounding to 8 bits). */
const LSTAR_STEP_TOL = 0.15;

describe('colormaps', () => {
  it('viridis endpoints are dark purple (#440154) and yellow (#fde725)', () => {
    const a = sampleColormap('viridis', 0);
    const b = sampleColormap('viridis', 1);
    [0x44 / 255, 0x01 / 255, 0x54 / 255].forEach((v, i) => expect(Math.abs(a[i]! - v)).toBeLessThan(RGB_TOL));
    [0xfd / 255, 0xe7 / 255, 0x25 / 255].forEach((v, i) => expect(Math.abs(b[i]! - v)).toBeLessThan(RGB_TOL));
  });

  it('clamps outside [0, 1] and treats NaN as 0', () => {
    for (const name of COLORMAP_NAMES) {
      expect(sampleColormap(name, -3)).toEqual(sampleColormap(name, 0));
      expect(sampleColormap(name, 7)).toEqual(sampleColormap(name, 1));
      expect(sampleColormap(name, NaN)).toEqual(sampleColormap(name, 0));
    }
  });

  it('viridis lightness increases monotonically across the LUT', () => {
    const lut = colormapLut('viridis');
    let prev = -Infinity;
    let minStep = Infinity;
    for (let i = 0; i < 256; i++) {
      const L = lightness(lut[4 * i]! / 255, lut[4 * i + 1]! / 255, lut[4 * i + 2]! / 255);
      minStep = Math.min(minStep, L - prev);
      prev = L;
    }
    expect(minStep).toBeGreaterThan(-LSTAR_STEP_TOL);
    const L0 = lightness(...sampleColormap('viridis', 0));
    const L1 = lightness(...sampleColormap('viridis', 1));
    expect(L1 - L0).toBeGreaterThan(60);
  });

  it('LUT has 256 opaque RGBA entries whose ends equal the map ends', () => {
    for (const name of COLORMAP_NAMES) {
      const lut = colormapLut(name);
      expect(lut.length).toBe(1024);
      for (let i = 0; i < 256; i++) expect(lut[4 * i + 3]).toBe(255);
      const end = sampleColormap(name, 1);
      expect(Math.abs(lut[1020]! / 255 - end[0])).toBeLessThan(RGB_TOL);
    }
  });

  it('coolwarm is blue at 0, red at 1 and lightest near the middle', () => {
    const [r0, , b0] = sampleColormap('coolwarm', 0);
    const [r1, , b1] = sampleColormap('coolwarm', 1);
    expect(b0).toBeGreaterThan(r0);
    expect(r1).toBeGreaterThan(b1);
    const Lmid = lightness(...sampleColormap('coolwarm', 0.5));
    expect(Lmid).toBeGreaterThan(lightness(...sampleColormap('coolwarm', 0)));
    expect(Lmid).toBeGreaterThan(lightness(...sampleColormap('coolwarm', 1)));
  });

  it('voltage map rises in lightness from rest (navy) to peak (pale yellow)', () => {
    const Lrest = lightness(...sampleColormap('voltage', 0));
    const Lpeak = lightness(...sampleColormap('voltage', 1));
    expect(Lpeak - Lrest).toBeGreaterThan(60);
  });

  it('picks sensible defaults by units', () => {
    expect(defaultColormap('Vm', 'mV')).toBe('voltage');
    expect(defaultColormap('activation', 'ms')).toBe('turbo');
    expect(defaultColormap('principal', 'MPa', true)).toBe('coolwarm');
    expect(defaultColormap('von Mises', 'MPa')).toBe('viridis');
  });
});
