// In-page reads of the 2D slice canvases for browser tests: raw RGBA of a slice, its grey statistics, and how
// many pixels carry a colour of a colormap LUT (the field overlay at opacity 1 is exactly a LUT entry per pixel).
// Colours sRGB 0..255; the LUT comes from the app's own colormap module (pure data, no three.js).
import type { Page } from '@playwright/test';
import { colormapLut, type ColormapName } from '../../src/scene/fields/colormaps';

/** Per-channel slack when matching a pixel to a LUT entry (8-bit rounding). */
export const LUT_MATCH_TOL = 2;

export async function slicePixels(
  page: Page,
  plane: 'axial' | 'coronal' | 'sagittal',
): Promise<{ w: number; h: number; px: number[]; field: string; fieldTimeMs: number }> {
  return page.locator(`[aria-label="${plane} slice"]`).evaluate((c: HTMLCanvasElement) => ({
    w: c.width,
    h: c.height,
    px: [...c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data],
    field: c.dataset.field ?? '',
    fieldTimeMs: c.dataset.fieldTime ? Number(c.dataset.fieldTime) : NaN,
  }));
}

/** Time (ms) of the field frame drawn on a slice (NaN for static fields or no overlay). */
export async function sliceFieldTime(page: Page, plane: 'axial' | 'coronal' | 'sagittal'): Promise<number> {
  return page.locator(`[aria-label="${plane} slice"]`).evaluate((c: HTMLCanvasElement) => (c.dataset.fieldTime ? Number(c.dataset.fieldTime) : NaN));
}

/** Mean and standard deviation of the grey level (mean of R, G, B). */
export function greyStats(px: number[]): { mean: number; std: number } {
  let s = 0;
  let s2 = 0;
  const n = px.length / 4;
  for (let i = 0; i < px.length; i += 4) {
    const g = (px[i]! + px[i + 1]! + px[i + 2]!) / 3;
    s += g;
    s2 += g * g;
  }
  return { mean: s / n, std: Math.sqrt(Math.max(0, s2 / n - (s / n) ** 2)) };
}

/**
 * Pixels whose colour is a LUT entry of `map` and that differ from the `without` image (the same slice with the
 * field overlay off): returns their fraction of the slice and the spread of matched LUT indices (0..255).
 */
export function lutPixels(px: number[], without: number[], map: ColormapName): { fraction: number; lutMin: number; lutMax: number } {
  const lut = colormapLut(map);
  let n = 0;
  let lo = 255;
  let hi = 0;
  for (let i = 0; i < px.length; i += 4) {
    if (Math.abs(px[i]! - without[i]!) + Math.abs(px[i + 1]! - without[i + 1]!) + Math.abs(px[i + 2]! - without[i + 2]!) < 3 * LUT_MATCH_TOL) continue;
    for (let e = 0; e < 256; e++) {
      if (
        Math.abs(px[i]! - lut[4 * e]!) <= LUT_MATCH_TOL &&
        Math.abs(px[i + 1]! - lut[4 * e + 1]!) <= LUT_MATCH_TOL &&
        Math.abs(px[i + 2]! - lut[4 * e + 2]!) <= LUT_MATCH_TOL
      ) {
        n++;
        lo = Math.min(lo, e);
        hi = Math.max(hi, e);
        break;
      }
    }
  }
  return { fraction: n / (px.length / 4), lutMin: lo, lutMax: hi };
}

/** Fraction of pixels that differ by more than `delta` summed |ΔRGB|. */
export function changedFraction(a: number[], b: number[], delta = 30): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 4) if (Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!) > delta) n++;
  return n / (a.length / 4);
}
