// EP memory budget and early stability check (Node): grids that would not fit are refused BEFORE allocating,
// with a message naming a dx that fits; a run whose model state would not fit names a simpler model; the
// allocation-free λ_max pass equals the assembled stencil's, so the stability limit is checked before the
// stencil exists. Units: bytes, mm, ms.
import { describe, expect, it } from 'vitest';
import { BudgetError, DEFAULT_BUDGET_BYTES } from '../../../src/volume/budget';
import { createCompute } from '../../../src/solvers/compute';
import {
  assembleStencil,
  cableDomain,
  checkEpBudget,
  epBudgetBytes,
  gridFromMask,
  NIEDERER_CONDUCTIVITY,
  runEp,
  slabDomain,
  stencilLambdaMax,
} from '../../../src/solvers/ep';
import type { Vec3 } from '../../../src/volume/types';

/** Same arithmetic in both passes: λ_max agrees to double rounding (relative). */
const LAMBDA_REL_TOL = 1e-12;

function suggestedDx(message: string): number {
  const m = /use a larger dx \(≥ ([\d.]+) mm\)/.exec(message);
  expect(m, message).toBeTruthy();
  return Number(m![1]);
}

function refusal(fn: () => unknown): BudgetError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BudgetError);
    return e as BudgetError;
  }
  throw new Error('expected a BudgetError');
}

describe('EP memory budget', () => {
  it('a 500 mm cube at dx 0.1 mm is refused before allocating, with a dx that fits', () => {
    const e = refusal(() => slabDomain(500, 500, 500, 0.1));
    expect(e.userError).toBe(true);
    expect(e.message).toMatch(
      /^EP: slab 500×500×500 mm at dx = 0.1 mm \(5001×5001×5001 grid.* over the 1.5 GB memory budget/,
    );
    const dx = suggestedDx(e.message);
    expect(dx).toBeGreaterThan(0.1);
    const n = Math.round(500 / dx) + 1;
    expect(epBudgetBytes({ dims: [n, n, n], cells: n ** 3, dxMm: dx, what: '' })).toBeLessThanOrEqual(
      DEFAULT_BUDGET_BYTES,
    );
  });

  it('a 100 m cable at dx 0.01 mm is refused; the suggested dx scales with the length only', () => {
    const e = refusal(() => cableDomain(100_000, 0.01));
    const dx = suggestedDx(e.message);
    const n = Math.round(100_000 / dx) + 1;
    expect(epBudgetBytes({ dims: [n, 1, 1], cells: n, dxMm: dx, what: '' })).toBeLessThanOrEqual(
      DEFAULT_BUDGET_BYTES,
    );
    expect(() => cableDomain(100_000, dx)).not.toThrow();
  });

  it('a masked grid counts its tissue voxels, not its bounding box', () => {
    const dims: Vec3 = [40, 40, 40];
    const mask = new Uint8Array(40 ** 3);
    for (let g = 0; g < mask.length; g += 10) mask[g] = 1;
    const full = epBudgetBytes({ dims, cells: mask.length, dxMm: 1, what: '' });
    const sparse = epBudgetBytes({ dims, cells: mask.length / 10, dxMm: 1, what: '' });
    expect(sparse).toBeLessThan(full / 5);
    expect(() =>
      checkEpBudget({ dims, cells: mask.length / 10, dxMm: 1, what: 'x', budgetBytes: sparse }),
    ).not.toThrow();
    expect(gridFromMask(dims, 1, [0, 0, 0], mask).n).toBe(mask.length / 10);
  });

  it('a TNNP run that does not fit the budget names a simpler model', async () => {
    const grid = slabDomain(10, 5, 2, 0.25);
    const js = await createCompute('js');
    const cfg = {
      grid,
      model: 'tnnp' as const,
      dtMs: 0.01,
      durationMs: 1,
      stimuli: [
        {
          region: { kind: 'box' as const, min: [0, 0, 0] as Vec3, max: [1, 1, 1] as Vec3 },
          startMs: 0,
          durationMs: 1,
        },
      ],
      memoryBudgetBytes: 2 ** 20,
    };
    await expect(runEp(cfg, js)).rejects.toThrow(
      /needs .* over the 1 MB memory budget — .*a simpler cell model than tnnp/,
    );
    await expect(runEp({ ...cfg, model: 'ms', dtMs: 0.02 }, js)).rejects.toThrow(
      /over the 1 MB memory budget/,
    );
  });
});

describe('stability limit before the stencil is allocated', () => {
  it('the allocation-free λ_max equals the assembled stencil’s (rotated fibres, a mask with holes)', () => {
    const dims: Vec3 = [14, 11, 9];
    const mask = new Uint8Array(dims[0] * dims[1] * dims[2]);
    for (let g = 0; g < mask.length; g++) mask[g] = (g * 7919) % 5 === 0 ? 0 : 1;
    const grid = gridFromMask(dims, 0.3, [0, 0, 0], mask, [1, 2, 0.5]);
    for (let c = 0; c < grid.n; c += 3) grid.sigmaScale[c] = 0.4;
    const quick = stencilLambdaMax(grid, NIEDERER_CONDUCTIVITY);
    const st = assembleStencil(grid, NIEDERER_CONDUCTIVITY);
    expect(Math.abs(quick.lambdaMax - st.lambdaMax) / st.lambdaMax).toBeLessThan(LAMBDA_REL_TOL);
    expect(quick.dMaxMm2PerMs).toBe(st.dMaxMm2PerMs);
  });

  it('a cable at dx 0.01 mm with dt 0.02 ms is refused by the stability limit with the dt and dx that work', async () => {
    const js = await createCompute('js');
    const grid = cableDomain(1000, 0.01);
    const cfg = {
      grid,
      model: 'ms' as const,
      dtMs: 0.02,
      durationMs: 10,
      stimuli: [
        {
          region: { kind: 'box' as const, min: [0, -1, -1] as Vec3, max: [1, 1, 1] as Vec3 },
          startMs: 0,
          durationMs: 1,
        },
      ],
    };
    await expect(runEp(cfg, js)).rejects.toThrow(
      /exceeds the explicit stability limit .* use dt ≤ .* or dx ≥/,
    );
  });
});
