// The "sliceView" session slice (src/ui/slices/sliceViewParams.ts, sliceViewStore.ts): a dragged window/level
// (HU) and the overlay opacities survive capture -> JSON -> apply together with the window preset of the "tools"
// slice, in either slice order; untrusted values are kept only when finite, width > 0 and within WL_LIMITS
// (anything else dropped, never a throw); a drag never produces a window a session would refuse.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { useTools } from '../../../src/ui/tools/toolStore';
import { choosePreset, useSliceView } from '../../../src/ui/slices/sliceViewStore';
import { parseSliceView, parseWindowLevel, WL_LIMITS } from '../../../src/ui/slices/sliceViewParams';
import { dragWindow } from '../../../src/ui/slices/windowing';
import { registerBuiltinSlices } from '../../../src/app/session/builtinSlices';
import { applySlices, captureSlices } from '../../../src/app/session/slices';

describe('window/level reader', () => {
  it('keeps well-formed values', () => {
    expect(parseWindowLevel({ width: 1712.5, level: -487.5 })).toEqual({ width: 1712.5, level: -487.5 });
    expect(parseSliceView({ fieldOpacity: 0.25, planeOpacity: 1, custom: { width: 80, level: 35 } })).toEqual({
      fieldOpacity: 0.25,
      planeOpacity: 1,
      custom: { width: 80, level: 35 },
    });
  });

  it('drops non-finite, non-positive and out-of-range windows and opacities', () => {
    for (const bad of [
      { width: 0, level: 40 },
      { width: -400, level: 40 },
      { width: Infinity, level: 40 },
      { width: 400, level: NaN },
      { width: '400', level: 40 },
      { width: 400 },
      { width: 1e9, level: 40 },
      { width: 400, level: -1e6 },
      { width: 400, level: 1e6 },
      [400, 40],
      null,
    ])
      expect(parseWindowLevel(bad), JSON.stringify(bad)).toBeUndefined();
    expect(parseSliceView({ fieldOpacity: 2, planeOpacity: -0.1, custom: { width: 0, level: 0 } })).toEqual({});
    expect(parseSliceView('W400 L40')).toBeUndefined();
  });

  it('never throws; whatever it returns is within the limits (random JSON)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.record({ width: fc.jsonValue(), level: fc.jsonValue() }), (junk, wl) => {
        for (const v of [junk, { custom: junk }, { custom: wl }]) {
          const c = parseSliceView(v)?.custom;
          if (!c) continue;
          expect(c.width > 0 && c.width <= WL_LIMITS.width[1]).toBe(true);
          expect(c.level >= WL_LIMITS.level[0] && c.level <= WL_LIMITS.level[1]).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a drag of any length stays restorable', () => {
    const range: [number, number] = [0, 60_000]; // an MR volume's robust range
    for (const [dx, dy] of [[1e5, 0], [0, 1e5], [0, -1e5], [-1e5, 0]]) {
      const w = dragWindow({ width: 400, level: 40 }, dx!, dy!, range);
      expect(parseWindowLevel(JSON.parse(JSON.stringify(w)))).toEqual(w);
    }
  });
});

describe('sliceView + tools session slices', () => {
  registerBuiltinSlices();

  it('restore the preset and the dragged window together, whichever slice is applied first', () => {
    choosePreset('lung');
    useSliceView.getState().set({ custom: { width: 1700, level: -450 }, fieldOpacity: 0.3 });
    const saved = JSON.parse(JSON.stringify(captureSlices().values)) as Record<string, unknown>;
    const orders = [saved, { tools: saved.tools, sliceView: saved.sliceView }, { sliceView: saved.sliceView, tools: saved.tools }];
    for (const values of orders) {
      choosePreset('soft');
      useSliceView.getState().set({ fieldOpacity: 0.7 });
      expect(useSliceView.getState().custom).toBeUndefined();
      expect(applySlices(values)).toEqual([]);
      expect(useTools.getState().windowPreset).toBe('lung');
      expect(useSliceView.getState().custom).toEqual({ width: 1700, level: -450 });
      expect(useSliceView.getState().fieldOpacity).toBe(0.3);
    }
  });

  it('a preset chosen afterwards ends the dragged window; a bad saved window leaves the preset in charge', () => {
    useSliceView.getState().set({ custom: { width: 1700, level: -450 } });
    choosePreset('bone');
    expect(useSliceView.getState().custom).toBeUndefined();
    useSliceView.getState().set({ custom: { width: 300, level: 20 } });
    applySlices({ sliceView: { custom: { width: -5, level: 20 }, planeOpacity: 0.9 } });
    expect(useSliceView.getState().custom).toBeUndefined();
    expect(useSliceView.getState().planeOpacity).toBe(0.9);
  });
});
