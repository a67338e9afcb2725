// Public face of session persistence: the document schema and validation, slices other features register,
// save/open files, share links, autosave and start-up restore.
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
