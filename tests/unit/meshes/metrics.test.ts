// Mesh metrics on hand-built meshes with known answers (a 2×3×4 mm box: area 52 mm², volume 24 mm³) and
// decimation behaviour. Units: mm, mm², ml. Frame: world mm.
import { describe, expect, it } from 'vitest';
import {
  decimate,
  isWatertight,
  meshesReady,
  meshMetrics,
  reconstructLabel,
  signedVolumeMm3,
} from '../../../src/meshes';
import type { Volume } from '../../../src/volume/types';

/** Float64 sums over a dozen float32 vertices: round-off only. */
const EXACT_TOL = 1e-9;

function box(): { positions: Float32Array; indices: Uint32Array } {
  const positions = new Float32Array([
    0, 0, 0, 2, 0, 0, 2, 3, 0, 0, 3, 0, 0, 0, 4, 2, 0, 4, 2, 3, 4, 0, 3, 4,
  ]);
  // counter-clockwise seen from outside
  const indices = new Uint32Array([
    0, 3, 2, 0, 2, 1, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 1, 2, 6, 1, 6, 5, 2, 3, 7, 2, 7, 6, 3, 0, 4, 3, 4,
    7,
  ]);
  return { positions, indices };
}

describe('meshMetrics', () => {
  it('box: area, volume, centroid, watertight', () => {
    const m = meshMetrics(box());
    expect(m.triangles).toBe(12);
    expect(Math.abs(m.areaMm2 - 52)).toBeLessThan(EXACT_TOL);
    expect(Math.abs(m.volumeMl - 0.024)).toBeLessThan(EXACT_TOL);
    expect(m.watertight).toBe(true);
    expect(m.centroidMm.map((c, a) => Math.abs(c - [1, 1.5, 2][a]!)).every((e) => e < EXACT_TOL)).toBe(true);
  });

  it('an open, a flipped-face and a doubled-face mesh are not watertight', () => {
    const open = box();
    expect(isWatertight({ positions: open.positions, indices: open.indices.slice(0, 33) })).toBe(false);
    const flipped = box();
    [flipped.indices[1], flipped.indices[2]] = [flipped.indices[2]!, flipped.indices[1]!];
    expect(isWatertight(flipped)).toBe(false);
    const doubled = box();
    const twice = new Uint32Array([...doubled.indices, ...doubled.indices]);
    expect(isWatertight({ positions: doubled.positions, indices: twice })).toBe(false);
  });

  it('inverted winding gives negative signed volume', () => {
    const b = box();
    for (let t = 0; t < b.indices.length; t += 3)
      [b.indices[t + 1], b.indices[t + 2]] = [b.indices[t + 2]!, b.indices[t + 1]!];
    expect(signedVolumeMm3(b)).toBeLessThan(0);
  });
});

describe('decimation', () => {
  const N = 48;
  const data = new Uint8Array(N * N * N);
  for (let k = 0; k < N; k++)
    for (let j = 0; j < N; j++)
      for (let i = 0; i < N; i++)
        data[i + N * (j + N * k)] = Math.hypot(i - 23.5, j - 23.5, k - 23.5) < 18 ? 3 : 0;
  const vol: Volume = {
    name: 'ball',
    dims: [N, N, N],
    spacing: [1, 1, 1],
    ijkToWorld: new Float64Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]),
    data,
    modality: 'label',
    units: 'label',
  };
  /** Halving a smooth 18 mm ball's triangles moves its volume by far less than 1 %. */
  const DECIMATED_VOLUME_TOL = 0.01;

  it('removes about the requested fraction, stays watertight and keeps the volume', async () => {
    await meshesReady();
    const full = reconstructLabel(vol, 3, 'ball').mesh;
    const half = reconstructLabel(vol, 3, 'ball', { decimate: 0.5 }).mesh;
    const ratio = half.metrics!.triangles / full.metrics!.triangles;
    expect(ratio).toBeGreaterThan(0.45);
    expect(ratio).toBeLessThan(0.55);
    expect(half.metrics!.watertight).toBe(true);
    expect(Math.abs(half.metrics!.volumeMl / full.metrics!.volumeMl - 1)).toBeLessThan(DECIMATED_VOLUME_TOL);
    expect(half.normals!.length).toBe(half.positions.length);
  });

  it('decimate() with fraction 0 returns the input', () => {
    const b = box();
    expect(decimate(b, 0)).toBe(b);
  });

  it('absent label gives an empty, non-watertight mesh with zero voxel volume', () => {
    const m = reconstructLabel(vol, 99, 'none').mesh;
    expect(m.indices.length).toBe(0);
    expect(m.metrics!.voxelVolumeMl).toBe(0);
    expect(m.metrics!.watertight).toBe(false);
  });
});
