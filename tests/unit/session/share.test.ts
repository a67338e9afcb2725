// Share links: the URL hash carries view state and parameters but never file names or file contents;
// decoding gives back the same camera/organs/slices; damaged or newer links give clear messages.
import { describe, expect, it } from 'vitest';
import { decodeShareHash, encodeShareHash, MAX_SHARE_CHARS } from '../../../src/app/session/share';
import { SESSION_VERSION } from '../../../src/app/session/schema';
import { SessionError } from '../../../src/app/session/validate';
import { sampleSession } from './fixtures';

describe('share links', () => {
  it('round-trip camera, organs and slices', () => {
    const doc = sampleSession();
    const back = decodeShareHash(`#${encodeShareHash(doc)}`);
    expect(back?.camera).toEqual(doc.camera);
    expect(back?.organs).toEqual(doc.organs);
    expect(back?.slices).toEqual(doc.slices);
  });

  it('never contain file names, in the link text or in the decoded session', () => {
    const doc = sampleSession();
    const hash = encodeShareHash(doc);
    for (const s of doc.sources) expect(hash).not.toContain(s.name);
    const back = decodeShareHash(hash)!;
    expect(back.sources).toEqual([]);
    expect(back.sourceName).toBe('');
    expect(JSON.stringify(back)).not.toMatch(/nii\.gz/);
  });

  it('strip file names even when a crafted link carries them', async () => {
    const { deflateSync, strToU8 } = await import('fflate');
    const raw = strToU8(JSON.stringify(sampleSession()));
    const b64 = Buffer.from(deflateSync(raw)).toString('base64url');
    const back = decodeShareHash(`s=${b64}`)!;
    expect(back.sources).toEqual([]);
    expect(back.sourceName).toBe('');
  });

  it('stay short for a typical view', () => {
    expect(encodeShareHash(sampleSession()).length).toBeLessThan(MAX_SHARE_CHARS / 50);
  });

  it('ignore hashes without a session and explain damaged or newer ones', () => {
    expect(decodeShareHash('')).toBeUndefined();
    expect(decodeShareHash('#view=1')).toBeUndefined();
    expect(() => decodeShareHash('#s=AAAA')).toThrow(SessionError);
    expect(() => decodeShareHash('#s=AAAA')).toThrow(/share link: damaged/);
    const newer = encodeShareHash({ ...sampleSession(), version: SESSION_VERSION + 1 });
    expect(() => decodeShareHash(newer)).toThrow(/newer Organ Twin/);
  });
});
