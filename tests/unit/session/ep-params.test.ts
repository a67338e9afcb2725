// The "ep" session slice's reader (src/ui/solvers/epParams.ts): a saved parameter set round-trips through JSON;
// untrusted values (files, share links) are checked field by field against the panel's ranges — junk, NaN
// strings, out-of-range numbers and unknown models fall back to the defaults, never throw. Units as in EpRunParams.
// The S1-S2 switch (boolean) and S2 coupling (ms, [10, 2000]) and the CV target (boolean, CVs in mm/ms) are read
// the same way.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EP_DEFAULTS, EP_LIMITS, parseEpParams } from '../../../src/ui/solvers/epParams';

describe('parseEpParams', () => {
  it('round-trips a saved parameter set', () => {
    const saved = {
      ...EP_DEFAULTS,
      model: 'tnnp',
      dxMm: 0.5,
      dtMs: 0.02,
      durationMs: 120,
      beats: 3,
      backend: 'js',
    };
    expect(parseEpParams(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
  });

  it('drops malformed or out-of-range fields for the defaults and keeps the rest', () => {
    const got = parseEpParams({
      model: 'hodgkin',
      dxMm: 0.001,
      dtMs: 'NaN',
      durationMs: 250,
      sigmaL: Infinity,
      backend: 'cuda',
    });
    expect(got).toEqual({ ...EP_DEFAULTS, durationMs: 250 });
    expect(parseEpParams('dx=2')).toBeUndefined();
    expect(parseEpParams(null)).toBeUndefined();
    expect(parseEpParams([1, 2])).toBeUndefined();
  });

  it('reads the S1-S2 switch and the S2 coupling interval, rejecting bad values', () => {
    expect(parseEpParams({ s1s2: true, s2CouplingMs: 280 })).toEqual({ ...EP_DEFAULTS, s1s2: true, s2CouplingMs: 280 });
    expect(parseEpParams({ s1s2: false, s2CouplingMs: 10 })).toMatchObject({ s1s2: false, s2CouplingMs: 10 });
    for (const bad of ['true', 1, null, {}]) expect(parseEpParams({ s1s2: bad })!.s1s2).toBe(EP_DEFAULTS.s1s2);
    for (const bad of [0, 9.9, -300, 2001, NaN, '300', Infinity, null])
      expect(parseEpParams({ s1s2: true, s2CouplingMs: bad })).toEqual({ ...EP_DEFAULTS, s1s2: true });
    expect(EP_DEFAULTS.s1s2).toBe(false);
  });

  it('reads the CV-target switch and the target CVs (mm/ms), rejecting bad values', () => {
    expect(parseEpParams({ cvTarget: false, cvL: 0.5, cvT: 0.2 })).toEqual({ ...EP_DEFAULTS, cvTarget: false, cvL: 0.5, cvT: 0.2 });
    for (const bad of ['false', 0, null]) expect(parseEpParams({ cvTarget: bad })!.cvTarget).toBe(EP_DEFAULTS.cvTarget);
    for (const bad of [0, 0.01, -0.65, 2.5, NaN, '0.6', null]) expect(parseEpParams({ cvL: bad, cvT: bad })).toEqual(EP_DEFAULTS);
    // default targets: human ventricular CVs (≈ 0.6-0.7 along, ≈ 0.3 m/s across; Taggart et al. 2000)
    expect([EP_DEFAULTS.cvTarget, EP_DEFAULTS.cvL, EP_DEFAULTS.cvT]).toEqual([true, 0.65, 0.3]);
  });

  it('never throws and always stays within the panel ranges (random JSON)', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.dictionary(fc.constantFrom(...Object.keys(EP_LIMITS)), fc.jsonValue()),
        (junk, fields) => {
          for (const v of [junk, fields]) {
            const p = parseEpParams(v);
            if (p === undefined) continue;
            for (const [k, [lo, hi]] of Object.entries(EP_LIMITS)) {
              const x = p[k as keyof typeof EP_LIMITS];
              expect(x >= lo && x <= hi).toBe(true);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
