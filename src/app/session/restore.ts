// Restoring a session into a live app: slices at once; organ display parameters and camera once a scene
// built from the session's sources is on screen (after the camera's auto-fit for that scene has run).
// If the session names a file that is not loaded, everything else is restored and the session waits:
// when the user re-opens that file, organs and camera follow. Units/frames as in capture.ts.
import { useApp } from '../store';
import { applyCamera, applyOrgans, applySessionSlices, missingFiles, sceneMatches } from './capture';
import type { SessionDoc } from './schema';
import { useSessionUi, type RestoreOrigin } from './sessionStore';

let pending: SessionDoc | undefined;
let pendingOrigin: RestoreOrigin = 'autosave';
/** Scene changes seen since the pending session was set (the first one is the automatic phantom at start). */
let scenesSeen = 0;
let unsubscribe: (() => void) | undefined;
/** False while a restored session waits for its first scene (its slices are not live yet). */
let slicesApplied = true;

/** True once the pending session's slices reached the live stores. */
export function pendingSlicesApplied(): boolean {
  return slicesApplied;
}

/** The session still waiting for its scan (its sources and organs are kept by autosave). */
export function pendingSession(): SessionDoc | undefined {
  return pending;
}

/** Runs fn after the scene has rendered a few frames (so CameraRig's fit for a new scene ran first). */
export function afterSceneSettles(fn: () => void, frames = 4): void {
  const raf =
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame
      : (f: () => void) => setTimeout(f, 16);
  const step = (n: number) => (n <= 0 ? setTimeout(fn, 30) : raf(() => step(n - 1)));
  step(frames);
}

function originText(origin: RestoreOrigin, doc: SessionDoc): string {
  const when = Date.parse(doc.savedAt);
  const at = Number.isFinite(when) && when > 0 ? ` (saved ${new Date(when).toLocaleString()})` : '';
  if (origin === 'autosave') return `Restored previous session${at}`;
  if (origin === 'link') return 'Opened a shared view';
  return `Opened session${at}`;
}

function applyToScene(doc: SessionDoc, origin: RestoreOrigin): void {
  const missing = missingFiles(doc);
  const matched = sceneMatches(doc) && missing.length === 0;
  afterSceneSettles(() => {
    // Slices after the organs exist: probes and the like refer to organs by name.
    const errors = applySessionSlices(doc);
    slicesApplied = true;
    if (errors.length > 0)
      useApp.getState().notify('error', `Session: could not restore ${errors.join('; ')}`);
    if (matched) {
      const r = applyOrgans(doc);
      if (r.unmatched.length > 0)
        useApp
          .getState()
          .notify(
            'info',
            `Session: no organ named ${r.unmatched.slice(0, 4).join(', ')} in this scan; left as is.`,
          );
    }
    applyCamera(doc);
  });
  if (matched) pending = undefined;
  useSessionUi.getState().setBanner({ origin, text: originText(origin, doc), missing });
  if (missing.length > 0)
    useApp
      .getState()
      .notify(
        'info',
        `Re-open ${missing.join(' and ')} to restore the scan; camera, parameters and annotations were restored.`,
      );
}

function onSceneChange(): void {
  const doc = pending;
  if (!doc) return;
  scenesSeen++;
  if (sceneMatches(doc) && missingFiles(doc).length === 0) {
    applyToScene(doc, pendingOrigin);
    return;
  }
  if (scenesSeen === 1)
    applyToScene(doc, pendingOrigin); // the automatic start-up scene: restore the rest
  else {
    pending = undefined; // the user chose another scan: the old session no longer applies to it
    useSessionUi.getState().setBanner(undefined);
  }
}

function ensureSubscribed(): void {
  if (unsubscribe) return;
  unsubscribe = useApp.subscribe((s, prev) => {
    if (s.organs.length > 0 && (s.sourceName !== prev.sourceName || prev.organs.length === 0))
      onSceneChange();
  });
}

/** Restores a validated session. Applies now if a scene is on screen, else when the next scene arrives. */
export function restoreSession(doc: SessionDoc, origin: RestoreOrigin): void {
  ensureSubscribed();
  const st = useApp.getState();
  pending = doc;
  slicesApplied = false;
  pendingOrigin = origin;
  if (st.organs.length > 0) {
    scenesSeen = 1; // a user action on a live scene: a non-matching scene is already the "rest" case
    applyToScene(doc, origin);
  } else {
    scenesSeen = 0;
    useSessionUi
      .getState()
      .setBanner({ origin, text: `${originText(origin, doc)} — waiting for the scene…`, missing: [] });
  }
}

/** Forgets a waiting session (used by "Clear"). */
export function dropPendingSession(): void {
  pending = undefined;
  slicesApplied = true;
  useSessionUi.getState().setBanner(undefined);
}
