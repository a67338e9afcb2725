// Measurement maths on world points (RAS+ mm; also valid in the three frame, a rotation of it):
// distance in mm, angle at a vertex in degrees, formatting. Pure functions, no three.js, unit-tested.
import type { Vec3 } from '../../volume/types';

/** Below this length (mm) an arm of an angle is treated as degenerate. */
export const DEGENERATE_MM = 1e-6;

export function distanceMm(a: Vec3, b: Vec3): number {
  return Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]);
}

/**
 * Angle a–v–b at vertex v in degrees, in [0, 180]. NaN when an arm is shorter than DEGENERATE_MM.
 * Uses atan2(|u×w|, u·w), accurate also for nearly parallel arms (acos loses precision there).
 */
export function angleDeg(a: Vec3, v: Vec3, b: Vec3): number {
  const ux = a[0] - v[0];
  const uy = a[1] - v[1];
  const uz = a[2] - v[2];
  const wx = b[0] - v[0];
  const wy = b[1] - v[1];
  const wz = b[2] - v[2];
  if (Math.hypot(ux, uy, uz) < DEGENERATE_MM || Math.hypot(wx, wy, wz) < DEGENERATE_MM) return NaN;
  const cx = uy * wz - uz * wy;
  const cy = uz * wx - ux * wz;
  const cz = ux * wy - uy * wx;
  const dot = ux * wx + uy * wy + uz * wz;
  return (Math.atan2(Math.hypot(cx, cy, cz), dot) * 180) / Math.PI;
}

export function midpoint(a: Vec3, b: Vec3): Vec3 {
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];
}

export function formatMeasurement(kind: 'distance' | 'angle', value: number): string {
  if (!Number.isFinite(value)) return '—';
  return kind === 'distance' ? `${value.toFixed(1)} mm` : `${value.toFixed(1)}°`;
}

/** Number of clicks a tool needs. */
export function pointsNeeded(kind: 'distance' | 'angle'): number {
  return kind === 'distance' ? 2 : 3;
}

/** Value of a completed measurement from its points. */
export function measure(kind: 'distance' | 'angle', p: Vec3[]): number {
  if (kind === 'distance') return p.length >= 2 ? distanceMm(p[0]!, p[1]!) : NaN;
  return p.length >= 3 ? angleDeg(p[0]!, p[1]!, p[2]!) : NaN;
}
