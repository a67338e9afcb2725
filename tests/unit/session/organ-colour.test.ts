// Organ colours in sessions (src/app/colorHex.ts, validate.ts, capture.ts): '#rrggbb' <-> sRGB 0..1 is exact for
// every 8-bit value; a colour picked in the organ list survives capture -> file JSON -> parse -> apply onto a
// scene with new ids; a session file may spell a colour '#rrggbb'; malformed colours are refused with their path.
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../src/app/colorHex';
import { useApp } from '../../../src/app/store';
import { applyOrgans, captureSession } from '../../../src/app/session/capture';
import { parseSession, serializeSession, validateSession, SessionError } from '../../../src/app/session/validate';
import { organState, sampleSession } from './fixtures';

describe('organ colour', () => {
  it('#rrggbb <-> 0..1 round-trips every 8-bit channel value', () => {
    for (let v = 0; v < 256; v++) {
      const h = v.toString(16).padStart(2, '0');
      for (const hex of [`#${h}0000`, `#00${h}00`, `#0000${h}`]) expect(toHex(fromHex(hex)!)).toBe(hex);
    }
    expect(fromHex('#3366CC')).toEqual([0.2, 0.4, 0.8]);
  });

  it('reads only #rrggbb', () => {
    for (const bad of ['#36c', '3366cc', '#3366cg', '#3366cc00', ' #3366cc', 'blue', '', 0x3366cc, null])
      expect(fromHex(bad), String(bad)).toBeUndefined();
  });

  it('a picked colour survives save -> file -> reopen onto new organ ids', () => {
    useApp.getState().setScene('phantom@1.5mm', [organState('a:1', 'heart_myocardium', 1), organState('a:2', 'lung_left', 2)]);
    useApp.getState().updateOrgan('a:1', { color: fromHex('#3366cc')! });
    const text = serializeSession(captureSession());
    useApp.getState().setScene('phantom@1.5mm', [organState('b:1', 'heart_myocardium', 1), organState('b:2', 'lung_left', 2)]);
    expect(applyOrgans(parseSession(text, 's.json')).unmatched).toEqual([]);
    const [heart, lung] = useApp.getState().organs;
    expect(toHex(heart!.color)).toBe('#3366cc');
    expect(lung!.color).toEqual([0.5, 0.5, 0.5]);
  });

  it("accepts '#rrggbb' in a session file and refuses malformed colours with their path", () => {
    const raw = JSON.parse(serializeSession(sampleSession())) as Record<string, any>;
    raw.organs[0].color = '#ff8000';
    expect(validateSession(raw, 'h.json').organs[0]!.color).toEqual([1, 128 / 255, 0]);
    raw.organs[0].color = '#ff80';
    raw.organs[1].color = 'orange';
    expect(() => validateSession(raw, 'h.json')).toThrow(SessionError);
    expect(() => validateSession(raw, 'h.json')).toThrow(
      /organs\[0\]\.color: expected '#rrggbb'.*organs\[1\]\.color: expected '#rrggbb'/,
    );
  });
});
