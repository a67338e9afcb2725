// The 3D view: a demand-driven r3f Canvas with orbit controls, anatomy-friendly lighting, the organ meshes and a
// patient-axes gizmo (R/L, A/P, S/I); registers the field hover read-out provider while mounted; reports and
// recovers from WebGL context loss (ContextWatch).
// Units: 1 three.js unit = 1 mm; frame per frames.ts (Y = Superior, Z = Anterior, X = patient Left).
import { Canvas, useThree } from '@react-three/fiber';
import { GizmoHelper, OrbitControls } from '@react-three/drei';
import { useEffect } from 'react';
import { useApp } from '../app/store';
import { OrganMesh } from './OrganMesh';
import { CameraRig } from './CameraRig';
import { FieldMarkers, fieldHoverValue } from './fields';
import { registerHoverValue } from './annotations/hover';
import { OrientationGizmo } from './OrientationGizmo';
import { AnatomyLayer } from './annotations/AnatomyLayer';
import { ContextWatch } from './ContextWatch';

/** Marks the document once organs are on screen (used by browser tests and screenshot tooling). */
function DrawnMarker({ count }: { count: number }) {
  const { invalidate, gl } = useThree();
  useEffect(() => {
    invalidate();
    const id = requestAnimationFrame(() => {
      document.body.dataset.organsDrawn = String(count);
      document.body.dataset.renderer = gl.getContext().getParameter(gl.getContext().VERSION) as string;
    });
    return () => cancelAnimationFrame(id);
  }, [count, invalidate, gl]);
  return null;
}

export function Viewer() {
  const organs = useApp((s) => s.organs);
  const selectedId = useApp((s) => s.selectedId);
  const select = useApp((s) => s.select);
  const sourceName = useApp((s) => s.sourceName);
  const drawn = organs.filter((o) => o.visible).length;
  useEffect(() => registerHoverValue(fieldHoverValue), []);
  return (
    <Canvas
      className="viewer-canvas"
      frameloop="demand"
      camera={{ fov: 35, near: 1, far: 5000, position: [0, 0, 800] }}
      gl={{ preserveDrawingBuffer: true, antialias: true, stencil: true }}
      onPointerMissed={() => select(undefined)}
    >
      <color attach="background" args={['#10141a']} />
      <hemisphereLight args={['#f4f1ea', '#3a3f4a', 0.9]} />
      <directionalLight position={[200, 400, 600]} intensity={1.6} />
      <directionalLight position={[-300, -100, -400]} intensity={0.5} />
      {organs.map((o) => (
        <OrganMesh key={o.id} organ={o} selected={o.id === selectedId} onSelect={select} />
      ))}
      <OrbitControls makeDefault enableDamping={false} />
      <CameraRig fitKey={sourceName} />
      <FieldMarkers />
      <AnatomyLayer />
      <GizmoHelper alignment="bottom-right" margin={[70, 70]}>
        <OrientationGizmo />
      </GizmoHelper>
      <DrawnMarker count={drawn} />
      <ContextWatch />
    </Canvas>
  );
}
