// Slice-view display settings that are not anatomy-tool state: the field overlay opacity on the 2D slices, the
// opacity of the slice planes in 3D, and a custom window/level from a mouse drag (HU for CT; replaces the preset
// until a preset is chosen again). Saved in sessions as the "sliceView" slice (no patient data).
import { create } from 'zustand';
import { registerSessionSlice } from '../../app/session';
import { isObj, num } from '../../app/session/sanitize';
import { useTools } from '../tools/toolStore';

export interface WindowLevel {
  width: number;
  level: number;
}

interface SliceViewState {
  /** Opacity of the solver field over the slice (0..1). */
  fieldOpacity: number;
  /** Opacity of the textured slice quads in the 3D view (0..1). */
  planeOpacity: number;
  /** Window/level set by dragging; undefined = the tools' window preset. */
  custom?: WindowLevel;
  set(patch: Partial<Omit<SliceViewState, 'set'>>): void;
}

export const useSliceView = create<SliceViewState>((set) => ({
  fieldOpacity: 0.7,
  planeOpacity: 0.5,
  custom: undefined,
  set: (patch) => set(patch),
}));

// Choosing a preset (button, session) ends the custom window.
useTools.subscribe((s, prev) => {
  if (s.windowPreset !== prev.windowPreset) useSliceView.getState().set({ custom: undefined });
});

const unit = (v: unknown): number | undefined => {
  const x = num(v);
  return x !== undefined && x >= 0 && x <= 1 ? x : undefined;
};

registerSessionSlice('sliceView', {
  get: () => {
    const { fieldOpacity, planeOpacity, custom } = useSliceView.getState();
    return { fieldOpacity, planeOpacity, custom };
  },
  set: (v) => {
    if (!isObj(v)) return;
    const w = isObj(v.custom) ? { width: num(v.custom.width), level: num(v.custom.level) } : undefined;
    const custom = w && w.width !== undefined && w.width > 0 && w.level !== undefined ? { width: w.width, level: w.level } : undefined;
    const s = useSliceView.getState();
    s.set({ fieldOpacity: unit(v.fieldOpacity) ?? s.fieldOpacity, planeOpacity: unit(v.planeOpacity) ?? s.planeOpacity, custom });
  },
});
