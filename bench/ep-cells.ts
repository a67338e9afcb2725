// EP cell-update rates for bench/ep.bench.ts: every model on each requested backend over a full N³ box (dx 0.5 mm,
// fibres in the xy diagonal so the off-diagonal stencil terms are live), per step, with the bytes per cell
// update each path must move at least and the fraction of the measured triad bandwidth that reaches (roofline).
// Units: ms per step, cells/s, bytes, GB/s.
import type { BenchRow } from './lib';
import { timeMs } from './lib';
import { createCompute } from '../src/solvers/compute';
import {
  assembleStencil,
  getModel,
  gpuStepper,
  gridFromMask,
  jsStepper,
  NIEDERER_CONDUCTIVITY,
  packStencil,
  type Stencil,
} from '../src/solvers/ep';

export type Backend = 'js' | 'cpu' | 'webasm';

/**
 * Minimum traffic per cell update (bytes). js: the packed stencil (nnz·(4 B weight + 4 B index) + 4 B row start),
 * V read + write, the stimulus read, the diffusion term written and read back, each state read + written.
 * gpu.js: the 19-weight / 18-index diffusion kernel (76 + 72 B) reading V and writing the term (8 B), then the
 * reaction reading V, the states, the term and the stimulus and writing V and the states. Neighbour V reads are
 * taken as cache hits; gpu.js's per-call copies of its inputs are not counted (they are overhead, not work).
 */
export function bytesPerCell(backend: Backend, nStates: number, nnzPerRow: number): number {
  if (backend === 'js') return 8 * nnzPerRow + 4 + 8 + 4 + 8 + 8 * nStates;
  return 76 + 72 + 8 + 4 * (1 + nStates + 2) + 4 * (1 + nStates);
}

export async function cellRateRows(
  N: number,
  plan: { model: string; backends: Backend[]; steps: number }[],
  baseline: string,
  triadGBs: number,
): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const grid = gridFromMask([N, N, N], 0.5, [0, 0, 0], new Uint8Array(N * N * N).fill(1), [1, 1, 0]);
  const st: Stencil = assembleStencil(grid, NIEDERER_CONDUCTIVITY);
  const nnz = packStencil(st).col.length / grid.n;
  const stim = new Float32Array(grid.n);
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  for (const { model: m, backends, steps } of plan) {
    const model = getModel(m);
    for (const b of backends) {
      const compute = await createCompute(b);
      try {
        const stepper = b === 'js' ? jsStepper(model, st, 0.05) : gpuStepper(model, st, 0.05, compute);
        try {
          const ms = await timeMs(async () => {
            for (let s = 0; s < steps; s++) await stepper.step(stim);
          }, 1);
          const perStep = ms / steps;
          const bytes = bytesPerCell(b, model.stateNames.length, nnz);
          const cellsPerS = grid.n / (perStep / 1e3);
          rows.push({
            name: `${m} ${b} ${N}³`,
            ms: perStep,
            baseline,
            cellsPerS,
            bytesPerCell: bytes,
            rooflineFrac: (bytes * cellsPerS) / 1e9 / triadGBs,
          });
        } finally {
          stepper.destroy();
        }
      } catch (e) {
        notes.push(`${m} ${b} ${N}³: ${(e as Error).message.split('\n')[0]}`);
      } finally {
        compute.destroy();
      }
    }
  }
  notes.push(
    `js stencil at ${N}³: ${nnz.toFixed(1)} stored entries per row (of 19), fibres along the xy diagonal.`,
  );
  return { rows, notes };
}
