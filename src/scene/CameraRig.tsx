// Camera fitting: frames the visible organs (three frame, mm) from a named anatomical direction.
// Exposes fit() through a ref-like registry so UI buttons and keyboard shortcuts can call it.
import { useThree } from '@react-three/fiber';
import { useCallback, useEffect } from 'react';
import { Box3, PerspectiveCamera, Sphere, Vector3 } from 'three';
import type { OrbitControls as OrbitControlsImpl } from 'three-stdlib';

export type ViewName = 'anterior' | 'posterior' | 'left' | 'right' | 'superior' | 'inferior';

/** Direction from target to camera in the three frame (+X patient Left, +Y Superior, +Z Anterior). */
const VIEW_DIRS: Record<ViewName, [number, number, number]> = {
  anterior: [0, 0, 1],
  posterior: [0, 0, -1],
  left: [1, 0, 0],
  right: [-1, 0, 0],
  superior: [0, 1, 0],
  inferior: [0, -1, 0],
};

/** Camera pose for sessions: three frame, mm; fov in degrees. */
export interface CameraView {
  position: [number, number, number];
  target: [number, number, number];
  up: [number, number, number];
  fov: number;
}

export const cameraCommands: {
  fit?: (view?: ViewName) => void;
  getView?: () => CameraView;
  setView?: (v: CameraView) => void;
} = {};

export function CameraRig({ fitKey }: { fitKey: string }) {
  const { camera, scene, controls, invalidate } = useThree();
  const fit = useCallback(
    (view: ViewName = 'anterior') => {
      const box = new Box3();
      scene.traverse((o) => {
        if ((o as { isMesh?: boolean }).isMesh && o.visible && o.userData.organId) box.expandByObject(o);
      });
      if (box.isEmpty()) return;
      const sphere = box.getBoundingSphere(new Sphere());
      const cam = camera as PerspectiveCamera;
      const dist = sphere.radius / Math.sin((cam.fov * Math.PI) / 360) * 1.05;
      const d = VIEW_DIRS[view];
      cam.position.copy(sphere.center).add(new Vector3(...d).multiplyScalar(dist));
      cam.up.set(0, view === 'superior' || view === 'inferior' ? 0 : 1, view === 'superior' ? -1 : view === 'inferior' ? 1 : 0);
      cam.near = Math.max(0.5, dist - sphere.radius * 2);
      cam.far = dist + sphere.radius * 4;
      cam.updateProjectionMatrix();
      const orbit = controls as unknown as OrbitControlsImpl | null;
      if (orbit) {
        orbit.target.copy(sphere.center);
        orbit.update();
      } else cam.lookAt(sphere.center);
      invalidate();
    },
    [camera, scene, controls, invalidate],
  );
  useEffect(() => {
    cameraCommands.fit = fit;
    return () => {
      if (cameraCommands.fit === fit) cameraCommands.fit = undefined;
    };
  }, [fit]);
  useEffect(() => {
    const orbit = () => controls as unknown as OrbitControlsImpl | null;
    const getView = (): CameraView => {
      const cam = camera as PerspectiveCamera;
      const t = orbit()?.target ?? new Vector3();
      return { position: cam.position.toArray(), target: t.toArray(), up: cam.up.toArray(), fov: cam.fov };
    };
    const setView = (v: CameraView) => {
      const cam = camera as PerspectiveCamera;
      cam.position.set(...v.position);
      cam.up.set(...v.up).normalize();
      cam.fov = v.fov;
      const dist = cam.position.distanceTo(new Vector3(...v.target));
      cam.near = Math.max(0.5, Math.min(cam.near, dist / 10));
      cam.far = Math.max(cam.far, dist * 4);
      cam.updateProjectionMatrix();
      const o = orbit();
      if (o) {
        o.target.set(...v.target);
        o.update();
      } else cam.lookAt(...v.target);
      invalidate();
    };
    cameraCommands.getView = getView;
    cameraCommands.setView = setView;
    return () => {
      if (cameraCommands.getView === getView) cameraCommands.getView = undefined;
      if (cameraCommands.setView === setView) cameraCommands.setView = undefined;
    };
  }, [camera, controls, invalidate]);
  useEffect(() => {
    if (fitKey) fit('anterior');
  }, [fitKey, fit]);
  return null;
}
