// Slice-view display settings that are not anatomy-tool state: the field overlay opacity on the 2D slices, the
// opacity of the slice planes in 3D, and a custom window/level from a mouse drag (HU for CT; replaces the preset
// until a preset is chosen again, see choosePreset). Saved in sessions as the "sliceView" slice (no patient
// data); sliceViewParams.ts checks what comes back. The preset itself is in the "tools" slice.
import { create } from 'zustand';
import { registerSessionSlice } from '../../app/session';
import { useTools, type WindowPreset } from '../tools/toolStore';
import { parseSliceView, type WindowLevel } from './sliceViewParams';

export type { WindowLevel } from './sliceViewParams';

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

/** A preset chosen by the user ends the custom window. (Not a store subscription: a session restores the
 * preset and its dragged window together, in either slice order.) */
export function choosePreset(preset: WindowPreset): void {
  useSliceView.getState().set({ custom: undefined });
  useTools.getState().set({ windowPreset: preset });
}

registerSessionSlice('sliceView', {
  get: () => {
    const { fieldOpacity, planeOpacity, custom } = useSliceView.getState();
    return { fieldOpacity, planeOpacity, custom };
  },
  set: (v) => {
    const p = parseSliceView(v);
    if (!p) return;
    const s = useSliceView.getState();
    s.set({ fieldOpacity: p.fieldOpacity ?? s.fieldOpacity, planeOpacity: p.planeOpacity ?? s.planeOpacity, custom: p.custom });
  },
});
