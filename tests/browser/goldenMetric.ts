// Tolerant image comparison for the golden-image tests (pure, Node): exact area-average downsampling (each
// output cell is the coverage-weighted mean of the source pixels under it) and the two numbers the tests judge:
// mean |ΔRGB| per cell (0..255, averaged over the three channels) and the fraction of cells whose largest channel
// difference exceeds STRONG_DELTA. Also a diff image (|Δ| ×4, clamped) for reports. Images: RGBA bytes, top row
// first.
import type { Rgba } from './png';

/** A cell "differs strongly" when one channel moves by more than this (0..255) after downsampling. */
export const STRONG_DELTA = 48;

/** Area-average resample of `img` to w×h (any ratio; fractional source pixels weighted by coverage). */
export function areaDownsample(img: Rgba, w: number, h: number): Rgba {
  const { width: W, height: H, data } = img;
  const sx = W / w;
  const sy = H / h;
  // weights[o] = list of [sourceIndex, coverage] for output o along one axis
  const spans = (n: number, s: number, N: number) =>
    Array.from({ length: n }, (_, o) => {
      const a = o * s;
      const b = Math.min(N, (o + 1) * s);
      const out: [number, number][] = [];
      for (let i = Math.floor(a); i < b; i++) out.push([i, Math.min(b, i + 1) - Math.max(a, i)]);
      return out;
    });
  const xs = spans(w, sx, W);
  const ys = spans(h, sy, H);
  const tmp = new Float64Array(w * H * 4);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < w; x++)
      for (const [i, cov] of xs[x]!)
        for (let k = 0; k < 4; k++) tmp[(y * w + x) * 4 + k]! += cov * data[(y * W + i) * 4 + k]!;
  const out = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const acc = [0, 0, 0, 0];
      for (const [j, cov] of ys[y]!) for (let k = 0; k < 4; k++) acc[k]! += cov * tmp[(j * w + x) * 4 + k]!;
      for (let k = 0; k < 4; k++) out[(y * w + x) * 4 + k] = Math.round(acc[k]! / (sx * sy));
    }
  return { width: w, height: h, data: out };
}

export interface ImageDiff {
  /** Mean over cells of (|ΔR| + |ΔG| + |ΔB|) / 3, 0..255. */
  meanAbs: number;
  /** Fraction of cells with max(|ΔR|, |ΔG|, |ΔB|) > STRONG_DELTA. */
  strongFraction: number;
  /** Largest single-channel difference seen (0..255). */
  maxAbs: number;
  diff: Rgba;
}

export function compareImages(a: Rgba, b: Rgba): ImageDiff {
  if (a.width !== b.width || a.height !== b.height)
    throw new Error(`golden: image sizes differ (${a.width}×${a.height} vs ${b.width}×${b.height})`);
  const n = a.width * a.height;
  const diff = new Uint8Array(n * 4);
  let sum = 0, strong = 0, maxAbs = 0; // prettier-ignore
  for (let p = 0; p < n; p++) {
    let cellMax = 0;
    for (let k = 0; k < 3; k++) {
      const d = Math.abs(a.data[4 * p + k]! - b.data[4 * p + k]!);
      sum += d / 3;
      cellMax = Math.max(cellMax, d);
      diff[4 * p + k] = Math.min(255, 4 * d);
    }
    diff[4 * p + 3] = 255;
    if (cellMax > STRONG_DELTA) strong++;
    maxAbs = Math.max(maxAbs, cellMax);
  }
  return { meanAbs: sum / n, strongFraction: strong / n, maxAbs, diff: { width: a.width, height: a.height, data: diff } };
}
