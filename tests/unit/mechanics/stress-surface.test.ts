// The viewer's extra stress outputs (src/app/workers/stress-surface.ts) on the uniaxial patch test, where the
// exact state is uniform: a 4×4×8 mm box on rollers, E = 1000 MPa, ν = 0.3, axial load F over A = 16 mm²:
// ε3 = −σ/E, ε1 = ν·σ/E (lateral), SED = σ²/(2E); and the fracture-risk indicator switches from 0 to 1 as the
// axial strain crosses the vertebral compressive yield strain 0.77 % (Morgan & Keaveny 2001). Units: %, kJ/m³.
import { describe, expect, it } from 'vitest';
import * as M from '../../../src/solvers/mechanics';
import { extraNodeFields, fractureRisk } from '../../../src/app/workers/stress-surface';

// Trilinear hexes reproduce the uniform state exactly; solver tol 1e-10 and float32 fields leave ~1e-6.
const PATCH_TOL = 1e-4;
const E = 1000;
const NU = 0.3;
const A = 16;

async function patch(F: number) {
  const dom = M.boxDomain(4, 4, 8, 1, { E, nu: NU });
  const c = M.axialLoadCase(dom, F, 'roller');
  const sol = await M.solveElastic(c, { backend: 'js', tol: 1e-10 });
  expect(sol.stats.converged).toBe(true);
  const ef = M.elementFields(dom, c.mesh, sol.u);
  return { c, ef };
}

const spread = (a: Float32Array, want: number) =>
  Math.max(...Array.from(a, (v) => Math.abs(v - want))) / Math.abs(want);

describe('stress surface fields and fracture risk', () => {
  it('principal strains (%) and SED (kJ/m³) match the uniform uniaxial state', async () => {
    const F = 80;
    const { c, ef } = await patch(F);
    const sigma = F / A; // MPa
    const [e1, e3, sed] = extraNodeFields(c.mesh, ef, true);
    expect([e1!.name, e1!.units, e3!.name, e3!.units]).toEqual([
      'principal strain ε1',
      '%',
      'principal strain ε3',
      '%',
    ]);
    expect([sed!.name, sed!.units]).toEqual(['strain energy density', 'kJ/m³']);
    expect(spread(e3!.values, (-100 * sigma) / E)).toBeLessThan(PATCH_TOL);
    expect(spread(e1!.values, (100 * NU * sigma) / E)).toBeLessThan(PATCH_TOL);
    // σ²/(2E) in MPa = MJ/m³; × 1000 → kJ/m³
    expect(spread(sed!.values, (1000 * sigma * sigma) / (2 * E))).toBeLessThan(PATCH_TOL);
    // soft tissue: J/m³ (× 1e6)
    expect(extraNodeFields(c.mesh, ef, false)[2]!.units).toBe('J/m³');
  });

  it('fraction above yield: 0 below 0.77 % axial strain, 1 above it', async () => {
    const below = await patch(0.0075 * E * A); // ε = 0.75 %, lateral 0.225 % < 0.70 %
    const above = await patch(0.008 * E * A); // ε = 0.80 %
    expect(fractureRisk(below.ef).fractionAboveYield).toBe(0);
    expect(fractureRisk(above.ef).fractionAboveYield).toBe(1);
    expect(fractureRisk(above.ef)).toMatchObject({ compressive: 0.0077, tensile: 0.007 });
  });
});
