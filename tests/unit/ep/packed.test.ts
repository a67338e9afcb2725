// The js backend's packed (zero-free CSR) diffusion operator against the 19-point reference applyDiffusion:
// identical sums on an irregular mask with off-axis fibres, and fewer stored entries for axis-aligned fibres.
import { describe, expect, it } from 'vitest';
import {
  applyDiffusion,
  applyPacked,
  assembleStencil,
  gridFromMask,
  NIEDERER_CONDUCTIVITY,
  packStencil,
} from '../../../src/solvers/ep';

describe('packed stencil', () => {
  it('equals applyDiffusion exactly (skipped terms are exact zeros)', () => {
    const dims: [number, number, number] = [14, 12, 10];
    const mask = new Uint8Array(14 * 12 * 10);
    for (let k = 0; k < 10; k++)
      for (let j = 0; j < 12; j++)
        for (let i = 0; i < 14; i++)
          mask[i + 14 * (j + 12 * k)] =
            (i - 7) ** 2 + (j - 6) ** 2 + 2 * (k - 5) ** 2 < 30 && (i + j + k) % 7 ? 1 : 0;
    for (const f of [
      [1, 0, 0],
      [1, 2, 0.5],
    ] as [number, number, number][]) {
      const g = gridFromMask(dims, 0.3, [0, 0, 0], mask, f);
      const st = assembleStencil(g, NIEDERER_CONDUCTIVITY);
      const v = Float32Array.from({ length: g.n }, (_, c) => -80 + 100 * Math.abs(Math.sin(0.37 * c)));
      const ref = new Float32Array(g.n);
      applyDiffusion(st, v, ref);
      const p = packStencil(st);
      const got = new Float32Array(g.n);
      applyPacked(p, v, new Float32Array(g.n), got);
      expect(Array.from(got)).toEqual(Array.from(ref));
      if (f[1] === 0) expect(p.col.length).toBeLessThan(8 * g.n); // centre + ≤ 6 faces per cell
    }
  });
});
