// Pixel composition of a 2D slice (pure, no DOM): grey values under the window, the label overlay in the organ
// colours, then the solver field through the same colormap LUT and display range as the 3D scalar bar. Pixels
// without field data keep the anatomy; activation maps get dark isochrone lines like the meshes. Pixels below the window with no overlay are fully transparent (NiiVue's
// "alpha clip dark"): black on the 2D views' black background, see-through on the slice planes in 3D.
// Colours sRGB 0..255 (RGBA8); image values in HU (CT) or scanner units.
import { grey } from './windowing';

export type Rgb = [number, number, number];

/** Grey + label overlay into `out` (RGBA8). Label colours are sRGB 0..1; `alpha` is the overlay opacity. */
export function composeBase(
  image: ArrayLike<number>,
  labels: ArrayLike<number>,
  lo: number,
  hi: number,
  colours: Map<number, Rgb>,
  alpha: number,
  out: Uint8ClampedArray,
): Uint8ClampedArray {
  for (let p = 0; p < image.length; p++) {
    const g = grey(image[p]!, lo, hi);
    const col = labels[p] ? colours.get(labels[p]!) : undefined;
    const a = col ? alpha : 0;
    out[4 * p] = (1 - a) * g + a * 255 * (col?.[0] ?? 0);
    out[4 * p + 1] = (1 - a) * g + a * 255 * (col?.[1] ?? 0);
    out[4 * p + 2] = (1 - a) * g + a * 255 * (col?.[2] ?? 0);
    out[4 * p + 3] = g > 0 || a > 0 ? 255 : 0;
  }
  return out;
}

/**
 * Blends field values (NaN = none) over `base` into `out`: colour = lut[round(255·(v − min)/(max − min))], values
 * outside the range clamp to the ends (as on the meshes). `lut` is 256 RGBA8 entries.
 */
export function blendField(
  base: Uint8ClampedArray,
  values: Float32Array,
  lut: Uint8Array,
  min: number,
  max: number,
  alpha: number,
  out: Uint8ClampedArray,
): Uint8ClampedArray {
  const n = lut.length / 4 - 1;
  const scale = max > min ? n / (max - min) : 0;
  for (let p = 0; p < values.length; p++) {
    const v = values[p]!;
    const o = 4 * p;
    if (v !== v || alpha <= 0) {
      out[o] = base[o]!;
      out[o + 1] = base[o + 1]!;
      out[o + 2] = base[o + 2]!;
      out[o + 3] = base[o + 3]!;
      continue;
    }
    const t = Math.round((v - min) * scale);
    const l = 4 * (t < 0 ? 0 : t > n ? n : t);
    out[o] = (1 - alpha) * base[o]! + alpha * lut[l]!;
    out[o + 1] = (1 - alpha) * base[o + 1]! + alpha * lut[l + 1]!;
    out[o + 2] = (1 - alpha) * base[o + 2]! + alpha * lut[l + 2]!;
    out[o + 3] = 255;
  }
  return out;
}

/** Darkens pixels where the field crosses a multiple of `interval` towards the right or lower neighbour. */
export function drawIsochrones(values: Float32Array, width: number, interval: number, out: Uint8ClampedArray, shade = 0.45): Uint8ClampedArray {
  if (!(interval > 0)) return out;
  const height = values.length / width;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const p = y * width + x;
      const v = values[p]!;
      if (v !== v) continue;
      const band = Math.floor(v / interval);
      const r = x + 1 < width ? values[p + 1]! : NaN;
      const d = y + 1 < height ? values[p + width]! : NaN;
      if ((r === r && Math.floor(r / interval) !== band) || (d === d && Math.floor(d / interval) !== band)) {
        out[4 * p] = shade * out[4 * p]!;
        out[4 * p + 1] = shade * out[4 * p + 1]!;
        out[4 * p + 2] = shade * out[4 * p + 2]!;
      }
    }
  return out;
}
