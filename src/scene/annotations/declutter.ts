// Screen-space placement of teaching labels so they never cover each other: labels are taken in priority order
// (bigger organs first) and each is placed at its anchor or nudged up/down by whole label heights; a label
// that finds no free slot is hidden (its organ still shows its name on hover). Units: CSS pixels, screen
// frame (x right, y down). Pure and allocation-free per call apart from the caller's arrays.

export interface LabelBox {
  /** Anchor in screen px (label centre before nudging). */
  x: number;
  y: number;
  /** Label size in px. */
  w: number;
  h: number;
  /** Behind the camera or off screen: never placed. */
  hidden: boolean;
}

/** Vertical nudges tried, in label heights: 0, +1, −1, +2, −2. */
const NUDGES = [0, 1, -1, 2, -2];
const GAP_PX = 2;

/**
 * Fills `dy` (px offset per label) and `shown` (1 placed, 0 hidden) for `boxes` taken in `order`
 * (indices, highest priority first). Returns the number of labels shown.
 */
export function declutter(
  boxes: readonly LabelBox[],
  order: readonly number[],
  dy: Float32Array,
  shown: Uint8Array,
): number {
  const placed: number[] = [];
  let count = 0;
  for (const i of order) {
    const b = boxes[i]!;
    shown[i] = 0;
    dy[i] = 0;
    if (b.hidden) continue;
    for (const n of NUDGES) {
      const off = n * (b.h + GAP_PX);
      if (!overlapsAny(boxes, placed, dy, b, off)) {
        dy[i] = off;
        shown[i] = 1;
        placed.push(i);
        count += 1;
        break;
      }
    }
  }
  return count;
}

function overlapsAny(
  boxes: readonly LabelBox[],
  placed: readonly number[],
  dy: Float32Array,
  b: LabelBox,
  off: number,
): boolean {
  for (const j of placed) {
    const p = boxes[j]!;
    const dx = Math.abs(p.x - b.x);
    const dyc = Math.abs(p.y + dy[j]! - (b.y + off));
    if (dx < (p.w + b.w) / 2 + GAP_PX && dyc < (p.h + b.h) / 2 + GAP_PX) return true;
  }
  return false;
}
