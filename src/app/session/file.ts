// Session files (.otwin.json): download the current session and open one the user picks. The file holds
// view state and file NAMES only; the scans themselves are never written into it.
import { download } from '../download';
import { SESSION_FILE_SUFFIX, type SessionDoc } from './schema';
import { SessionError, parseSession, serializeSession } from './validate';

/** Largest session file we read (a session is a few KB; this only stops a wrong file being slurped). */
export const MAX_SESSION_FILE_BYTES = 5 * 2 ** 20;

export function sessionFileName(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `session-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${SESSION_FILE_SUFFIX}`;
}

export function downloadSession(doc: SessionDoc, name = sessionFileName()): void {
  download(name, new Blob([serializeSession(doc)], { type: 'application/json' }));
}

export async function readSessionFile(file: File): Promise<SessionDoc> {
  if (file.size > MAX_SESSION_FILE_BYTES)
    throw new SessionError(file.name, [
      `is ${(file.size / 2 ** 20).toFixed(1)} MB — not a session file (sessions are a few KB; scans are opened with "Open files")`,
    ]);
  return parseSession(await file.text(), file.name);
}
