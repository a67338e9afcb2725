// Clipping planes shared by every organ material: one three.js Plane object per clip-plane id, mutated in place
// when its offset/flip changes (no React re-render, no allocation per drag step). Frame: three (see frames.ts);
// offsets are RAS mm along x (sagittal), y (coronal) or z (axial). A plane keeps the points with
// normal·p + constant >= 0.
import { useMemo } from 'react';
import { Plane, Vector3 } from 'three';
import { useTools, type ClipPlaneState, type PlaneAxis } from '../../ui/tools/toolStore';

const pool = new Map<number, Plane>();
const EMPTY: Plane[] = [];

/** Unit normal (three frame) that keeps the side with the smaller RAS coordinate. */
const KEEP_LOWER: Record<PlaneAxis, [number, number, number]> = {
  sagittal: [1, 0, 0], // RAS x = -X:  x <= d  <=>  X + d >= 0
  coronal: [0, 0, -1], // RAS y = Z:   y <= d  <=> -Z + d >= 0
  axial: [0, -1, 0], //   RAS z = Y:   z <= d  <=> -Y + d >= 0
};

export function setPlane(p: Plane, s: ClipPlaneState): Plane {
  const n = KEEP_LOWER[s.axis];
  const sign = s.flip ? -1 : 1;
  p.normal.set(n[0] * sign, n[1] * sign, n[2] * sign);
  p.constant = s.offsetMm * sign;
  return p;
}

export function planeFor(s: ClipPlaneState): Plane {
  let p = pool.get(s.id);
  if (!p) {
    p = new Plane();
    pool.set(s.id, p);
  }
  return setPlane(p, s);
}

/** Re-syncs every pooled plane with the store (called by ClippingRoot on store changes). */
export function syncPlanes(states: ClipPlaneState[]): void {
  const live = new Set<number>();
  for (const s of states) {
    planeFor(s);
    live.add(s.id);
  }
  for (const id of pool.keys()) if (!live.has(id)) pool.delete(id);
}

/**
 * The active clipping planes for a material's `clippingPlanes` (stable array identity until a plane is added
 * or removed). `exceptId` leaves one plane out (used by that plane's own cap).
 * Use it in any organ material: `<meshStandardMaterial clippingPlanes={useClipPlanes()} />`.
 */
export function useClipPlanes(exceptId?: number): Plane[] {
  const key = useTools((s) => s.clipPlanes.map((p) => p.id).join(','));
  return useMemo(() => {
    if (!key) return EMPTY;
    const states = useTools.getState().clipPlanes;
    return states.filter((s) => s.id !== exceptId).map(planeFor);
  }, [key, exceptId]);
}

const tmp = new Vector3();

/** True when a three-frame point lies on the clipped-away side of any active plane (picking ignores it). */
export function isClipped(x: number, y: number, z: number): boolean {
  tmp.set(x, y, z);
  for (const p of pool.values()) if (p.distanceToPoint(tmp) < -1e-3) return true;
  return false;
}
