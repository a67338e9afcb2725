// Mesh metrics: triangle count, surface area (mm²), enclosed volume (ml, divergence theorem), volume
// centroid (world mm) and watertightness (closed, manifold, consistently oriented). Positions are world
// RAS mm; sums run in float64 about the first vertex to limit round-off far from the origin.
import type { MeshMetrics } from './types';

export interface Positioned {
  positions: Float32Array;
  indices: Uint32Array;
}

/** Signed volume in mm³ (positive when triangles wind counter-clockwise seen from outside). */
export function signedVolumeMm3(m: Positioned): number {
  return integrate(m).volume;
}

/** Surface area (mm²) and signed enclosed volume (mm³) without the watertightness check. */
export function areaAndVolume(m: Positioned): { areaMm2: number; volumeMm3: number } {
  const { area, volume } = integrate(m);
  return { areaMm2: area, volumeMm3: volume };
}

function integrate(m: Positioned): { area: number; volume: number; centroid: [number, number, number] } {
  const p = m.positions;
  const ix = m.indices;
  const ox = p[0] ?? 0;
  const oy = p[1] ?? 0;
  const oz = p[2] ?? 0;
  let area = 0;
  let vol6 = 0;
  let cx = 0;
  let cy = 0;
  let cz = 0;
  for (let t = 0; t < ix.length; t += 3) {
    const a = 3 * ix[t]!;
    const b = 3 * ix[t + 1]!;
    const c = 3 * ix[t + 2]!;
    const ax = p[a]! - ox, ay = p[a + 1]! - oy, az = p[a + 2]! - oz; // prettier-ignore
    const bx = p[b]! - ox, by = p[b + 1]! - oy, bz = p[b + 2]! - oz; // prettier-ignore
    const qx = p[c]! - ox, qy = p[c + 1]! - oy, qz = p[c + 2]! - oz; // prettier-ignore
    // area from the cross product of two edges
    const ux = bx - ax, uy = by - ay, uz = bz - az; // prettier-ignore
    const vx = qx - ax, vy = qy - ay, vz = qz - az; // prettier-ignore
    const nx = uy * vz - uz * vy;
    const ny = uz * vx - ux * vz;
    const nz = ux * vy - uy * vx;
    area += 0.5 * Math.sqrt(nx * nx + ny * ny + nz * nz);
    // signed tetrahedron (origin, a, b, c) volume × 6
    const v6 = ax * (by * qz - bz * qy) + ay * (bz * qx - bx * qz) + az * (bx * qy - by * qx);
    vol6 += v6;
    cx += v6 * (ax + bx + qx);
    cy += v6 * (ay + by + qy);
    cz += v6 * (az + bz + qz);
  }
  const volume = vol6 / 6;
  const s = vol6 !== 0 ? 1 / (4 * vol6) : 0;
  return { area, volume, centroid: [ox + cx * s, oy + cy * s, oz + cz * s] };
}

/**
 * Watertight = every edge is shared by exactly two triangles that traverse it in opposite directions
 * (closed, edge-manifold, consistently oriented) and no triangle repeats a vertex.
 */
export function isWatertight(m: Positioned): boolean {
  const ix = m.indices;
  const nT = ix.length / 3;
  if (nT === 0) return false;
  const n = m.positions.length / 3;
  const keys = new Float64Array(ix.length);
  for (let t = 0; t < nT; t++) {
    const a = ix[3 * t]!, b = ix[3 * t + 1]!, c = ix[3 * t + 2]!; // prettier-ignore
    if (a === b || b === c || a === c) return false;
    keys[3 * t] = a * n + b;
    keys[3 * t + 1] = b * n + c;
    keys[3 * t + 2] = c * n + a;
  }
  keys.sort();
  for (let e = 1; e < keys.length; e++) if (keys[e] === keys[e - 1]) return false; // edge used twice the same way
  for (let e = 0; e < keys.length; e++) {
    const k = keys[e]!;
    const a = Math.floor(k / n);
    const b = k - a * n;
    if (!hasKey(keys, b * n + a)) return false; // no opposite half-edge: open or flipped
  }
  return true;
}

function hasKey(sorted: Float64Array, k: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === k) return true;
    if (v < k) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

export interface FullMetrics extends MeshMetrics {
  centroidMm: [number, number, number];
  boundsMm: { min: [number, number, number]; max: [number, number, number] };
}

export function meshMetrics(m: Positioned): FullMetrics {
  const { area, volume, centroid } = integrate(m);
  const p = m.positions;
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let v = 0; v < p.length; v += 3)
    for (let a = 0; a < 3; a++) {
      const x = p[v + a]!;
      if (x < min[a]!) min[a] = x;
      if (x > max[a]!) max[a] = x;
    }
  return {
    triangles: m.indices.length / 3,
    areaMm2: area,
    volumeMl: volume / 1000,
    watertight: isWatertight(m),
    centroidMm: centroid,
    boundsMm: { min, max },
  };
}
