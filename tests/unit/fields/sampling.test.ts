// Worker-side grid→surface sampling plan (used per streamed frame) and the playhead frame lookup: a linear field
// on a voxelised ball is reproduced on points of its surface within one voxel's variation, vertices far from
// tissue get the no-data sentinel, and frameAt picks the last frame at or before t. Units: mm, field a.u., ms.
import { describe, expect, it } from 'vitest';
import { applySampling, NO_DATA_VALUE, planSampling } from '../../../src/app/workers/solver-sampling';
import { frameAt } from '../../../src/app/fieldStore';

const H = 2; // voxel size, mm
const R = 20; // ball radius, mm
/** A linear field f = x varies by H per voxel: nearest-voxel fallbacks may be off by up to ~1.5 voxels. */
const LINEAR_TOL = 1.5 * H;

function ballGrid() {
  const n = 2 * Math.ceil(R / H) + 5;
  const origin: [number, number, number] = [-(n - 1) * H / 2, -(n - 1) * H / 2, -(n - 1) * H / 2];
  const index = new Int32Array(n * n * n).fill(-1);
  const xs: number[] = [];
  for (let k = 0; k < n; k++)
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) {
        const x = origin[0] + i * H, y = origin[1] + j * H, z = origin[2] + k * H;
        if (x * x + y * y + z * z <= R * R) {
          index[i + n * (j + n * k)] = xs.length;
          xs.push(x);
        }
      }
  return { grid: { dims: [n, n, n] as [number, number, number], origin, h: H, index }, values: Float32Array.from(xs) };
}

describe('grid to surface sampling', () => {
  it('reproduces a linear field on the ball surface and flags far vertices', () => {
    const { grid, values } = ballGrid();
    const pts: number[] = [];
    for (let a = 0; a < 40; a++) {
      const th = Math.acos(1 - (2 * (a + 0.5)) / 40);
      const ph = a * 2.399963;
      pts.push(R * Math.sin(th) * Math.cos(ph), R * Math.sin(th) * Math.sin(ph), R * Math.cos(th));
    }
    pts.push(R + 30, 0, 0); // far outside: no tissue within the search radius
    const pos = Float32Array.from(pts);
    const out = applySampling(planSampling(grid, pos), values);
    for (let v = 0; v < 40; v++) expect(Math.abs(out[v]! - pos[3 * v]!)).toBeLessThan(LINEAR_TOL);
    expect(out[40]).toBe(Math.fround(NO_DATA_VALUE));
  });

  it('skips NaN cells (e.g. never activated) and falls back to no-data when all are NaN', () => {
    const { grid, values } = ballGrid();
    const nan = new Float32Array(values.length).fill(NaN);
    const out = applySampling(planSampling(grid, Float32Array.from([R, 0, 0])), nan);
    expect(out[0]).toBe(Math.fround(NO_DATA_VALUE));
  });
});

describe('frameAt', () => {
  it('returns the last frame at or before t, clamped to the ends', () => {
    const times = [4, 8, 12, 16];
    expect(frameAt(times, 0)).toBe(0);
    expect(frameAt(times, 4)).toBe(0);
    expect(frameAt(times, 11.9)).toBe(1);
    expect(frameAt(times, 12)).toBe(2);
    expect(frameAt(times, 100)).toBe(3);
    expect(frameAt([], 5)).toBe(0);
  });
});
