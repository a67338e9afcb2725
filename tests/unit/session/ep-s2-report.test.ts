// The EP panel's S2 read-out (src/ui/solvers/epS2.ts) on run summaries: S2 "captured" when at least
// S2_CAPTURE_FRACTION of the tissue activated a second time, "no capture" below it, re-entry named when tissue
// upcrossed twice after S2, and no read-out for a run without S2. Times ms, fractions of the tissue cells.
import { describe, expect, it } from 'vitest';
import { s2Report, S2_CAPTURE_FRACTION } from '../../../src/ui/solvers/epS2';

const base = { s2StartMs: 330, secondActivationFraction: 0.4, reactivatedFraction: 0 };

describe('s2Report', () => {
  it('calls S2 captured when enough tissue activates a second time, else not', () => {
    expect(s2Report(base)).toEqual({ captured: true, text: 'S2 at 330 ms: captured, 40 % of the tissue activated a second time' });
    expect(s2Report({ ...base, secondActivationFraction: S2_CAPTURE_FRACTION })!.captured).toBe(true);
    expect(s2Report({ ...base, secondActivationFraction: 0.002 })).toEqual({
      captured: false,
      text: 'S2 at 330 ms: no capture (0 % activated again; tissue at the site still refractory)',
    });
    expect(s2Report({ ...base, secondActivationFraction: NaN })!.captured).toBe(false);
  });

  it('names re-entry, and has nothing to say without S2', () => {
    expect(s2Report({ ...base, reactivatedFraction: 0.3 })!.text).toBe(
      'S2 at 330 ms: captured, 40 % of the tissue activated a second time; 30 % excited twice after S2 (re-entry)',
    );
    expect(s2Report({ ...base, s2StartMs: undefined })).toBeUndefined();
  });
});
