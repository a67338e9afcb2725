// Capture the current view state into a SessionDoc and apply a SessionDoc to the current scene.
// Reads/writes the app store (organ display parameters), the camera (through a registered accessor, three.js
// frame mm) and the registered slices. Organs are matched by name (+ label value), never by run-time id.
import { useApp, type OrganState } from '../store';
import {
  SESSION_FORMAT,
  SESSION_VERSION,
  type SessionCamera,
  type SessionDoc,
  type SessionOrgan,
  type SessionSource,
} from './schema';
import { applySlices, captureSlices } from './slices';

export interface CameraAccess {
  get(): SessionCamera | undefined;
  set(cam: SessionCamera): void;
}

let cameraAccess: CameraAccess | undefined;

/** Wired once by the app (see wire.ts) so this module does not depend on the 3D scene code. */
export function setCameraAccess(access: CameraAccess | undefined): void {
  cameraAccess = access;
}

export function getCamera(): SessionCamera | undefined {
  return cameraAccess?.get();
}

/** Splits the header's source label into sources. "phantom@1.5mm" is the built-in phantom; files are
 * separated by " + " or ", " (e.g. "ct.nii.gz + seg.nii.gz"). */
export function sourcesFromName(sourceName: string): SessionSource[] {
  if (!sourceName) return [];
  if (/^phantom\b/.test(sourceName)) return [{ kind: 'phantom', name: sourceName }];
  return sourceName
    .split(/\s\+\s|,\s/)
    .map((n) => n.trim())
    .filter(Boolean)
    .map((name) => ({ kind: 'file' as const, name }));
}

export function organToSession(o: OrganState): SessionOrgan {
  const s: SessionOrgan = { name: o.name, color: [...o.color], opacity: o.opacity, visible: o.visible };
  if (o.label !== undefined) s.label = o.label;
  return s;
}

export function captureSession(forShare = false): SessionDoc {
  const st = useApp.getState();
  const selected = st.organs.find((o) => o.id === st.selectedId);
  const doc: SessionDoc = {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    savedAt: new Date().toISOString(),
    sourceName: st.sourceName,
    sources: sourcesFromName(st.sourceName),
    organs: st.organs.map(organToSession),
    slices: captureSlices(forShare).values,
  };
  if (selected) doc.selectedOrgan = selected.name;
  const cam = getCamera();
  if (cam) doc.camera = cam;
  return doc;
}

function matches(o: OrganState, s: SessionOrgan): boolean {
  return o.name === s.name && (s.label === undefined || o.label === undefined || o.label === s.label);
}

/** Applies organ display parameters; returns the session organs that found no organ in the scene. */
export function applyOrgans(doc: SessionDoc): { applied: number; unmatched: string[] } {
  const st = useApp.getState();
  let applied = 0;
  const unmatched: string[] = [];
  for (const s of doc.organs) {
    const o = st.organs.find((x) => matches(x, s));
    if (!o) {
      unmatched.push(s.name);
      continue;
    }
    st.updateOrgan(o.id, { color: [...s.color], opacity: s.opacity, visible: s.visible });
    applied++;
  }
  if (doc.selectedOrgan !== undefined)
    st.select(useApp.getState().organs.find((o) => o.name === doc.selectedOrgan)?.id);
  return { applied, unmatched };
}

export function applyCamera(doc: SessionDoc): boolean {
  if (!doc.camera || !cameraAccess) return false;
  cameraAccess.set(doc.camera);
  return true;
}

export function applySessionSlices(doc: SessionDoc): string[] {
  return applySlices(doc.slices);
}

/** True when the scene on screen was built from what the session names (same label, or both phantom). */
export function sceneMatches(doc: SessionDoc, sourceName = useApp.getState().sourceName): boolean {
  if (!sourceName) return false;
  if (!doc.sourceName && doc.sources.length === 0) return true; // share links carry no sources
  if (doc.sourceName === sourceName) return true;
  const a = sourcesFromName(sourceName);
  return (
    a.length > 0 && a.every((s) => s.kind === 'phantom') && doc.sources.every((s) => s.kind === 'phantom')
  );
}

/** File names the session needs that the current scene was not built from. */
export function missingFiles(doc: SessionDoc, sourceName = useApp.getState().sourceName): string[] {
  const have = new Set(sourcesFromName(sourceName).map((s) => s.name));
  return doc.sources.filter((s) => s.kind === 'file' && !have.has(s.name)).map((s) => s.name);
}
