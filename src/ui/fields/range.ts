// Display range of the active field across every organ that carries it: full min–max or robust 1st–99th
// percentile, over up to MAX_FRAMES evenly spaced frames (time-varying fields). Units: the field's own.
import { fieldData } from '../../app/fieldStore';
import { fullRange, niceStep, robustRange } from './ticks';

const MAX_FRAMES = 24;

export function activeRange(name: string, mode: 'auto' | 'robust'): [number, number] | undefined {
  const parts: Float32Array[] = [];
  for (const byName of fieldData.series.values()) {
    const s = byName.get(name);
    if (!s) continue;
    const stride = Math.max(1, Math.ceil(s.frames.length / MAX_FRAMES));
    for (let f = 0; f < s.frames.length; f += stride) parts.push(s.frames[f]!);
    const last = s.frames[s.frames.length - 1];
    if (last && parts[parts.length - 1] !== last) parts.push(last);
  }
  if (parts.length === 0) return undefined;
  let total = 0;
  for (const p of parts) total += p.length;
  const all = new Float32Array(total);
  let o = 0;
  for (const p of parts) {
    all.set(p, o);
    o += p.length;
  }
  const r = mode === 'robust' ? robustRange(all, 1, 50000) : fullRange(all);
  if (!r) return undefined;
  if (r[1] - r[0] < 1e-12) return [r[0] - 0.5, r[1] + 0.5];
  return r;
}

/** A default isochrone interval (ms) giving about 10 lines over the activation range. */
export function defaultIsoInterval(range: [number, number]): number {
  return niceStep((range[1] - range[0]) / 10);
}
