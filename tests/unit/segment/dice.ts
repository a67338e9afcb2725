// Overlap helpers for segmentation tests: Dice coefficient of two label predicates over voxel arrays.
export function dice(
  a: ArrayLike<number>,
  inA: (v: number) => boolean,
  b: ArrayLike<number>,
  inB: (v: number) => boolean,
): number {
  let both = 0;
  let na = 0;
  let nb = 0;
  for (let p = 0; p < a.length; p++) {
    const x = inA(a[p]!);
    const y = inB(b[p]!);
    if (x) na++;
    if (y) nb++;
    if (x && y) both++;
  }
  return na + nb === 0 ? 1 : (2 * both) / (na + nb);
}

export const is = (value: number) => (v: number) => v === value;
