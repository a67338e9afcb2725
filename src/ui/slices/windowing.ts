// Window/level presets (HU) and the grey mapping of slice pixels: lung W1500 L-600, bone W2000 L400,
// soft tissue W400 L40, and "auto" (1st..99th percentile of the volume; the MR default); plus the mouse
// window/level drag (horizontal = width, vertical = level, as in 3D Slicer), scaled to the volume's range.
import type { WindowPreset } from '../tools/toolStore';
import { clampWindowLevel, type WindowLevel } from './sliceViewParams';

export const WINDOWS: Record<Exclude<WindowPreset, 'auto'>, { width: number; level: number; label: string }> = {
  lung: { width: 1500, level: -600, label: 'Lung' },
  bone: { width: 2000, level: 400, label: 'Bone' },
  soft: { width: 400, level: 40, label: 'Soft tissue' },
};

/** Image units per dragged screen pixel, as a fraction of the volume's robust range. */
export const DRAG_FRACTION_PER_PX = 1 / 400;
/** The narrowest window a drag can reach, as a fraction of the robust range. */
export const MIN_WIDTH_FRACTION = 1 / 500;

/** [low, high] display range for a preset; `auto` is the volume's robust range. */
export function windowRange(preset: WindowPreset, auto: [number, number]): [number, number] {
  if (preset === 'auto') return auto;
  const w = WINDOWS[preset];
  return [w.level - w.width / 2, w.level + w.width / 2];
}

export function rangeOf(w: WindowLevel): [number, number] {
  return [w.level - w.width / 2, w.level + w.width / 2];
}

export function levelOf(r: [number, number]): WindowLevel {
  return { width: r[1] - r[0], level: (r[0] + r[1]) / 2 };
}

/** Window after a drag of (dx right, dy down) pixels from `start`: right widens, down raises the level (darker).
 * Kept within WL_LIMITS so a session can always restore it. */
export function dragWindow(start: WindowLevel, dx: number, dy: number, auto: [number, number]): WindowLevel {
  const span = Math.max(1e-6, auto[1] - auto[0]);
  const step = span * DRAG_FRACTION_PER_PX;
  return clampWindowLevel({ width: Math.max(span * MIN_WIDTH_FRACTION, start.width + dx * step), level: start.level + dy * step });
}

/** Grey 0..255 of a value under a window. */
export function grey(v: number, lo: number, hi: number): number {
  const t = (v - lo) / (hi - lo);
  return t <= 0 ? 0 : t >= 1 ? 255 : Math.round(t * 255);
}
