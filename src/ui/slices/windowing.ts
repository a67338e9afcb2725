// Window/level presets (HU) and the grey mapping of slice pixels: lung W1500 L-600, bone W2000 L400,
// soft tissue W400 L40, and "auto" (1st..99th percentile of the volume; the MR default).
import type { WindowPreset } from '../tools/toolStore';

export const WINDOWS: Record<Exclude<WindowPreset, 'auto'>, { width: number; level: number; label: string }> = {
  lung: { width: 1500, level: -600, label: 'Lung' },
  bone: { width: 2000, level: 400, label: 'Bone' },
  soft: { width: 400, level: 40, label: 'Soft tissue' },
};

/** [low, high] display range for a preset; `auto` is the volume's robust range. */
export function windowRange(preset: WindowPreset, auto: [number, number]): [number, number] {
  if (preset === 'auto') return auto;
  const w = WINDOWS[preset];
  return [w.level - w.width / 2, w.level + w.width / 2];
}

/** Grey 0..255 of a value under a window. */
export function grey(v: number, lo: number, hi: number): number {
  const t = (v - lo) / (hi - lo);
  return t <= 0 ? 0 : t >= 1 ? 255 : Math.round(t * 255);
}
