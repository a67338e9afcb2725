// Hook for OrganMesh: when the active field exists on this organ, returns a field material and keeps the
// geometry's `scalar` (and `displacement`) attributes in sync. Time-varying fields update in place from the
// frame loop (attribute.array.set(frame); needsUpdate) when the playhead's frame index changes — no React
// renders, no allocation per frame. Frames: displacement stored RAS mm, uploaded in the three frame (−R, S, A).
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BufferAttribute, type BufferGeometry } from 'three';
import { fieldData, frameAt, getSeries, playhead, useFields } from '../../app/fieldStore';
import { createFieldMaterial, lutTexture, type FieldMaterial } from './fieldMaterial';
import { fieldCommands } from './commands';

function ensureAttribute(geometry: BufferGeometry, name: string, itemSize: number): BufferAttribute {
  const n = geometry.getAttribute('position').count;
  const existing = geometry.getAttribute(name) as BufferAttribute | undefined;
  if (existing && existing.count === n && existing.itemSize === itemSize) return existing;
  const attr = new BufferAttribute(new Float32Array(n * itemSize), itemSize);
  geometry.setAttribute(name, attr);
  return attr;
}

export function useOrganField(organId: string, geometry: BufferGeometry | undefined): FieldMaterial | undefined {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    fieldCommands.invalidate = invalidate;
  }, [invalidate]);
  const active = useFields((s) => s.active);
  const dataVersion = useFields((s) => s.dataVersion);
  const colormap = useFields((s) => s.colormap);
  const min = useFields((s) => s.min);
  const max = useFields((s) => s.max);
  const iso = useFields((s) => s.isochrones);
  const isoInterval = useFields((s) => s.isoIntervalMs);
  const dispScale = useFields((s) => s.dispScale);
  const showDeformed = useFields((s) => s.showDeformed);
  const nVerts = geometry?.getAttribute('position').count ?? 0;
  const series = active ? getSeries(organId, active) : undefined;
  const usable = !!geometry && !!series && series.nVertices === nVerts && series.frames.length > 0;
  const disp = fieldData.displacement.get(organId);
  const hasDisp = usable && showDeformed && !!disp && disp.length === 3 * nVerts;

  const material = useMemo(
    () => (usable ? createFieldMaterial('viridis', hasDisp) : undefined),
    [usable, hasDisp],
  );
  useEffect(() => () => material?.dispose(), [material]);
  const shownFrame = useRef(-1);

  // Display parameters → uniforms (cheap; runs on React changes only).
  useEffect(() => {
    if (!material) return;
    const u = material.userData.field;
    u.uLut.value = lutTexture(colormap);
    u.uMin.value = min;
    u.uMax.value = max;
    u.uIsoInterval.value = iso ? isoInterval : 0;
    u.uDispScale.value = hasDisp ? dispScale : 0;
    invalidate();
  }, [material, colormap, min, max, iso, isoInterval, dispScale, hasDisp, invalidate]);

  // New data or a new field: force a re-upload; displacement converted RAS → three once.
  useEffect(() => {
    shownFrame.current = -1;
    if (!geometry || !material) return;
    ensureAttribute(geometry, 'scalar', 1);
    if (hasDisp && disp) {
      const a = ensureAttribute(geometry, 'displacement', 3);
      const out = a.array as Float32Array;
      for (let i = 0; i < out.length; i += 3) {
        out[i] = -disp[i]!;
        out[i + 1] = disp[i + 2]!;
        out[i + 2] = disp[i + 1]!;
      }
      a.needsUpdate = true;
    }
    invalidate();
  }, [geometry, material, dataVersion, hasDisp, disp, invalidate]);

  useFrame(() => {
    if (!material || !geometry || !series) return;
    const f = series.times.length > 1 ? frameAt(series.times, playhead.timeMs) : 0;
    if (f === shownFrame.current) return;
    const frame = series.frames[Math.min(f, series.frames.length - 1)];
    const attr = geometry.getAttribute('scalar') as BufferAttribute | undefined;
    if (!frame || !attr || frame.length !== attr.count) return;
    (attr.array as Float32Array).set(frame);
    attr.needsUpdate = true;
    shownFrame.current = f;
    playhead.frame = f;
  });
  return material;
}
