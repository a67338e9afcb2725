// Reader for the "sliceView" session slice (UNTRUSTED: file, autosave, share link): overlay opacities (0..1) and
// the dragged window/level (image units: HU for CT). A window is kept only when width and level are finite,
// width > 0 and both within WL_LIMITS (the int16 CT / uint16 MR value range); anything else is dropped.
import { isObj, num } from '../../app/session/sanitize';

export interface WindowLevel {
  width: number;
  level: number;
}

/** Accepted window/level: width in (0, max], level in [min, max] (HU for CT, stored units for MR). */
export const WL_LIMITS = {
  width: [0, 98_304],
  level: [-32_768, 65_535],
} as const satisfies Record<string, readonly [number, number]>;

export interface SliceViewParams {
  fieldOpacity?: number;
  planeOpacity?: number;
  /** undefined = no (valid) dragged window: the preset applies. */
  custom?: WindowLevel;
}

const unit = (v: unknown): number | undefined => {
  const x = num(v);
  return x !== undefined && x >= 0 && x <= 1 ? x : undefined;
};

export function parseWindowLevel(v: unknown): WindowLevel | undefined {
  if (!isObj(v)) return undefined;
  const width = num(v.width);
  const level = num(v.level);
  if (width === undefined || level === undefined) return undefined;
  if (width <= WL_LIMITS.width[0] || width > WL_LIMITS.width[1]) return undefined;
  if (level < WL_LIMITS.level[0] || level > WL_LIMITS.level[1]) return undefined;
  return { width, level };
}

/** Clamps a window into WL_LIMITS (a drag can never produce a window a session would refuse). */
export function clampWindowLevel(w: WindowLevel): WindowLevel {
  const [, wMax] = WL_LIMITS.width;
  const [lMin, lMax] = WL_LIMITS.level;
  return { width: Math.min(wMax, w.width), level: Math.min(lMax, Math.max(lMin, w.level)) };
}

/** Well-formed fields of a saved slice-view value; undefined when it is not an object. */
export function parseSliceView(v: unknown): SliceViewParams | undefined {
  if (!isObj(v)) return undefined;
  const out: SliceViewParams = {};
  const fieldOpacity = unit(v.fieldOpacity);
  if (fieldOpacity !== undefined) out.fieldOpacity = fieldOpacity;
  const planeOpacity = unit(v.planeOpacity);
  if (planeOpacity !== undefined) out.planeOpacity = planeOpacity;
  const custom = parseWindowLevel(v.custom);
  if (custom) out.custom = custom;
  return out;
}
