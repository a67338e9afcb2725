// Measurement maths: distances (mm) and angles (degrees) on world points, including degenerate and
// nearly-parallel cases and invariance under rigid motion (the RAS→three mapping is a rotation).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { angleDeg, distanceMm, formatMeasurement, measure, midpoint } from '../../../src/scene/measure/math';
import type { Vec3 } from '../../../src/volume/types';
import { rasToThree } from '../../../src/scene/frames';

const MM_TOL = 1e-9;
const DEG_TOL = 1e-9;
const SMALL_ANGLE_TOL_DEG = 1e-6;

describe('distanceMm', () => {
  it('is the Euclidean length', () => {
    expect(Math.abs(distanceMm([0, 0, 0], [3, 4, 12]) - 13)).toBeLessThan(MM_TOL);
    expect(distanceMm([5, 5, 5], [5, 5, 5])).toBe(0);
  });
  it('is symmetric and invariant under the RAS→three rotation', () => {
    const coord = fc.double({ min: -500, max: 500, noNaN: true });
    const pt = fc.tuple(coord, coord, coord);
    fc.assert(
      fc.property(pt, pt, (a, b) => {
        const d = distanceMm(a, b);
        expect(Math.abs(d - distanceMm(b, a))).toBeLessThan(MM_TOL);
        expect(Math.abs(d - distanceMm(rasToThree(...a), rasToThree(...b)))).toBeLessThan(1e-9 * (1 + d));
      }),
    );
  });
});

describe('angleDeg', () => {
  it('gives right, straight and zero angles', () => {
    expect(Math.abs(angleDeg([10, 0, 0], [0, 0, 0], [0, 7, 0]) - 90)).toBeLessThan(DEG_TOL);
    expect(Math.abs(angleDeg([-1, 0, 0], [0, 0, 0], [2, 0, 0]) - 180)).toBeLessThan(DEG_TOL);
    expect(Math.abs(angleDeg([1, 1, 1], [0, 0, 0], [3, 3, 3]))).toBeLessThan(DEG_TOL);
    expect(Math.abs(angleDeg([1, 0, 0], [0, 0, 0], [1, 1, 0]) - 45)).toBeLessThan(DEG_TOL);
  });
  it('resolves nearly parallel arms (where acos would lose precision)', () => {
    const eps = 1e-7; // radians
    const got = angleDeg([1, 0, 0], [0, 0, 0], [Math.cos(eps), Math.sin(eps), 0]);
    expect(Math.abs(got - (eps * 180) / Math.PI)).toBeLessThan(SMALL_ANGLE_TOL_DEG * 1e-3);
  });
  it('is NaN for a degenerate arm', () => {
    expect(angleDeg([0, 0, 0], [0, 0, 0], [1, 0, 0])).toBeNaN();
    expect(angleDeg([1, 0, 0], [0, 0, 0], [0, 0, 0])).toBeNaN();
    expect(formatMeasurement('angle', NaN)).toBe('—');
  });
  it('stays in [0, 180] and is symmetric in its arms', () => {
    const coord = fc.double({ min: -100, max: 100, noNaN: true });
    const pt = fc.tuple(coord, coord, coord);
    fc.assert(
      fc.property(pt, pt, pt, (a, v, b) => {
        const t = angleDeg(a, v, b);
        if (Number.isNaN(t)) return;
        expect(t).toBeGreaterThanOrEqual(0);
        expect(t).toBeLessThanOrEqual(180);
        expect(Math.abs(t - angleDeg(b, v, a))).toBeLessThan(1e-9);
      }),
    );
  });
});

describe('helpers', () => {
  it('midpoint, measure and formatting', () => {
    const m = midpoint([0, 0, 0], [2, 4, 6]);
    expect(distanceMm(m, [1, 2, 3])).toBeLessThan(MM_TOL);
    const pts: Vec3[] = [[0, 0, 0], [0, 0, 25.25]];
    expect(Math.abs(measure('distance', pts) - 25.25)).toBeLessThan(MM_TOL);
    expect(measure('angle', pts)).toBeNaN();
    expect(formatMeasurement('distance', 25.25)).toBe('25.3 mm');
    expect(formatMeasurement('angle', 90)).toBe('90.0°');
  });
});
