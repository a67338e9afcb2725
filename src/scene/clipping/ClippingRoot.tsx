// Enables local clipping on the renderer, keeps the pooled clip Planes in sync with the tool store (offset
// slider drags mutate planes in place and request one frame), and before each rendered frame hands the active
// planes to every organ material (any mesh with userData.organId, whichever material it wears: standard or
// field), so OrganMesh needs no clipping code. No allocation in the frame callback. Mount once in the Canvas.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import type { Material, Mesh, Object3D, Plane } from 'three';
import { useTools } from '../../ui/tools/toolStore';
import { syncPlanes, useClipPlanes } from './planes';

export function ClippingRoot() {
  const { gl, invalidate, scene } = useThree();
  const planes = useClipPlanes();
  const current = useRef<Plane[]>(planes);
  current.current = planes;
  const apply = useRef((o: Object3D) => {
    const mesh = o as Mesh;
    if (!mesh.isMesh || typeof o.userData.organId !== 'string') return;
    const m = mesh.material as Material | Material[];
    if (Array.isArray(m)) {
      for (const x of m) if (x.clippingPlanes !== current.current) x.clippingPlanes = current.current;
    } else if (m.clippingPlanes !== current.current) m.clippingPlanes = current.current;
  });
  useEffect(() => {
    gl.localClippingEnabled = true;
    syncPlanes(useTools.getState().clipPlanes);
    return useTools.subscribe((s, prev) => {
      if (s.clipPlanes === prev.clipPlanes && s.caps === prev.caps) return;
      syncPlanes(s.clipPlanes);
      invalidate();
    });
  }, [gl, invalidate]);
  useEffect(() => invalidate(), [planes, invalidate]);
  useFrame(() => scene.traverse(apply.current));
  return null;
}
