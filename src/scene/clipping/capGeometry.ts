// Position-only geometry of an organ for the stencil passes of the clipping caps (three frame, mm), cached by
// organ id and registry version so several planes share one buffer. Disposed when the organ disappears.
import { BufferAttribute, BufferGeometry } from 'three';
import { meshRegistry } from '../../app/meshRegistry';
import { rasArrayToThree } from '../frames';

const cache = new Map<string, { version: number; geometry: BufferGeometry }>();

export function capGeometry(organId: string): BufferGeometry | undefined {
  const hit = cache.get(organId);
  const mesh = meshRegistry.get(organId);
  if (!mesh) return undefined;
  if (hit && hit.version === meshRegistry.version()) return hit.geometry;
  hit?.geometry.dispose();
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(rasArrayToThree(mesh.positions), 3));
  g.setIndex(new BufferAttribute(mesh.indices, 1));
  g.computeBoundingSphere();
  cache.set(organId, { version: meshRegistry.version(), geometry: g });
  return g;
}

/** Drops cached geometries of organs no longer present. */
export function pruneCapGeometries(liveIds: Set<string>): void {
  for (const [id, c] of cache) {
    if (!liveIds.has(id)) {
      c.geometry.dispose();
      cache.delete(id);
    }
  }
}
