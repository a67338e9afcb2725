// Public face of session persistence: the document schema and validation, slices other features register,
// save/open files, share links, autosave and start-up restore.
//
// Adding your feature's state to sessions (no edit here needed):
//   import { registerSessionSlice } from '../app/session';
//   registerSessionSlice('myFeature', { get: () => plainJson, set: (v: unknown) => applyAfterChecking(v) });
// `set` receives UNTRUSTED JSON (files, links): check it, drop what is malformed, never throw for junk. It is
// called after the scene's organs exist, so refer to organs by name, not by run-time id (ids contain file
// names). Pass `share: false` for anything that could identify a patient. Panels keeping parameters in React
// state use `useSessionSlice(name, value, setValue, parse)` from src/ui/session.
export * from './schema';
export { SessionError, parseSession, serializeSession, validateSession } from './validate';
export { registerSessionSlice, type SessionSlice } from './slices';
export { captureSession, setCameraAccess, sourcesFromName } from './capture';
export { restoreSession, dropPendingSession, pendingSession } from './restore';
export { downloadSession, readSessionFile, sessionFileName } from './file';
export { encodeShareHash, decodeShareHash } from './share';
export { autosaveEnabled, setAutosaveEnabled, clearAutosave, saveNow } from './autosave';
export { useSessionUi } from './sessionStore';
export { initSession } from './init';
export { restoreCameraAfterViewRemount } from './cameraKeeper';
