// Session start-up, called once by the app: wire the camera, install the debug hook, restore a shared view
// from the URL hash (#s=...) or else the autosaved session, then start autosave. The camera accessor keeps the
// last camera while the 3D view is down (cameraKeeper.ts).
import { useApp } from '../store';
import { loadAutosave, startAutosave } from './autosave';
import { setCameraAccess } from './capture';
import { keptCameraAccess } from './cameraKeeper';
import { installSessionDebugHook } from './debug';
import { restoreSession } from './restore';
import { registerBuiltinSlices } from './builtinSlices';
import { decodeShareHash } from './share';

let initialised = false;

export async function initSession(): Promise<void> {
  if (initialised) return;
  initialised = true;
  setCameraAccess(keptCameraAccess());
  installSessionDebugHook();
  registerBuiltinSlices();
  let linked = false;
  try {
    const doc = decodeShareHash(location.hash);
    if (doc) {
      restoreSession(doc, 'link');
      linked = true;
      // Drop the hash so a reload continues from the autosave instead of resetting to the link.
      history.replaceState(null, '', location.pathname + location.search);
    }
  } catch (err) {
    useApp.getState().notify('error', err instanceof Error ? err.message : String(err));
  }
  if (!linked) {
    const saved = await loadAutosave();
    if (saved) restoreSession(saved, 'autosave');
  }
  startAutosave();
}
