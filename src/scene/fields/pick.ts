// Click routing for field tools: when a field pick mode is on (stimulus, lesion, probe, load, fixed), a click on
// an organ surface is converted from the three frame to world RAS mm (frames.ts) and stored in the field store;
// probes snap to the nearest vertex of the hit triangle. Returns true when the click was consumed.
import type { ThreeEvent } from '@react-three/fiber';
import { useFields } from '../../app/fieldStore';
import { threeToRas } from '../frames';

/** True while a field pick mode is on (clicks go to the field tools instead of organ selection). */
export function fieldPickActive(): boolean {
  return useFields.getState().pickMode !== 'none';
}

export function handleFieldPick(organId: string, e: ThreeEvent<MouseEvent>): boolean {
  const s = useFields.getState();
  if (s.pickMode === 'none') return false;
  const p = e.point;
  const ras = threeToRas(p.x, p.y, p.z);
  switch (s.pickMode) {
    case 'stimulus':
      s.set({ stimulus: ras, pickMode: 'none' });
      break;
    case 'lesion':
      s.set({ lesion: [...s.lesion, ras] });
      break;
    case 'load':
      s.set({ load: { ras, radiusMm: s.load?.radiusMm ?? 12 }, pickMode: 'none' });
      break;
    case 'fixed':
      s.set({ fixed: { ras, radiusMm: s.fixed?.radiusMm ?? 12 }, pickMode: 'none' });
      break;
    case 'probe': {
      const face = e.face;
      const pos = (e.object as { geometry?: { getAttribute(n: string): { getX(i: number): number; getY(i: number): number; getZ(i: number): number } } }).geometry?.getAttribute('position');
      if (!face || !pos) return true;
      let best = face.a;
      let bestD = Infinity;
      for (const v of [face.a, face.b, face.c]) {
        const d = (pos.getX(v) - p.x) ** 2 + (pos.getY(v) - p.y) ** 2 + (pos.getZ(v) - p.z) ** 2;
        if (d < bestD) {
          bestD = d;
          best = v;
        }
      }
      s.addProbe(organId, best, threeToRas(pos.getX(best), pos.getY(best), pos.getZ(best)));
      break;
    }
  }
  return true;
}
