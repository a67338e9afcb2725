// Camera accessor for sessions that survives the 3D view going away: while the view is down (its error
// boundary shows a message) the session and autosave keep the last camera the user had instead of dropping it,
// and when the view comes back ("Try again") that camera is put back after the view's own auto-fit has run.
// Camera values: three.js frame, mm (see capture.ts).
import { cameraCommands } from '../../scene/CameraRig';
import type { CameraAccess } from './capture';
import type { SessionCamera } from './schema';
import { afterSceneSettles } from './restore';

let lastCamera: SessionCamera | undefined;

export function keptCameraAccess(): CameraAccess {
  return {
    get: () => {
      const v = cameraCommands.getView?.();
      if (v) lastCamera = v;
      return v ?? lastCamera;
    },
    set: (c) => {
      lastCamera = c;
      cameraCommands.setView?.(c);
    },
  };
}

/** Waits (up to ~10 s) for a remounted 3D view, then restores the last camera on it. */
export function restoreCameraAfterViewRemount(): void {
  const cam = lastCamera;
  if (!cam) return;
  const deadline = performance.now() + 10_000;
  const wait = () => {
    if (cameraCommands.setView) afterSceneSettles(() => cameraCommands.setView?.(cam), 6);
    else if (performance.now() < deadline) setTimeout(wait, 50);
  };
  wait();
}
