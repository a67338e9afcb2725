// Built-in slices for the tools and fields stores: measurements, clipping planes, display choices, lesion line
// and probes survive capture -> JSON -> apply; probes are stored by organ NAME (no run-time ids, which contain
// file names) and re-attached to the organ of that name; malformed entries are dropped, not thrown.
import { describe, expect, it } from 'vitest';
import { useApp } from '../../../src/app/store';
import { organState } from './fixtures';
import { useTools } from '../../../src/ui/tools/toolStore';
import { useFields } from '../../../src/app/fieldStore';
import { registerBuiltinSlices } from '../../../src/app/session/builtinSlices';
import { applySlices, captureSlices } from '../../../src/app/session/slices';

describe('built-in session slices', () => {
  registerBuiltinSlices();

  it('round-trip tools and fields state, re-attaching probes by organ name', () => {
    useApp.getState().setScene('ct.nii.gz', [organState('ct.nii.gz:22:vertebra_L3', 'vertebra_L3', 22)]);
    useTools.getState().addMeasurement({
      kind: 'distance',
      points: [
        [0, 0, 0],
        [3, 4, 0],
      ],
      value: 5,
    });
    useTools.getState().addClipPlane('axial', -12);
    useTools.getState().set({ windowPreset: 'bone', showSlices: true });
    useFields.getState().set({
      colormap: 'turbo',
      rangeMode: 'manual',
      min: -90,
      max: 30,
      lesion: [
        [1, 2, 3],
        [4, 5, 6],
      ],
    });
    useFields.getState().addProbe('ct.nii.gz:22:vertebra_L3', 17, [7, 8, 9]);
    const saved = JSON.parse(JSON.stringify(captureSlices().values)) as Record<string, unknown>;
    expect(JSON.stringify(saved)).not.toContain('ct.nii.gz');

    useTools.setState({ measurements: [], clipPlanes: [], windowPreset: 'soft', showSlices: false });
    useFields.getState().set({ colormap: 'viridis', lesion: [], probes: [] });
    useApp.getState().setScene('ct.nii.gz', [organState('new:22:vertebra_L3', 'vertebra_L3', 22)]);
    expect(applySlices(saved)).toEqual([]);

    const t = useTools.getState();
    expect(t.measurements.map((m) => [m.kind, m.points, m.value])).toEqual([
      [
        'distance',
        [
          [0, 0, 0],
          [3, 4, 0],
        ],
        5,
      ],
    ]);
    expect(t.clipPlanes.map((p) => [p.axis, p.offsetMm, p.flip])).toEqual([['axial', -12, false]]);
    expect([t.windowPreset, t.showSlices]).toEqual(['bone', true]);
    const f = useFields.getState();
    expect([f.colormap, f.rangeMode, f.min, f.max]).toEqual(['turbo', 'manual', -90, 30]);
    expect(f.lesion).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(f.probes.map((p) => [p.organId, p.vertex, p.ras])).toEqual([
      ['new:22:vertebra_L3', 17, [7, 8, 9]],
    ]);
  });

  it('drop malformed entries instead of throwing', () => {
    const errors = applySlices({
      tools: {
        measurements: [{ kind: 'distance', points: [[0, 0]], value: 1 }, 'junk'],
        clipPlanes: [{ axis: 'oblique', offsetMm: 1 }],
        windowPreset: 'neon',
      },
      fields: {
        colormap: 'rainbow',
        probes: [{ organ: 'no_such_organ', vertex: 1, ras: [0, 0, 0] }],
        lesion: [
          [1, 2],
          [1, 2, 3],
        ],
      },
    });
    expect(errors).toEqual([]);
    expect(useTools.getState().measurements).toEqual([]);
    expect(useTools.getState().clipPlanes).toEqual([]);
    expect(useTools.getState().windowPreset).toBe('bone');
    expect(useFields.getState().colormap).toBe('turbo');
    expect(useFields.getState().probes).toEqual([]);
    expect(useFields.getState().lesion).toEqual([[1, 2, 3]]);
  });
});
