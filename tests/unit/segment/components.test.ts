// connectedComponents against an independent union-find reference on random masks, plus hand-made cases
// for 6- vs 26-connectivity and size ordering. Voxel index space only.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectedComponents } from '../../../src/volume/segment';
import type { Vec3 } from '../../../src/volume/types';

/** Reference: union-find over explicit neighbour pairs; returns sorted component sizes. */
function unionFindSizes(mask: Uint8Array, dims: Vec3, conn: 6 | 26): number[] {
  const [nx, ny, nz] = dims;
  const parent = Array.from({ length: mask.length }, (_, p) => p);
  const find = (p: number): number => {
    while (parent[p] !== p) p = parent[p] = parent[parent[p]!]!;
    return p;
  };
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        const p = i + nx * (j + ny * k);
        if (!mask[p]) continue;
        for (let dk = -1; dk <= 1; dk++)
          for (let dj = -1; dj <= 1; dj++)
            for (let di = -1; di <= 1; di++) {
              const m = Math.abs(di) + Math.abs(dj) + Math.abs(dk);
              if (m === 0 || (conn === 6 && m > 1)) continue;
              const a = i + di;
              const b = j + dj;
              const c = k + dk;
              if (a < 0 || b < 0 || c < 0 || a >= nx || b >= ny || c >= nz) continue;
              const q = a + nx * (b + ny * c);
              if (mask[q]) parent[find(p)] = find(q);
            }
      }
  const count = new Map<number, number>();
  for (let p = 0; p < mask.length; p++) if (mask[p]) count.set(find(p), (count.get(find(p)) ?? 0) + 1);
  return [...count.values()].sort((a, b) => b - a);
}

describe('connectedComponents', () => {
  it('diagonal neighbours join only with 26-connectivity', () => {
    const dims: Vec3 = [3, 3, 3];
    const mask = new Uint8Array(27);
    mask[0] = 1; // (0,0,0)
    mask[1 + 3 * (1 + 3 * 1)] = 1; // (1,1,1)
    mask[2 + 3 * (2 + 3 * 2)] = 1; // (2,2,2)
    mask[2 + 3 * (2 + 3 * 1)] = 1; // (2,2,1) face-touches (2,2,2)
    expect(connectedComponents(mask, dims, 6).sizes).toEqual([2, 1, 1]);
    expect(connectedComponents(mask, dims, 26).sizes).toEqual([4]);
  });

  it('ids are ordered by size and every foreground voxel is labelled', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.integer({ min: 1, max: 7 }),
          fc.integer({ min: 1, max: 7 }),
          fc.integer({ min: 1, max: 7 }),
        ),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.constantFrom<6 | 26>(6, 26),
        (dims, seed, conn) => {
          const n = dims[0] * dims[1] * dims[2];
          const mask = new Uint8Array(n);
          let s = seed;
          for (let p = 0; p < n; p++) {
            s = (Math.imul(s, 1103515245) + 12345) >>> 0;
            mask[p] = s >>> 30 === 0 ? 0 : (s >>> 29) & 1;
          }
          const cc = connectedComponents(mask, dims as Vec3, conn);
          expect(cc.sizes).toEqual(unionFindSizes(mask, dims as Vec3, conn));
          const counted = new Array<number>(cc.sizes.length).fill(0);
          for (let p = 0; p < n; p++) {
            expect(cc.labels[p] !== 0).toBe(mask[p] !== 0);
            if (cc.labels[p]) counted[cc.labels[p]! - 1]!++;
          }
          expect(counted).toEqual(cc.sizes);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('rejects a mask that does not match dims', () => {
    expect(() => connectedComponents(new Uint8Array(5), [2, 2, 2])).toThrow(/dims 2x2x2/);
  });
});
