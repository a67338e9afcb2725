// Analytic convex primitives for the procedural phantom (ellipsoids, elliptic cylinders, capsules, boxes),
// queried one line at a time: `row(y, z, out)` returns the exact x-interval [out[0], out[1]] where the line
// {(t, y, z)} crosses the shape. The generator paints voxels whose centres fall in the interval; the analytic
// reference integrates the interval lengths. Units: mm. Frame: world RAS+ (x Right, y Anterior, z Superior).
import type { Vec3 } from '../types';

/** A convex shape that can report its exact crossing interval with a line parallel to x. */
export interface Shape {
  /** Writes the x-interval into out[0..1]; false when the line misses the shape. */
  row(y: number, z: number, out: Float64Array): boolean;
  /** Conservative z-range of the shape, for cheap rejection of whole slices. */
  zMin: number;
  zMax: number;
}

/** Quadric (p - c)^T A (p - c) <= 1 with A symmetric positive semi-definite: [a00,a01,a02,a11,a12,a22]. */
interface Quadric {
  kind: 'q';
  c: Vec3;
  a: [number, number, number, number, number, number];
}
/** Half-space n . p <= h. */
interface Half {
  kind: 'h';
  n: Vec3;
  h: number;
}
type Constraint = Quadric | Half;

const EPS = 1e-12;

/** Intersects the line (t, y, z) with all constraints; interval in out. */
function clipRow(cons: Constraint[], y: number, z: number, out: Float64Array): boolean {
  let lo = -Infinity;
  let hi = Infinity;
  for (const k of cons) {
    if (k.kind === 'h') {
      const rhs = k.h - k.n[1] * y - k.n[2] * z;
      if (Math.abs(k.n[0]) < EPS) {
        if (rhs < 0) return false;
      } else if (k.n[0] > 0) hi = Math.min(hi, rhs / k.n[0]);
      else lo = Math.max(lo, rhs / k.n[0]);
    } else {
      const [a00, a01, a02, a11, a12, a22] = k.a;
      const dy = y - k.c[1];
      const dz = z - k.c[2];
      const b = 2 * (a01 * dy + a02 * dz);
      const c = a11 * dy * dy + 2 * a12 * dy * dz + a22 * dz * dz - 1;
      if (a00 < EPS) {
        // Degenerate along x (cylinder with its axis along x): no dependence on t for PSD A.
        if (c > 0) return false;
        continue;
      }
      const disc = b * b - 4 * a00 * c;
      if (disc < 0) return false;
      const s = Math.sqrt(disc);
      lo = Math.max(lo, k.c[0] + (-b - s) / (2 * a00));
      hi = Math.min(hi, k.c[0] + (-b + s) / (2 * a00));
    }
    if (lo > hi) return false;
  }
  out[0] = lo;
  out[1] = hi;
  return lo <= hi;
}

function convex(cons: Constraint[], zMin: number, zMax: number): Shape {
  return { row: (y, z, out) => clipRow(cons, y, z, out), zMin, zMax };
}

function norm(v: Vec3): Vec3 {
  const l = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / l, v[1] / l, v[2] / l];
}

/** Ellipsoid with semi-axes r along the orthonormal directions axes (default: x, y, z). */
export function ellipsoid(
  c: Vec3,
  r: Vec3,
  axes: [Vec3, Vec3, Vec3] = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
): Shape {
  const a: Quadric['a'] = [0, 0, 0, 0, 0, 0];
  let zExt = 0;
  for (let m = 0; m < 3; m++) {
    const e = norm(axes[m]!);
    const w = 1 / (r[m]! * r[m]!);
    a[0] += w * e[0] * e[0];
    a[1] += w * e[0] * e[1];
    a[2] += w * e[0] * e[2];
    a[3] += w * e[1] * e[1];
    a[4] += w * e[1] * e[2];
    a[5] += w * e[2] * e[2];
    zExt += (r[m]! * e[2]) ** 2;
  }
  const dz = Math.sqrt(zExt);
  return convex([{ kind: 'q', c, a }], c[2] - dz, c[2] + dz);
}

/** Elliptic cylinder with a vertical axis through (cx, cy), semi-axes rx, ry, between z0 and z1. */
export function cylinderZ(cx: number, cy: number, rx: number, ry: number, z0: number, z1: number): Shape {
  return convex(
    [
      { kind: 'h', n: [0, 0, 1], h: z1 },
      { kind: 'h', n: [0, 0, -1], h: -z0 },
      { kind: 'q', c: [cx, cy, 0], a: [1 / (rx * rx), 0, 0, 1 / (ry * ry), 0, 0] },
    ],
    z0,
    z1,
  );
}

/** Capsule: all points within r of the segment p0-p1 (convex: hull of cylinder piece and end spheres). */
export function capsule(p0: Vec3, p1: Vec3, r: number): Shape {
  const d: Vec3 = [p1[0] - p0[0], p1[1] - p0[1], p1[2] - p0[2]];
  const u = norm(d);
  const w = 1 / (r * r);
  const cyl: Constraint[] = [
    {
      kind: 'q',
      c: p0,
      a: [
        w * (1 - u[0] * u[0]),
        -w * u[0] * u[1],
        -w * u[0] * u[2],
        w * (1 - u[1] * u[1]),
        -w * u[1] * u[2],
        w * (1 - u[2] * u[2]),
      ],
    },
    { kind: 'h', n: [-u[0], -u[1], -u[2]], h: -(u[0] * p0[0] + u[1] * p0[1] + u[2] * p0[2]) },
    { kind: 'h', n: u, h: u[0] * p1[0] + u[1] * p1[1] + u[2] * p1[2] },
  ];
  const s0: Constraint[] = [{ kind: 'q', c: p0, a: [w, 0, 0, w, 0, w] }];
  const s1: Constraint[] = [{ kind: 'q', c: p1, a: [w, 0, 0, w, 0, w] }];
  const pieces = [cyl, s0, s1];
  const tmp = new Float64Array(2);
  return {
    zMin: Math.min(p0[2], p1[2]) - r,
    zMax: Math.max(p0[2], p1[2]) + r,
    row(y, z, out) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const piece of pieces) {
        if (clipRow(piece, y, z, tmp)) {
          lo = Math.min(lo, tmp[0]!);
          hi = Math.max(hi, tmp[1]!);
        }
      }
      out[0] = lo;
      out[1] = hi;
      return lo <= hi;
    },
  };
}

/** Restricts a shape to the half-space n . p <= h (keeps convexity). */
export function clipHalf(s: Shape, n: Vec3, h: number): Shape {
  const half: Constraint[] = [{ kind: 'h', n, h }];
  const tmp = new Float64Array(2);
  return {
    zMin: s.zMin,
    zMax: s.zMax,
    row(y, z, out) {
      if (!s.row(y, z, out) || !clipRow(half, y, z, tmp)) return false;
      out[0] = Math.max(out[0]!, tmp[0]!);
      out[1] = Math.min(out[1]!, tmp[1]!);
      return out[0] <= out[1];
    },
  };
}
