// Patient-direction letters at the edges of a 2D slice view (R/L, A/P, S/I), computed from the volume's affine
// and the slice layout (slice.ts), so they stay right for permuted or flipped voxel axes: the world direction of
// one display pixel step along screen x (right) and screen y (down) gives the right and bottom letters, their
// opposites the left and top. Oblique grids get two or three letters, strongest first (e.g. "RA").
// Frames: voxel IJK -> world RAS mm (+x = patient right, +y = anterior, +z = superior); screen y down.
import type { Vec3 } from '../../volume/types';
import { sliceFrame, type SlicePlane } from './slice';

/** A world axis contributes a letter when its share of the direction is at least this fraction of the largest. */
export const OBLIQUE_LETTER_FRACTION = 0.4;

const POS = ['R', 'A', 'S'] as const;
const NEG = ['L', 'P', 'I'] as const;

/** Letters naming a world RAS direction, strongest axis first. */
export function directionLetters(d: Vec3): string {
  const mags = d.map(Math.abs);
  const top = Math.max(...mags);
  if (!(top > 0)) return '';
  return [0, 1, 2]
    .filter((a) => mags[a]! >= OBLIQUE_LETTER_FRACTION * top)
    .sort((a, b) => mags[b]! - mags[a]!)
    .map((a) => (d[a]! > 0 ? POS[a] : NEG[a]))
    .join('');
}

export interface SliceOrientation {
  left: string;
  right: string;
  top: string;
  bottom: string;
}

/** World direction (RAS mm) of one pixel step along screen x and screen y (down) of a slice view. */
export function screenDirections(dims: Vec3, m: Float64Array, plane: SlicePlane): { x: Vec3; y: Vec3 } {
  const f = sliceFrame(dims, m, plane);
  const col = (a: number, s: number): Vec3 => [s * m[a]!, s * m[4 + a]!, s * m[8 + a]!];
  return { x: col(f.u, f.uFlip ? -1 : 1), y: col(f.v, f.vFlip ? -1 : 1) };
}

export function sliceOrientation(dims: Vec3, m: Float64Array, plane: SlicePlane): SliceOrientation {
  const { x, y } = screenDirections(dims, m, plane);
  const neg = (v: Vec3): Vec3 => [-v[0], -v[1], -v[2]];
  return { left: directionLetters(neg(x)), right: directionLetters(x), top: directionLetters(neg(y)), bottom: directionLetters(y) };
}
