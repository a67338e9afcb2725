// Decimation keeps closed surfaces closed: a gyroid sponge (thin walls and tunnels, where meshoptimizer alone
// glues sheets into non-manifold edges), an unwelded triangle soup, open input with its border, and a ratio
// that cannot be reached closed (falls back, reports what it reached). Units: mm, mm², ml. Frame: world mm.
import { beforeAll, describe, expect, it } from 'vitest';
import { MeshoptSimplifier } from 'meshoptimizer';
import { isWatertight, meshMetrics, meshesReady, reconstructLabel } from '../../../src/meshes';
import { decimateReport, DECIMATE_AREA_TOL, DECIMATE_VOLUME_TOL } from '../../../src/meshes/decimate';
import type { Volume } from '../../../src/volume/types';

/**
 * Decimation must not spend more than the pipeline's own accuracy budget: issue 3 holds the smoothed
 * binary-mask surface to 1 % volume and 2 % area of the truth, so the decimated surface is held to the same
 * bounds relative to the undecimated one (also what decimate() itself accepts).
 */
const VOLUME_TOL = 0.01;
const AREA_TOL = 0.02;
/** meshoptimizer stops at the target or a few triangles short of it; locked vertices may leave a few more. */
const TRIANGLE_TARGET_TOL = 0.02;

/** A ball of gyroid sponge on a 48³ 1 mm grid: sheets a voxel or two apart, tunnels, pinches. */
function sponge(seed: number, freq = 0.5, level = 0.5): Volume {
  const N = 48;
  const data = new Uint8Array(N * N * N);
  const c = (N - 1) / 2;
  for (let z = 0; z < N; z++)
    for (let y = 0; y < N; y++)
      for (let x = 0; x < N; x++) {
        const g =
          Math.sin(freq * x + seed) * Math.cos(freq * y) +
          Math.sin(freq * y) * Math.cos(freq * z + seed) +
          Math.sin(freq * z) * Math.cos(freq * x);
        data[x + N * (y + N * z)] = Math.hypot(x - c, y - c, z - c) < 0.45 * N && g > level ? 1 : 0;
      }
  const ijkToWorld = new Float64Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
  return {
    name: 'sponge',
    dims: [N, N, N],
    spacing: [1, 1, 1],
    ijkToWorld,
    data,
    modality: 'label',
    units: 'label',
  };
}

const rel = (a: number, b: number) => Math.abs(a / b - 1);

beforeAll(() => meshesReady());

describe('decimation keeps closed surfaces closed', () => {
  it('a gyroid sponge halves, stays watertight, keeps volume and area', () => {
    for (const seed of [0, 1]) {
      const full = reconstructLabel(sponge(seed), 1, 'sponge').mesh;
      expect(full.metrics!.watertight).toBe(true);
      const nT = full.indices.length / 3;
      const target = Math.floor(nT * 0.5) * 3;
      // the fixture must exercise the failure: meshoptimizer on its own opens this surface
      const [raw] = MeshoptSimplifier.simplify(full.indices, full.positions, 3, target, 0.05, []);
      expect(isWatertight({ positions: full.positions, indices: raw })).toBe(false);

      const r = decimateReport(full, 0.5);
      const m = meshMetrics(r.mesh);
      expect(r.watertight).toBe(true);
      expect(m.watertight).toBe(true);
      expect(r.passes).toBeGreaterThan(1);
      expect(Math.abs(m.triangles / (target / 3) - 1)).toBeLessThan(TRIANGLE_TARGET_TOL);
      expect(Math.abs(r.achieved - 0.5)).toBeLessThan(TRIANGLE_TARGET_TOL);
      expect(rel(m.volumeMl, full.metrics!.volumeMl)).toBeLessThan(VOLUME_TOL);
      expect(rel(m.areaMm2, full.metrics!.areaMm2)).toBeLessThan(AREA_TOL);
    }
  });

  it('the acceptance tolerances of decimate() are the ones tested here', () => {
    expect(DECIMATE_VOLUME_TOL).toBeLessThanOrEqual(VOLUME_TOL);
    expect(DECIMATE_AREA_TOL).toBeLessThanOrEqual(AREA_TOL);
  });

  it('an unwelded triangle soup (STL-style) is welded first and stays closed', () => {
    const full = reconstructLabel(sponge(0), 1, 'sponge').mesh;
    const ix = full.indices;
    const soup = new Float32Array(ix.length * 3);
    for (let e = 0; e < ix.length; e++) soup.set(full.positions.subarray(3 * ix[e]!, 3 * ix[e]! + 3), 3 * e);
    const soupMesh = { positions: soup, indices: Uint32Array.from(ix.keys()) };
    expect(isWatertight(soupMesh)).toBe(false);
    const r = decimateReport(soupMesh, 0.5);
    expect(r.watertight).toBe(true);
    expect(isWatertight(r.mesh)).toBe(true);
    expect(Math.abs(r.achieved - 0.5)).toBeLessThan(TRIANGLE_TARGET_TOL);
  });

  it('open input is simplified with its border locked in place', () => {
    const full = reconstructLabel(sponge(0), 1, 'sponge').mesh;
    const p = full.positions;
    // cut away the triangles above a plane: an open surface with a border
    const keep: number[] = [];
    for (let t = 0; t < full.indices.length; t += 3) {
      const z = Math.max(...[0, 1, 2].map((c) => p[3 * full.indices[t + c]! + 2]!));
      if (z < 30) keep.push(full.indices[t]!, full.indices[t + 1]!, full.indices[t + 2]!);
    }
    const open = { positions: p, indices: Uint32Array.from(keep) };
    const r = decimateReport(open, 0.5);
    expect(r.watertight).toBe(false);
    expect(r.achieved).toBeGreaterThan(0.4);
    const border = (m: { positions: Float32Array; indices: Uint32Array }) => {
      const half = new Set<string>();
      for (let t = 0; t < m.indices.length; t += 3)
        for (let c = 0; c < 3; c++) half.add(`${m.indices[t + c]},${m.indices[t + ((c + 1) % 3)]}`);
      const pts = new Set<string>();
      for (const h of half) {
        const [a, b] = h.split(',');
        if (!half.has(`${b},${a}`)) pts.add([0, 1, 2].map((k) => m.positions[3 * Number(a) + k]).join(' '));
      }
      return pts;
    };
    // every border vertex of the input is still a border vertex, at the same position
    const before = border(open);
    const after = border(r.mesh);
    for (const q of before) expect(after.has(q)).toBe(true);
  });

  it('a ratio that moves the volume too much is retried milder and the ratio reached is reported', () => {
    // thin struts (5 ml): halving the triangles erodes them by ~1.1 % of the volume, a quarter does not
    const full = reconstructLabel(sponge(1, 0.35, 0.9), 1, 'struts').mesh;
    const r = decimateReport(full, 0.5);
    const m = meshMetrics(r.mesh);
    expect(r.requested).toBe(0.5);
    expect(r.achieved).toBeGreaterThan(0.2);
    expect(r.achieved).toBeLessThan(0.3);
    expect(m.watertight).toBe(true);
    expect(rel(m.volumeMl, full.metrics!.volumeMl)).toBeLessThan(VOLUME_TOL);
    expect(rel(m.areaMm2, full.metrics!.areaMm2)).toBeLessThan(AREA_TOL);
    // and the reconstruction reports it
    const viaPipeline = reconstructLabel(sponge(1, 0.35, 0.9), 1, 'struts', { decimate: 0.5 }).mesh;
    expect(viaPipeline.metrics!.decimatedFraction).toBeCloseTo(r.achieved, 6);
  });
});
