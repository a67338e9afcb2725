// boneModulusFromHu / boneLaw against the published power laws written out by hand here: Morgan, Bayraktar &
// Keaveny 2003 (J Biomech 36:897), E = 4730·ρ_app^1.56 MPa (vertebra) and E = 6850·ρ_app^1.49 MPa (femoral
// neck), ρ_app in g/cm³, with the default uncalibrated ρ_app = HU/600 (0.001/0.6 g/cm³ per HU) or a user
// calibration ρ_app = a + b·HU. Units: HU, g/cm³, MPa.
import { describe, expect, it } from 'vitest';
import {
  boneLaw,
  boneModulusFromHu,
  MORGAN_2003_FEMORAL_NECK,
  MORGAN_2003_VERTEBRA,
} from '../../../src/solvers/mechanics';

// The same formula in float64 evaluated in a different order (HU/600 vs HU·(0.001/0.6)): a few ulps apart.
const FORMULA_TOL = 1e-12;
// Literal values below were computed separately to 7 significant digits (python, float64) and rounded.
const LITERAL_TOL = 1e-6;

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('HU → modulus (Morgan et al. 2003)', () => {
  it('uses the published constants', () => {
    expect(MORGAN_2003_VERTEBRA.coefficient).toBe(4730);
    expect(MORGAN_2003_VERTEBRA.exponent).toBe(1.56);
    expect(MORGAN_2003_FEMORAL_NECK.coefficient).toBe(6850);
    expect(MORGAN_2003_FEMORAL_NECK.exponent).toBe(1.49);
  });

  it('vertebra: E = 4730·ρ^1.56 MPa with ρ = HU/600 g/cm³', () => {
    for (const hu of [50, 150, 300, 450, 900]) {
      const rho = hu / 600;
      expect(rel(boneModulusFromHu(hu), 4730 * rho ** 1.56)).toBeLessThan(FORMULA_TOL);
      expect(rel(boneModulusFromHu(hu, boneLaw('vertebra')), 4730 * rho ** 1.56)).toBeLessThan(FORMULA_TOL);
    }
    // ρ = 0.5 g/cm³: 4730 · 0.5^1.56 = 1604.185 MPa; ρ = 1 g/cm³: exactly the coefficient
    expect(rel(boneModulusFromHu(300), 1604.185)).toBeLessThan(LITERAL_TOL);
    expect(rel(boneModulusFromHu(600), 4730)).toBeLessThan(FORMULA_TOL);
  });

  it('femoral neck: E = 6850·ρ^1.49 MPa', () => {
    const law = boneLaw('femoral-neck');
    for (const hu of [50, 150, 300, 450, 900]) {
      const rho = hu / 600;
      expect(rel(boneModulusFromHu(hu, law), 6850 * rho ** 1.49)).toBeLessThan(FORMULA_TOL);
    }
    expect(rel(boneModulusFromHu(300, law), 2438.686)).toBeLessThan(LITERAL_TOL);
  });

  it('a density calibration ρ = a + b·HU replaces the default', () => {
    const a = 0.05;
    const b = 0.0008;
    const v = boneLaw('vertebra', { a, b });
    const f = boneLaw('femoral-neck', { a, b });
    for (const hu of [0, 200, 700]) {
      const rho = a + b * hu;
      expect(rel(boneModulusFromHu(hu, v), 4730 * rho ** 1.56)).toBeLessThan(FORMULA_TOL);
      expect(rel(boneModulusFromHu(hu, f), 6850 * rho ** 1.49)).toBeLessThan(FORMULA_TOL);
    }
    // HU 200 → ρ = 0.21 g/cm³: 414.4988 MPa (vertebra), 669.5721 MPa (femoral neck)
    expect(rel(boneModulusFromHu(200, v), 414.4988)).toBeLessThan(LITERAL_TOL);
    expect(rel(boneModulusFromHu(200, f), 669.5721)).toBeLessThan(LITERAL_TOL);
  });

  it('clamps to [10, 20 000] MPa (air and metal-like HU) and rejects bad input', () => {
    expect(boneModulusFromHu(-1000)).toBe(MORGAN_2003_VERTEBRA.Emin);
    expect(boneModulusFromHu(5000)).toBe(MORGAN_2003_VERTEBRA.Emax);
    expect(() => boneModulusFromHu(NaN)).toThrow(/finite/);
    expect(() => boneLaw('tibia')).toThrow(/vertebra or femoral-neck/);
    expect(() => boneLaw('vertebra', { a: 0, b: 0 })).toThrow(/b > 0/);
    expect(() => boneLaw('vertebra', { a: NaN, b: 0.001 })).toThrow(/finite/);
  });
});
