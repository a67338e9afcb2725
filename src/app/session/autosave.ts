// Autosave of the session to IndexedDB (idb-keyval), debounced, so a reload or a crashed tab comes back
// where the user left it. Only the view-state document is stored (file names, parameters, camera), never
// voxel data. Change detection: store subscription + a cheap 1 s poll of the captured JSON (camera and
// slices have no change events). "Keep session in this browser" can be switched off (localStorage flag).
import { del, get, set } from 'idb-keyval';
import { useApp } from '../store';
import { captureSession } from './capture';
import { pendingSession, pendingSlicesApplied } from './restore';
import type { SessionDoc } from './schema';
import { useSessionUi } from './sessionStore';
import { SessionError, validateSession } from './validate';

export const AUTOSAVE_KEY = 'organ-twin/session/v1';
export const AUTOSAVE_DEBOUNCE_MS = 500;
const POLL_MS = 1000;
const ENABLED_KEY = 'organ-twin/autosave-enabled';
/** When the user last cleared the autosave (ISO time, localStorage: written synchronously, so it survives a
 *  reload that aborts the asynchronous IndexedDB delete); an older record is treated as deleted. */
const CLEARED_KEY = 'organ-twin/autosave-cleared-at';

function clearedAt(): number {
  try {
    return Date.parse(localStorage.getItem(CLEARED_KEY) ?? '') || 0;
  } catch {
    return 0;
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
let poll: ReturnType<typeof setInterval> | undefined;
let lastJson = '';
let unsub: (() => void) | undefined;

export function autosaveEnabled(): boolean {
  try {
    return localStorage.getItem(ENABLED_KEY) !== 'off';
  } catch {
    return true;
  }
}

/** What autosave stores: the live session, but while a session waits for its scan, its sources and organs. */
export function sessionForAutosave(): SessionDoc | undefined {
  const doc = captureSession();
  const p = pendingSession();
  if (p) {
    doc.sourceName = p.sourceName;
    doc.sources = p.sources;
    doc.organs = p.organs;
    if (p.selectedOrgan !== undefined) doc.selectedOrgan = p.selectedOrgan;
    if (!pendingSlicesApplied()) doc.slices = { ...doc.slices, ...p.slices };
  }
  return doc.organs.length > 0 || doc.sources.length > 0 ? doc : undefined;
}

const comparable = (d: SessionDoc) => JSON.stringify({ ...d, savedAt: '' });

export async function saveNow(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = undefined;
  if (!autosaveEnabled()) return;
  const doc = sessionForAutosave();
  if (!doc) return;
  lastJson = comparable(doc);
  try {
    await set(AUTOSAVE_KEY, JSON.stringify(doc));
    useSessionUi.getState().setAutosave(doc.savedAt);
  } catch (err) {
    useSessionUi.getState().setAutosave(undefined, err instanceof Error ? err.message : String(err));
  }
}

/** On leaving the page: write only what changed since the last save or clear (a cleared session stays cleared). */
function flushIfChanged(): Promise<void> {
  if (!autosaveEnabled()) return Promise.resolve();
  const doc = sessionForAutosave();
  if (!timer && (!doc || comparable(doc) === lastJson)) return Promise.resolve();
  return saveNow();
}

function check(): void {
  if (!autosaveEnabled()) return;
  const doc = sessionForAutosave();
  if (!doc || comparable(doc) === lastJson) return;
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void saveNow(), AUTOSAVE_DEBOUNCE_MS);
}

export function startAutosave(): void {
  if (poll) return;
  const first = sessionForAutosave();
  lastJson = first ? comparable(first) : '';
  unsub = useApp.subscribe((s, p) => {
    if (s.organs !== p.organs || s.selectedId !== p.selectedId || s.sourceName !== p.sourceName) check();
  });
  poll = setInterval(check, POLL_MS);
  addEventListener('pagehide', () => void flushIfChanged());
}

export function stopAutosave(): void {
  if (poll) clearInterval(poll);
  if (timer) clearTimeout(timer);
  unsub?.();
  poll = timer = unsub = undefined;
}

/** Reads the autosaved session; a damaged or newer record is reported and removed, never thrown. */
export async function loadAutosave(): Promise<SessionDoc | undefined> {
  let text: unknown;
  try {
    text = await get(AUTOSAVE_KEY);
  } catch {
    return undefined; // IndexedDB unavailable (private mode): nothing to restore
  }
  if (typeof text !== 'string') return undefined;
  try {
    const doc = validateSession(JSON.parse(text) as unknown, 'autosaved session');
    const cleared = clearedAt();
    if (cleared > 0 && !(Date.parse(doc.savedAt) > cleared)) {
      await del(AUTOSAVE_KEY).catch(() => undefined); // the user cleared it; the delete did not finish before
      return undefined;
    }
    return doc;
  } catch (err) {
    const msg = err instanceof SessionError ? err.message : 'autosaved session: unreadable';
    useApp.getState().notify('info', `${msg}. It was discarded.`);
    await del(AUTOSAVE_KEY).catch(() => undefined);
    return undefined;
  }
}

/** Deletes the saved session; autosave resumes with the next change (unless switched off). */
export async function clearAutosave(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = undefined;
  const cur = sessionForAutosave();
  lastJson = cur ? comparable(cur) : '';
  try {
    localStorage.setItem(CLEARED_KEY, new Date().toISOString());
  } catch {
    /* storage blocked: the IndexedDB delete below is all there is */
  }
  await del(AUTOSAVE_KEY);
  useSessionUi.getState().setAutosave(undefined);
}

export async function setAutosaveEnabled(on: boolean): Promise<void> {
  try {
    localStorage.setItem(ENABLED_KEY, on ? 'on' : 'off');
  } catch {
    /* storage blocked: the flag just does not persist */
  }
  if (on) await saveNow();
  else await clearAutosave();
}
