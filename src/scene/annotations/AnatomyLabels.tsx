// Teaching labels: each visible organ's anatomical name as an HTML tag anchored at its surface centroid
// (area-weighted triangle centroids, world RAS mm -> three frame), toggled from the tools panel. On every
// rendered frame the labels are decluttered in screen space (bigger organs first; see ./declutter.ts) so
// they never cover each other. Centroids cached per organ id. No allocation in the frame loop.
import { Html } from '@react-three/drei';
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { Vector3 } from 'three';
import type { Vec3 } from '../../volume/types';
import { meshRegistry } from '../../app/meshRegistry';
import { useApp, type OrganState } from '../../app/store';
import { useTools } from '../../ui/tools/toolStore';
import { rasToThree } from '../frames';
import { declutter, type LabelBox } from './declutter';
import { displayName } from './names';

const centroids = new Map<string, { version: number; c: Vec3 | undefined }>();

/** Area-weighted centroid of a surface (RAS mm), undefined for an empty mesh. */
export function surfaceCentroid(positions: Float32Array, indices: Uint32Array): Vec3 | undefined {
  let sx = 0,
    sy = 0,
    sz = 0,
    sa = 0;
  for (let t = 0; t < indices.length; t += 3) {
    const a = 3 * indices[t]!,
      b = 3 * indices[t + 1]!,
      c = 3 * indices[t + 2]!;
    const ux = positions[b]! - positions[a]!,
      uy = positions[b + 1]! - positions[a + 1]!,
      uz = positions[b + 2]! - positions[a + 2]!;
    const vx = positions[c]! - positions[a]!,
      vy = positions[c + 1]! - positions[a + 1]!,
      vz = positions[c + 2]! - positions[a + 2]!;
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

interface Placed {
  organ: OrganState;
  anchor: Vector3;
}

export function AnatomyLabels() {
  const show = useTools((s) => s.showLabels);
  const organs = useApp((s) => s.organs);
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => invalidate(), [show, organs, invalidate]);

  const labels = useMemo<Placed[]>(() => {
    const out: Placed[] = [];
    for (const o of organs) {
      if (!o.visible || /^(disc|intervertebral)/i.test(o.name)) continue; // discs crowd the spine labels
      const c = organCentroid(o.id);
      if (c) out.push({ organ: o, anchor: new Vector3(...rasToThree(...c)) });
    }
    return out;
  }, [organs]);
  // Priority: larger organs first (volume, else triangle count).
  const order = useMemo(
    () => labels.map((_, i) => i).sort((a, b) => weight(labels[b]!.organ) - weight(labels[a]!.organ)),
    [labels],
  );
  const els = useRef<(HTMLDivElement | null)[]>([]);
  const boxes = useMemo<LabelBox[]>(
    () => labels.map(() => ({ x: 0, y: 0, w: 0, h: 0, hidden: true })),
    [labels],
  );
  const dy = useMemo(() => new Float32Array(labels.length), [labels]);
  const shown = useMemo(() => new Uint8Array(labels.length), [labels]);
  // What the DOM shows now (NaN = never written), so styles are only touched when placement changes.
  const applied = useMemo(() => new Float32Array(labels.length * 2).fill(NaN), [labels]);
  const tmp = useMemo(() => new Vector3(), []);

  useFrame(({ camera, size }) => {
    if (!show) return;
    for (let i = 0; i < labels.length; i++) {
      const b = boxes[i]!;
      const el = els.current[i];
      tmp.copy(labels[i]!.anchor).project(camera);
      b.hidden = !el || tmp.z > 1 || tmp.z < -1;
      b.x = (tmp.x * 0.5 + 0.5) * size.width;
      b.y = (-tmp.y * 0.5 + 0.5) * size.height;
      // label text is fixed per organ: measure once (reading layout every frame would force a reflow)
      if (el && b.w === 0) {
        b.w = el.offsetWidth;
        b.h = el.offsetHeight;
      }
    }
    declutter(boxes, order, dy, shown);
    for (let i = 0; i < labels.length; i++) {
      const el = els.current[i];
      if (!el) continue;
      if (applied[2 * i] !== shown[i]) {
        el.style.visibility = shown[i] ? 'visible' : 'hidden';
        applied[2 * i] = shown[i]!;
      }
      if (applied[2 * i + 1] !== dy[i]) {
        el.style.transform = `translateY(${dy[i]!}px)`;
        applied[2 * i + 1] = dy[i]!;
      }
    }
  });

  if (!show) return null;
  return (
    <group name="anatomy-labels">
      {labels.map((l, i) => (
        <Html key={l.organ.id} position={l.anchor} center zIndexRange={[15, 5]}>
          <div
            className="anat-label"
            data-organ={l.organ.name}
            ref={(el) => {
              els.current[i] = el;
            }}
          >
            {displayName(l.organ.name)}
          </div>
        </Html>
      ))}
    </group>
  );
}

function weight(o: OrganState): number {
  return o.volumeMl ?? o.triangles / 1000;
}
