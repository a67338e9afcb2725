// The "stress" session slice's reader (src/ui/solvers/stressParams.ts): saved stress parameters round-trip through
// JSON; untrusted values are checked field by field against the panel's ranges and malformed fields are left
// out (the panel keeps its current value), never a throw. Units: N / N·m / kPa, mm, MPa.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  parseStressParams,
  STRESS_LIMITS,
  type StressPanelParams,
} from '../../../src/ui/solvers/stressParams';

describe('parseStressParams', () => {
  it('round-trips saved stress parameters', () => {
    const saved: StressPanelParams = {
      preset: 'vertebra-flexion',
      load: 7.5,
      elementMm: 2,
      material: 'uniform',
      E: 120,
      nu: 0.35,
      boneLaw: { name: 'femoral-neck', densityA: 0.1, densityB: 0.0012 },
      organ: 'vertebra_T7',
    };
    expect(parseStressParams(JSON.parse(JSON.stringify(saved)))).toEqual(saved);
  });

  it('reads the cortical shell: off (null), on with E and thickness in range, malformed left out', () => {
    expect(parseStressParams({ cortical: null })).toEqual({ cortical: null });
    expect(parseStressParams({ cortical: { E_MPa: 12000, thicknessMm: 0.35 } })).toEqual({ cortical: { E_MPa: 12000, thicknessMm: 0.35 } });
    for (const bad of [{ E_MPa: 50, thicknessMm: 0.35 }, { E_MPa: 12000, thicknessMm: 4 }, { E_MPa: '12000', thicknessMm: 0.35 }, { E_MPa: 12000 }, 'on', 1, true])
      expect(parseStressParams({ cortical: bad })).toEqual({});
    expect(STRESS_LIMITS.corticalE).toEqual([100, 30000]);
  });

  it('a panel on its default organ saves no organ, and reads back without one (the preset default again)', () => {
    const panel: StressPanelParams = {
      preset: 'lung-inflation',
      load: 0.5,
      elementMm: 4,
      material: 'hu',
      E: 500,
      nu: 0.3,
      boneLaw: { name: 'vertebra', densityA: 0, densityB: 1 / 600 },
      organ: undefined,
    };
    const text = JSON.stringify(panel);
    expect(text).not.toContain('organ');
    const back = parseStressParams(JSON.parse(text));
    expect(back).toEqual({ ...panel, organ: undefined });
    expect(back && 'organ' in back).toBe(false);
  });

  it('leaves out malformed or out-of-range fields', () => {
    expect(
      parseStressParams({
        preset: 'femur-torsion',
        load: 'heavy',
        elementMm: 0.1,
        material: 'steel',
        E: 250,
        nu: 0.5,
        boneLaw: { name: 'vertebra', densityA: 0, densityB: 5 },
        organ: 42,
      }),
    ).toEqual({ E: 250 });
    expect(parseStressParams('E=250')).toBeUndefined();
    expect(parseStressParams(null)).toBeUndefined();
  });

  it('never throws; every number it returns is within the panel ranges (random JSON)', () => {
    const keys = ['preset', 'load', 'elementMm', 'material', 'E', 'nu', 'boneLaw', 'organ'];
    fc.assert(
      fc.property(fc.jsonValue(), fc.dictionary(fc.constantFrom(...keys), fc.jsonValue()), (junk, fields) => {
        for (const v of [junk, fields]) {
          const p = parseStressParams(v);
          if (!p) continue;
          for (const k of ['load', 'elementMm', 'E', 'nu'] as const) {
            const x = p[k];
            if (x !== undefined) expect(x >= STRESS_LIMITS[k][0] && x <= STRESS_LIMITS[k][1]).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
