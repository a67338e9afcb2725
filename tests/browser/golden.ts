// Golden-image checks for browser tests: the 3D WebGL canvas only (no HTML panels, legend or text overlays),
// read back in the page, area-averaged in Node to GOLDEN_WIDTH px wide (stored under tests/browser/golden/), and
// compared with the reference at COMPARE_WIDTH px wide (both area-averaged once more). UPDATE_GOLDEN=1 (re)writes
// the reference instead. Every comparison writes actual/expected/diff PNGs and the numbers to test-results/golden/.
// Tolerances below (MAX_MEAN_ABS, MAX_STRONG_FRACTION) come from measured noise and shifts; units 0..255 RGB.
import { expect, type Page } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { decodePng, encodePng, type Rgba } from './png';
import { areaDownsample, compareImages, type ImageDiff } from './goldenMetric';

const GOLDEN_DIR = 'tests/browser/golden';
const OUT_DIR = 'test-results/golden';
export const GOLDEN_WIDTH = 320;
export const COMPARE_WIDTH = 160;

// Tolerances, measured here (SwiftShader, 1280×720, phantom anterior view; numbers in test-results/golden/*.json):
// - run-to-run and re-render noise: none. Two separate runs and a hide/show re-render gave identical pixels
//   (mean 0, strong 0, max 0): SwiftShader is bit-deterministic on one machine and build.
// - a 1-px shift of the full-resolution canvas (a stand-in for rasterisation/antialiasing drift on another
//   driver): mean 0.28-0.40, strong 0-0.017 %; a 2-px shift: mean 0.61, strong 0.10 %.
// - real changes: the aorta hidden: mean 1.19, strong 1.68 %; one vertebra hidden (only its tip is visible behind
//   the heart): mean 0.10, strong 0.087 %; the EP activation map in viridis instead of turbo: mean 2.25,
//   strong 3.6 %. (1-px shifts of the clipped coronal and EP views: mean 0.30-0.37, strong 0.)
// The strong-cell fraction is the sharp test: 0.05 % is 3× a diagonal 1-px shift and still rejects the vertebra
// tip (~15 cells of 17 000) and the aorta (34×). The mean is a backstop for broad, faint changes (lighting, tone):
// 0.8 is 2× a 1-px shift and below the aorta. Do not raise them to make a test pass: rewrite the reference
// (UPDATE_GOLDEN=1) when a change is intended, and look at it.
/** Mean |ΔRGB| per COMPARE_WIDTH cell allowed (0..255). */
export const MAX_MEAN_ABS = 0.8;
/** Fraction of cells allowed to differ strongly (> STRONG_DELTA in one channel). */
export const MAX_STRONG_FRACTION = 0.0005;

const canvasSel = '.viewer-canvas canvas';

/** Full-resolution image moved by (dx, dy) px (edge pixels repeated): a stand-in for a rasterisation shift. */
function shifted(img: Rgba, [dx, dy]: [number, number]): Rgba {
  const { width: w, height: h, data } = img;
  const out = new Uint8Array(data.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const sx = Math.min(w - 1, Math.max(0, x - dx));
      const sy = Math.min(h - 1, Math.max(0, y - dy));
      out.set(data.subarray((sy * w + sx) * 4, (sy * w + sx) * 4 + 4), (y * w + x) * 4);
    }
  return { width: w, height: h, data: out };
}

/** The WebGL canvas (drawing buffer preserved) as RGBA, area-averaged to GOLDEN_WIDTH px wide. */
export async function captureCanvas(page: Page, selector = canvasSel, shiftPx?: [number, number]): Promise<Rgba> {
  const { width, height, b64 } = await page.evaluate((sel) => {
    const src = document.querySelector(sel) as HTMLCanvasElement | null;
    if (!src) throw new Error(`no canvas ${sel}`);
    const c = document.createElement('canvas');
    c.width = src.width;
    c.height = src.height;
    const g = c.getContext('2d', { willReadFrequently: true })!;
    g.drawImage(src, 0, 0);
    const px = g.getImageData(0, 0, c.width, c.height).data;
    let s = '';
    for (let i = 0; i < px.length; i += 0x8000) s += String.fromCharCode(...px.subarray(i, i + 0x8000));
    return { width: c.width, height: c.height, b64: btoa(s) };
  }, selector);
  let full: Rgba = { width, height, data: new Uint8Array(Buffer.from(b64, 'base64')) };
  if (shiftPx) full = shifted(full, shiftPx);
  return areaDownsample(full, GOLDEN_WIDTH, Math.round((GOLDEN_WIDTH * height) / width));
}

const half = (img: Rgba): Rgba => areaDownsample(img, COMPARE_WIDTH, Math.round((COMPARE_WIDTH * img.height) / img.width));

export interface GoldenResult extends Omit<ImageDiff, 'diff'> {
  name: string;
  pass: boolean;
  updated: boolean;
}

export interface GoldenOptions {
  /** File suffix for the report; a tagged comparison never rewrites the reference. */
  tag?: string;
  selector?: string;
  /** Shift the captured canvas by this many device px before comparing (tolerance calibration). */
  shiftPx?: [number, number];
}

/** Compares the canvas with reference `name` (no assertion); writes the report files. */
export async function goldenDiff(page: Page, name: string, opts: GoldenOptions = {}): Promise<GoldenResult> {
  const { tag = '', selector = canvasSel, shiftPx } = opts;
  const actual = await captureCanvas(page, selector, shiftPx);
  const ref = `${GOLDEN_DIR}/${name}.png`;
  mkdirSync(OUT_DIR, { recursive: true });
  const out = `${OUT_DIR}/${name}${tag}`;
  writeFileSync(`${out}-actual.png`, encodePng(actual));
  if (process.env.UPDATE_GOLDEN === '1' && !tag) {
    writeFileSync(ref, encodePng(actual));
    return { name, pass: true, updated: true, meanAbs: 0, strongFraction: 0, maxAbs: 0 };
  }
  if (!existsSync(ref)) throw new Error(`golden: no reference ${ref}; run with UPDATE_GOLDEN=1 to create it`);
  const expected = decodePng(readFileSync(ref));
  writeFileSync(`${out}-expected.png`, encodePng(expected));
  const { diff, ...numbers } = compareImages(half(actual), half(expected));
  writeFileSync(`${out}-diff.png`, encodePng(diff));
  const pass = numbers.meanAbs <= MAX_MEAN_ABS && numbers.strongFraction <= MAX_STRONG_FRACTION;
  const result = { name, pass, updated: false, ...numbers };
  writeFileSync(`${out}.json`, JSON.stringify({ ...result, limits: { MAX_MEAN_ABS, MAX_STRONG_FRACTION } }, null, 2));
  return result;
}

/** Asserts the canvas matches reference `name` within the tolerances (or rewrites it under UPDATE_GOLDEN=1). */
export async function expectGolden(page: Page, name: string, opts: GoldenOptions = {}): Promise<GoldenResult> {
  const r = await goldenDiff(page, name, opts);
  expect(r.meanAbs, `${name}: mean |ΔRGB| (see ${OUT_DIR}/${name}-diff.png)`).toBeLessThanOrEqual(MAX_MEAN_ABS);
  expect(r.strongFraction, `${name}: strongly differing cells`).toBeLessThanOrEqual(MAX_STRONG_FRACTION);
  return r;
}

/** Calibration: the view shifted by one device pixel in x and in y still matches (the tolerance is not tighter
 *  than rasterisation drift). */
export async function expectShiftTolerated(page: Page, name: string): Promise<void> {
  for (const shiftPx of [[1, 0], [0, 1]] as [number, number][])
    await expectGolden(page, name, { tag: `-shift${shiftPx.join('')}`, shiftPx });
}
