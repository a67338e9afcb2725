// World RAS bounds (mm) of the visible organs, for the clip-plane offset sliders. Cached per registry version.
import { meshRegistry } from '../../app/meshRegistry';
import type { PlaneAxis } from './toolStore';

const AXIS: Record<PlaneAxis, number> = { sagittal: 0, coronal: 1, axial: 2 };
let cache: { version: number; min: number[]; max: number[] } | undefined;

export function sceneBounds(): { min: number[]; max: number[] } {
  if (cache && cache.version === meshRegistry.version()) return cache;
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (const id of meshRegistry.ids()) {
    const p = meshRegistry.get(id)!.positions;
    for (let t = 0; t < p.length; t += 3)
      for (let a = 0; a < 3; a++) {
        const v = p[t + a]!;
        if (v < min[a]!) min[a] = v;
        if (v > max[a]!) max[a] = v;
      }
  }
  cache = { version: meshRegistry.version(), min, max };
  return cache;
}

export function axisRange(axis: PlaneAxis): [number, number] {
  const b = sceneBounds();
  const a = AXIS[axis];
  return Number.isFinite(b.min[a]!) ? [Math.floor(b.min[a]!), Math.ceil(b.max[a]!)] : [-150, 150];
}
