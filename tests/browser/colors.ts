// In-page canvas colour analysis for browser tests: downsamples the WebGL canvas into a 2D canvas and
// counts distinct colour families (hue bins for saturated colours, plus light-neutral "bone" and dark background).
import type { Page } from '@playwright/test';

export interface ColourStats {
  width: number;
  height: number;
  nonBackgroundFraction: number;
  /** colour family -> fraction of canvas pixels */
  families: Record<string, number>;
}

/** `excludeCornerPx`: CSS-pixel square at the bottom-right left out (the orientation gizmo lives there). */
export async function canvasColours(page: Page, selector = 'canvas', excludeCornerPx = 170): Promise<ColourStats> {
  return page.evaluate(([sel, corner]) => {
    const src = document.querySelector(sel) as HTMLCanvasElement | null;
    if (!src) throw new Error(`no canvas ${sel}`);
    const w = 320;
    const h = Math.round((src.height / src.width) * w);
    const c = document.createElement('canvas');
    c.width = w;
    c.height = h;
    const ctx = c.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(src, 0, 0, w, h);
    const px = ctx.getImageData(0, 0, w, h).data;
    const cornerW = Math.ceil((corner / src.clientWidth) * w);
    const cornerH = Math.ceil((corner / src.clientHeight) * h);
    const bg = [px[0]!, px[1]!, px[2]!];
    const families: Record<string, number> = {};
    let nonBg = 0;
    for (let i = 0; i < px.length; i += 4) {
      const x = (i / 4) % w;
      const y = Math.floor(i / 4 / w);
      if (x >= w - cornerW && y >= h - cornerH) continue;
      const r = px[i]! / 255;
      const g = px[i + 1]! / 255;
      const b = px[i + 2]! / 255;
      if (Math.abs(px[i]! - bg[0]!) + Math.abs(px[i + 1]! - bg[1]!) + Math.abs(px[i + 2]! - bg[2]!) < 24) continue;
      nonBg++;
      const max = Math.max(r, g, b);
      const min = Math.min(r, g, b);
      const sat = max === 0 ? 0 : (max - min) / max;
      let fam: string;
      if (max < 0.18) fam = 'dark';
      else if (sat < 0.18) fam = max > 0.6 ? 'light-neutral' : 'grey';
      else {
        const d = max - min;
        let hue = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
        hue = (hue * 60 + 360) % 360;
        fam = `hue${Math.floor(hue / 30) * 30}${max > 0.55 ? '-light' : '-deep'}`;
      }
      families[fam] = (families[fam] ?? 0) + 1;
    }
    const n = w * h;
    for (const k of Object.keys(families)) families[k] = families[k]! / n;
    return { width: w, height: h, nonBackgroundFraction: nonBg / n, families };
  }, [selector, excludeCornerPx] as const);
}

/** RGB of the central square (fraction `size` of the shorter side) of the 3D canvas, downsampled to 64×64. */
export async function viewCentre(page: Page, size = 0.4): Promise<number[]> {
  return page.evaluate((sz) => {
    const src = document.querySelector('.viewer-canvas canvas') as HTMLCanvasElement;
    const s = Math.min(src.width, src.height) * sz;
    const c = document.createElement('canvas');
    c.width = c.height = 64;
    const ctx = c.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(src, (src.width - s) / 2, (src.height - s) / 2, s, s, 0, 0, 64, 64);
    return [...ctx.getImageData(0, 0, 64, 64).data];
  }, size);
}

/** Colormap hues (green–cyan–blue families, absent from the anatomy palette): "a field map is shown". */
const COLORMAP_FAMILIES = /^hue(60|90|120|150|180|210)-/;

/** Canvas fraction of colormap-hue pixels in canvasColours' families. */
export function colormapFraction(families: Record<string, number>): number {
  return Object.entries(families)
    .filter(([k]) => COLORMAP_FAMILIES.test(k))
    .reduce((s, [, f]) => s + f, 0);
}
