// Share links: the view state and parameters of a session, deflated and base64url-encoded in the URL hash
// (#s=...). A share link NEVER carries patient data: no voxel data, no file contents, and — by decision —
// no file names either (names like "DOE_JOHN_ct.nii.gz" can identify a patient). `sources` and
// `sourceName` are emptied and slices registered with share:false are left out. The hash never reaches a
// server (browsers do not send it), and this app makes no network requests with it.
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { SessionDoc } from './schema';
import { SessionError, validateSession } from './validate';

export const SHARE_PREFIX = 's=';
/** Links longer than this are refused when parsing (a sanity bound, ~64 KB). */
export const MAX_SHARE_CHARS = 65_536;

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The part of a session that may travel in a link: file names removed. */
export function shareableSession(doc: SessionDoc): SessionDoc {
  return { ...doc, sourceName: '', sources: [], selectedOrgan: doc.selectedOrgan };
}

/** Hash fragment (without '#') for a session. Caller passes slices already filtered with forShare=true. */
export function encodeShareHash(doc: SessionDoc): string {
  const json = JSON.stringify(shareableSession(doc));
  return SHARE_PREFIX + toBase64Url(deflateSync(strToU8(json), { level: 9 }));
}

/** Reads a share hash ('#s=...' or 's=...'); undefined when the hash holds no session. */
export function decodeShareHash(hash: string): SessionDoc | undefined {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const part = h.split('&').find((p) => p.startsWith(SHARE_PREFIX));
  if (!part) return undefined;
  const body = part.slice(SHARE_PREFIX.length);
  if (body.length > MAX_SHARE_CHARS)
    throw new SessionError('share link', [`too long (${body.length} characters)`]);
  let json: string;
  try {
    json = strFromU8(inflateSync(fromBase64Url(body)));
  } catch {
    throw new SessionError('share link', [
      'damaged or truncated (could not decode it); ask for the link again',
    ]);
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new SessionError('share link', ['damaged (not valid JSON inside)']);
  }
  return shareableSession(validateSession(value, 'share link'));
}
