// Session slices: features register get/set; capture/apply route values by name; values that arrive before
// their slice registers wait for it; share:false slices stay out of share captures; a throwing slice is
// reported without losing the others.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  applySlices,
  captureSlices,
  registerSessionSlice,
  resetSlicesForTest,
} from '../../../src/app/session/slices';

describe('session slices', () => {
  beforeEach(() => resetSlicesForTest());

  it('capture and apply by name (deep copies)', () => {
    let probes = [{ id: 'a', position: [1, 2, 3] }];
    registerSessionSlice('probes', { get: () => probes, set: (v) => (probes = v as typeof probes) });
    const { values } = captureSlices();
    expect(values.probes).toEqual(probes);
    expect(values.probes).not.toBe(probes);
    applySlices({ probes: [{ id: 'b', position: [4, 5, 6] }] });
    expect(probes).toEqual([{ id: 'b', position: [4, 5, 6] }]);
  });

  it('hold values for slices that register later, and keep them in captures meanwhile', () => {
    applySlices({ clipping: { planes: 2 } });
    expect(captureSlices().values.clipping).toEqual({ planes: 2 });
    let got: unknown;
    registerSessionSlice('clipping', { get: () => got, set: (v) => (got = v) });
    expect(got).toEqual({ planes: 2 });
  });

  it('leave share:false slices out of share captures', () => {
    registerSessionSlice('notes', { get: () => 'free text', set: () => undefined, share: false });
    registerSessionSlice('colormap', { get: () => 'viridis', set: () => undefined });
    expect(Object.keys(captureSlices(true).values)).toEqual(['colormap']);
    expect(Object.keys(captureSlices(false).values).sort()).toEqual(['colormap', 'notes']);
  });

  it('report a failing slice and still apply the others', () => {
    let ok: unknown;
    registerSessionSlice('bad', {
      get: () => {
        throw new Error('boom');
      },
      set: () => {
        throw new Error('nope');
      },
    });
    registerSessionSlice('good', { get: () => 1, set: (v) => (ok = v) });
    expect(captureSlices().errors).toEqual(['bad: boom']);
    expect(applySlices({ bad: 1, good: 2 })).toEqual(['bad: nope']);
    expect(ok).toBe(2);
  });

  it('refuse names that are not identifiers', () => {
    expect(() => registerSessionSlice('../x', { get: () => 0, set: () => undefined })).toThrow(
      /short identifier/,
    );
  });
});
