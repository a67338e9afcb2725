// The viewer's stress-panel material choice as the solver worker applies it (src/app/workers/stress-material.ts):
// the HU→E law, density calibration and cortical shell picked in the panel reach the element moduli (checked against the
// Morgan 2003 formulas written out here), tissue presets keep their defaults, 'uniform' ignores HU.
// Units: HU, g/cm³, MPa.
import { describe, expect, it } from 'vitest';
import { stressMaterial } from '../../../src/app/workers/stress-material';

// Same float64 formula evaluated in another order: a few ulps.
const FORMULA_TOL = 1e-12;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const base = { preset: 'vertebra-compression', material: 'hu' as const, E_MPa: 500, nu: 0.3, elementMm: 2 };

describe('stress panel material → worker', () => {
  it('default: vertebra law, ρ = HU/600', () => {
    const m = stressMaterial(base);
    expect(m.needsImage).toBe(true);
    expect(rel(m.material(300, 50).E, 4730 * 0.5 ** 1.56)).toBeLessThan(FORMULA_TOL);
    expect(m.note).toMatch(/4730·ρ_app\^1\.56/);
  });

  it('femoral-neck law with a calibration', () => {
    const m = stressMaterial({
      ...base,
      boneLaw: { name: 'femoral-neck', densityA: 0.02, densityB: 0.0009 },
    });
    const rho = 0.02 + 0.0009 * 400;
    expect(rel(m.material(400, 50).E, 6850 * rho ** 1.49)).toBeLessThan(FORMULA_TOL);
    expect(m.note).toMatch(/6850/);
  });

  it('cortical shell: default 12 000 MPa / 0.35 mm, panel values, off, and only for HU-based bone', () => {
    expect(stressMaterial(base).cortical).toEqual({ E: 12000, thicknessMm: 0.35 });
    const panel = stressMaterial({ ...base, cortical: { E_MPa: 8000, thicknessMm: 0.5 } });
    expect(panel.cortical).toEqual({ E: 8000, thicknessMm: 0.5 });
    expect(stressMaterial({ ...base, cortical: null }).cortical).toBeNull();
    expect(stressMaterial({ ...base, material: 'uniform' }).cortical).toBeNull();
    expect(() => stressMaterial({ ...base, cortical: { E_MPa: 8000, thicknessMm: 0 } })).toThrow(/thickness/);
  });

  it('rejects an impossible calibration with a message', () => {
    expect(() =>
      stressMaterial({ ...base, boneLaw: { name: 'vertebra', densityA: 0, densityB: -1 } }),
    ).toThrow(/b > 0/);
  });

  it('uniform and soft-tissue presets ignore HU', () => {
    const u = stressMaterial({ ...base, material: 'uniform' });
    expect(u.needsImage).toBe(false);
    expect(u.material(300, 50)).toEqual({ E: 500, nu: 0.3 });
    const lung = stressMaterial({ ...base, preset: 'lung-inflation' });
    expect(lung.material(-800, 1)).toEqual({ E: 0.0025, nu: 0.3 });
    const lv = stressMaterial({ ...base, preset: 'ventricle-pressure' });
    expect(lv.material(40, 1)).toEqual({ E: 0.03, nu: 0.45 });
  });
});
