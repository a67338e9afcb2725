// Slice pixel composition and window/level: the field overlay uses the colormap LUT at the display range (ends
// clamped, NaN keeps the anatomy, opacity blends linearly), the label overlay tints only labelled pixels, dark
// unlabelled pixels are transparent, isochrones mark interval crossings, and a
// window drag widens to the right and raises the level downwards, never below the minimum width. Units: HU, sRGB.
import { describe, expect, it } from 'vitest';
import { blendField, composeBase, drawIsochrones } from '../../../src/ui/slices/compose';
import { dragWindow, DRAG_FRACTION_PER_PX, levelOf, MIN_WIDTH_FRACTION, rangeOf } from '../../../src/ui/slices/windowing';
import { colormapLut } from '../../../src/scene/fields/colormaps';

/** One 8-bit step of rounding in a blend. */
const RGB_TOL = 1;

describe('composeBase', () => {
  it('maps HU through the window and tints labelled pixels only', () => {
    const image = Int16Array.from([-1000, 40, 240, 40]);
    const labels = Uint16Array.from([0, 0, 0, 3]);
    const out = composeBase(image, labels, -160, 240, new Map([[3, [1, 0, 0]]]), 0.5, new Uint8ClampedArray(16));
    expect([out[0], out[4], out[8]]).toEqual([0, 128, 255]);
    expect(Math.abs(out[12]! - (0.5 * 128 + 0.5 * 255))).toBeLessThanOrEqual(RGB_TOL);
    expect(Math.abs(out[13]! - 0.5 * 128)).toBeLessThanOrEqual(RGB_TOL);
    // below the window and unlabelled: transparent (see-through in 3D); everything else opaque
    expect([out[3], out[7], out[11], out[15]]).toEqual([0, 255, 255, 255]);
  });
});

describe('blendField', () => {
  const lut = colormapLut('turbo');
  const base = new Uint8ClampedArray([10, 20, 30, 255, 10, 20, 30, 255, 10, 20, 30, 255, 10, 20, 30, 0]);

  it('colours values like the scalar bar (clamped ends), leaves NaN pixels alone', () => {
    const out = blendField(base, Float32Array.from([-50, 0, 100, NaN]), lut, 0, 100, 1, new Uint8ClampedArray(16));
    expect([...out.slice(0, 3)]).toEqual([...lut.slice(0, 3)]);
    expect([...out.slice(4, 7)]).toEqual([...lut.slice(0, 3)]);
    expect([...out.slice(8, 11)]).toEqual([...lut.slice(4 * 255, 4 * 255 + 3)]);
    expect([...out.slice(12, 16)]).toEqual([10, 20, 30, 0]);
    expect(out[11]).toBe(255);
  });

  it('blends with the overlay opacity', () => {
    const out = blendField(base, Float32Array.from([50, 50, 50, 50]), lut, 0, 100, 0.25, new Uint8ClampedArray(16));
    const l = 4 * Math.round(127.5);
    for (let c = 0; c < 3; c++) expect(Math.abs(out[c]! - (0.75 * base[c]! + 0.25 * lut[l + c]!))).toBeLessThanOrEqual(RGB_TOL);
  });
});

describe('drawIsochrones', () => {
  it('darkens only the pixels next to a crossing of the interval', () => {
    // 4×1 row of activation times 8, 9, 11, NaN with a 10 ms interval: the crossing lies between pixels 1 and 2
    const out = drawIsochrones(Float32Array.from([8, 9, 11, NaN]), 4, 10, new Uint8ClampedArray(16).fill(200));
    expect([out[0], out[4], out[8], out[12]]).toEqual([200, 90, 200, 200]);
  });
});

describe('window/level drag', () => {
  const auto: [number, number] = [-1000, 1000];
  const step = 2000 * DRAG_FRACTION_PER_PX;
  it('right widens, down raises the level, in steps of a fixed fraction of the range', () => {
    const w = dragWindow({ width: 400, level: 40 }, 100, -20, auto);
    expect(Math.abs(w.width - (400 + 100 * step))).toBeLessThan(1e-9);
    expect(Math.abs(w.level - (40 - 20 * step))).toBeLessThan(1e-9);
  });
  it('never goes below the minimum width', () => {
    expect(dragWindow({ width: 400, level: 40 }, -1e6, 0, auto).width).toBe(2000 * MIN_WIDTH_FRACTION);
  });
  it('converts between range and window/level', () => {
    expect(rangeOf(levelOf([-160, 240]))).toEqual([-160, 240]);
  });
});
