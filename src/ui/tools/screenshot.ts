// PNG screenshot of the 3D view as the user sees it: the WebGL canvas (preserveDrawingBuffer) copied onto a 2D
// canvas, plus the overlays that live in HTML and would otherwise be missing: the scalar bar of the shown field
// (name, units, colour ramp, 1-2-5 ticks, the time of a time-varying field) in the top-right corner, and the
// measurement and anatomy labels (drei Html tags) at their on-screen positions. Units: CSS px × device-pixel
// ratio of the canvas; field values in their own units; times ms.
import { playhead, useFields } from '../../app/fieldStore';
import { sampleColormap } from '../../scene/fields/colormaps';
import { formatTick, niceTicks } from '../fields/ticks';

const FONT = "'Liberation Sans', Arial, sans-serif";
/** Legend geometry in CSS px (scaled by the device-pixel ratio when drawn). */
const L = { margin: 12, pad: 10, width: 150, title: 15, ramp: 18, rampH: 180, gap: 6, tickFont: 12 };

function roundRect(g: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  g.beginPath();
  g.moveTo(x + r, y);
  g.arcTo(x + w, y, x + w, y + h, r);
  g.arcTo(x + w, y + h, x, y + h, r);
  g.arcTo(x, y + h, x, y, r);
  g.arcTo(x, y, x + w, y, r);
  g.closePath();
}

/** The scalar bar of the active field, drawn at the top-right of a w-wide image (s = device-pixel ratio). */
export function drawScalarBar(g: CanvasRenderingContext2D, w: number, s: number): boolean {
  const f = useFields.getState();
  const info = f.available.find((a) => a.name === f.active);
  if (!info) return false;
  const { min, max, colormap } = f;
  const ticks = niceTicks(min, max, 5);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : Math.abs(max - min) || 1;
  const span = max - min || 1;
  const labels = ticks.map((t) => `${formatTick(t, step)} ${info.units}`);
  const timeLine = info.timeVarying ? `t = ${playhead.timeMs.toFixed(0)} ms` : undefined;
  g.save();
  g.scale(s, s);
  g.font = `${L.tickFont}px ${FONT}`;
  const tickW = Math.max(0, ...labels.map((t) => g.measureText(t).width)) + 12;
  g.font = `600 ${L.title}px ${FONT}`;
  const title = `${info.name} (${info.units})`;
  const width = Math.max(L.width, g.measureText(title).width + 2 * L.pad, L.ramp + L.gap + tickW + 2 * L.pad);
  const titleH = L.title + 6 + (timeLine ? L.tickFont + 4 : 0);
  const height = L.pad + titleH + L.rampH + L.tickFont / 2 + L.pad;
  const x0 = w / s - L.margin - width;
  const y0 = L.margin;
  roundRect(g, x0, y0, width, height, 6);
  g.fillStyle = 'rgba(16, 20, 26, 0.85)';
  g.fill();
  g.fillStyle = '#e6e8ec';
  g.textBaseline = 'top';
  g.fillText(title, x0 + L.pad, y0 + L.pad);
  if (timeLine) {
    g.font = `${L.tickFont}px ${FONT}`;
    g.fillStyle = '#aab';
    g.fillText(timeLine, x0 + L.pad, y0 + L.pad + L.title + 4);
  }
  const rx = x0 + L.pad;
  const ry = y0 + L.pad + titleH;
  const c: [number, number, number] = [0, 0, 0];
  for (let py = 0; py < L.rampH; py++) {
    sampleColormap(colormap, 1 - (py + 0.5) / L.rampH, c);
    g.fillStyle = `rgb(${Math.round(255 * c[0])},${Math.round(255 * c[1])},${Math.round(255 * c[2])})`;
    g.fillRect(rx, ry + py, L.ramp, 1.5);
  }
  g.strokeStyle = '#556';
  g.lineWidth = 1;
  g.strokeRect(rx, ry, L.ramp, L.rampH);
  g.font = `${L.tickFont}px ${FONT}`;
  g.textBaseline = 'middle';
  g.fillStyle = '#e6e8ec';
  ticks.forEach((t, i) => {
    const y = ry + L.rampH * (1 - (t - min) / span);
    g.fillRect(rx + L.ramp + 2, y - 0.5, 5, 1);
    g.fillText(labels[i]!, rx + L.ramp + 10, y);
  });
  g.restore();
  return true;
}

/** Measurement and anatomy labels (HTML tags over the canvas) redrawn at their positions. */
function drawHtmlLabels(g: CanvasRenderingContext2D, canvas: HTMLCanvasElement, s: number): number {
  const box = canvas.getBoundingClientRect();
  const host = canvas.closest('.view') ?? document;
  let n = 0;
  for (const el of host.querySelectorAll<HTMLElement>('.measure-label, .anat-label')) {
    const r = el.getBoundingClientRect();
    const text = el.textContent?.trim();
    if (!text || r.width === 0 || r.right < box.left || r.left > box.right || r.bottom < box.top || r.top > box.bottom) continue;
    const css = getComputedStyle(el);
    // decluttered-away labels are visibility:hidden; drei hides tags behind the camera with display:none
    if (css.visibility === 'hidden' || Number(css.opacity) === 0 || !el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    const x = (r.left - box.left) * s;
    const y = (r.top - box.top) * s;
    g.fillStyle = css.backgroundColor;
    roundRect(g, x, y, r.width * s, r.height * s, 3 * s);
    g.fill();
    g.fillStyle = css.color;
    g.font = `${parseFloat(css.fontSize) * s}px ${FONT}`;
    g.textBaseline = 'middle';
    g.fillText(text, x + parseFloat(css.paddingLeft) * s, y + (r.height * s) / 2);
    n++;
  }
  return n;
}

/** The composed PNG of the view (null when the browser cannot encode it). */
export function composeScreenshot(canvas: HTMLCanvasElement): Promise<Blob | null> {
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const g = out.getContext('2d');
  if (!g) return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
  const s = canvas.width / Math.max(1, canvas.getBoundingClientRect().width);
  g.drawImage(canvas, 0, 0);
  drawHtmlLabels(g, canvas, s);
  drawScalarBar(g, out.width, s);
  return new Promise((resolve) => out.toBlob(resolve, 'image/png'));
}
