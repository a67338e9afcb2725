// Legend ticks: 1-2-5 steps, ticks inside the range and on step multiples, label formatting, robust ranges.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatTick, fullRange, NO_DATA, niceStep, niceTicks, robustRange } from '../../../src/ui/fields/ticks';

const REL_TOL = 1e-9;

function mantissa(step: number): number {
  return Number((step / 10 ** Math.floor(Math.log10(step) + REL_TOL)).toFixed(6));
}

describe('nice ticks', () => {
  it('steps are 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(0.8)).toBe(1);
    expect(niceStep(0.6)).toBeCloseTo(0.5, 12);
    expect(niceStep(1.3)).toBe(1);
    expect(niceStep(2.4)).toBe(2);
    expect(niceStep(3)).toBe(5);
    expect(niceStep(7)).toBe(10);
    expect(niceStep(0.023)).toBeCloseTo(0.02, 12);
  });

  it('EP voltage range −90..30 mV gives ticks every 20 mV', () => {
    expect(niceTicks(-90, 30, 5)).toEqual([-80, -60, -40, -20, 0, 20]);
  });

  it('ticks lie in the range, are evenly spaced on a 1-2-5 step (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (lo, span) => {
        const hi = lo + span;
        const t = niceTicks(lo, hi, 5);
        expect(t.length).toBeGreaterThanOrEqual(2);
        expect(t.length).toBeLessThanOrEqual(11);
        const step = t[1]! - t[0]!;
        expect([1, 2, 5, 10]).toContain(Math.round(mantissa(step)));
        for (const v of t) {
          expect(v).toBeGreaterThanOrEqual(lo - span * 1e-6);
          expect(v).toBeLessThanOrEqual(hi + span * 1e-6);
        }
        for (let i = 2; i < t.length; i++) expect(Math.abs(t[i]! - t[i - 1]! - step)).toBeLessThan(step * 1e-6);
      }),
      { numRuns: 300 },
    );
  });

  it('formats with the decimals the step needs', () => {
    expect(formatTick(0.30000000000000004, 0.1)).toBe('0.3');
    expect(formatTick(40, 20)).toBe('40');
    expect(formatTick(0.025, 0.005)).toBe('0.025');
  });

  it('robust range ignores outliers and no-data values', () => {
    const v = new Float32Array(1000);
    for (let i = 0; i < 1000; i++) v[i] = i / 10;
    v[0] = 1e6;
    v[1] = NaN;
    v[2] = NO_DATA * 10;
    const r = robustRange(v, 1)!;
    expect(r[0]).toBeGreaterThan(0.5);
    expect(r[1]).toBeLessThan(100);
    expect(fullRange(v)).toEqual([0.30000001192092896, 1e6]);
    expect(robustRange(new Float32Array([NaN]))).toBeUndefined();
  });
});
