// Teaching labels: each visible organ's name as an HTML tag anchored at its surface centroid (area-weighted
// triangle centroids, world RAS mm -> three frame), toggled from the tools panel. Centroids cached per organ id.
import { Html } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import type { Vec3 } from '../../volume/types';
import { meshRegistry } from '../../app/meshRegistry';
import { useApp } from '../../app/store';
import { useTools } from '../../ui/tools/toolStore';
import { rasToThree } from '../frames';
import { displayName } from './names';

const centroids = new Map<string, { version: number; c: Vec3 | undefined }>();

/** Area-weighted centroid of a surface (RAS mm), undefined for an empty mesh. */
export function surfaceCentroid(positions: Float32Array, indices: Uint32Array): Vec3 | undefined {
  let sx = 0, sy = 0, sz = 0, sa = 0;
  for (let t = 0; t < indices.length; t += 3) {
    const a = 3 * indices[t]!, b = 3 * indices[t + 1]!, c = 3 * indices[t + 2]!;
    const ux = positions[b]! - positions[a]!, uy = positions[b + 1]! - positions[a + 1]!, uz = positions[b + 2]! - positions[a + 2]!;
    const vx = positions[c]! - positions[a]!, vy = positions[c + 1]! - positions[a + 1]!, vz = positions[c + 2]! - positions[a + 2]!;
    const area = 0.5 * Math.hypot(uy * vz - uz * vy, uz * vx - ux * vz, ux * vy - uy * vx);
    sx += (area * (positions[a]! + positions[b]! + positions[c]!)) / 3;
    sy += (area * (positions[a + 1]! + positions[b + 1]! + positions[c + 1]!)) / 3;
    sz += (area * (positions[a + 2]! + positions[b + 2]! + positions[c + 2]!)) / 3;
    sa += area;
  }
  return sa > 0 ? [sx / sa, sy / sa, sz / sa] : undefined;
}

export function organCentroid(id: string): Vec3 | undefined {
  const hit = centroids.get(id);
  if (hit && hit.version === meshRegistry.version()) return hit.c;
  const m = meshRegistry.get(id);
  const c = m ? surfaceCentroid(m.positions, m.indices) : undefined;
  centroids.set(id, { version: meshRegistry.version(), c });
  return c;
}

export function AnatomyLabels() {
  const show = useTools((s) => s.showLabels);
  const organs = useApp((s) => s.organs);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => invalidate(), [show, organs, invalidate]);
  if (!show) return null;
  return (
    <group name="anatomy-labels">
      {organs
        .filter((o) => o.visible && !/^(disc|intervertebral)/i.test(o.name)) // discs crowd the spine labels
        .map((o) => {
          const c = organCentroid(o.id);
          if (!c) return null;
          return (
            <Html key={o.id} position={rasToThree(...c)} center className="anat-label" zIndexRange={[15, 5]}>
              {displayName(o.name)}
            </Html>
          );
        })}
    </group>
  );
}
