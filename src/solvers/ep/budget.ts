// Memory budget for EP grids and runs: estimates the bytes a grid (dense index + mask over its bounding box,
// compact per-cell arrays) and a run (19-point stencil, cell-model state, work arrays) will need BEFORE they are
// allocated, and refuses beyond the budget with a message that says what to change (a larger dx and by how
// much, a smaller domain, a simpler model). Same budget and error type as the volume readers (volume/budget.ts).
// Units: bytes, mm.
import type { Vec3 } from '../../volume/types';
import { BudgetError, DEFAULT_BUDGET_BYTES, formatBytes } from '../../volume/budget';

/** Dense bounding grid: Int32 index + Uint8 mask (labels: + Uint8 cavity mask). */
export const EP_BYTES_PER_GRID_VOXEL = 6;
/** Compact grid arrays per tissue voxel: cells Int32, fibres 3×f32, sigmaScale f32. */
const GRID_BYTES_PER_CELL = 4 + 12 + 4;
/** Stencil per tissue voxel: tensor 6×f64 (during assembly), neighbours 18×i32, weights 19×f32. */
const STENCIL_BYTES_PER_CELL = 48 + 72 + 76;
/** f32 work arrays per cell besides the model state: V, extra, V_old, last good V, stimulus, act/APD/Vmax, result V. */
const WORK_ARRAYS = 9;

/** Bytes for a run on `cells` tissue voxels with a model of `nStates` state variables (grid included). */
export function epRunBytes(cells: number, nStates: number): number {
  return cells * (GRID_BYTES_PER_CELL + STENCIL_BYTES_PER_CELL + 4 * (nStates + WORK_ARRAYS));
}

export interface EpBudgetRequest {
  /** Bounding grid dims (nodes along x, y, z). */
  dims: Vec3;
  /** Tissue voxels (≤ dims product; the product when not known yet). */
  cells: number;
  dxMm: number;
  /** Describes the domain, e.g. "slab 500×500×500 mm". */
  what: string;
  /** Model state variables (1 = the cheapest model, used when the grid is built). */
  nStates?: number;
  /** Name of the model when it is known (suggests a simpler one). */
  model?: string;
  budgetBytes?: number;
}

/** Bytes the grid and a run on it need. */
export function epBudgetBytes(r: EpBudgetRequest): number {
  const voxels = r.dims[0] * r.dims[1] * r.dims[2];
  return voxels * EP_BYTES_PER_GRID_VOXEL + epRunBytes(r.cells, r.nStates ?? 1);
}

/** dx (mm, 2 significant digits, rounded up) at which the same domain fits the budget. */
function dxThatFits(r: EpBudgetRequest, bytes: number, budget: number): number {
  const axes = Math.max(1, r.dims.filter((d) => d > 1).length);
  const dx = r.dxMm * (bytes / budget) ** (1 / axes) * 1.05;
  const p = 10 ** (Math.floor(Math.log10(dx)) - 1);
  return Math.ceil(dx / p) * p;
}

/** Throws a BudgetError (userError) when the EP grid + run would exceed the budget. */
export function checkEpBudget(r: EpBudgetRequest): void {
  const budget = r.budgetBytes ?? DEFAULT_BUDGET_BYTES;
  const bytes = epBudgetBytes(r);
  if (Number.isFinite(bytes) && bytes <= budget) return;
  const size = Number.isFinite(bytes) ? formatBytes(bytes) : 'an unbounded amount of memory';
  const dx = Number.isFinite(bytes) ? dxThatFits(r, bytes, budget) : undefined;
  const fix = [
    dx !== undefined && Number.isFinite(dx)
      ? `use a larger dx (≥ ${Number(dx.toPrecision(2))} mm)`
      : 'use a larger dx',
    'a smaller domain',
    ...(r.model && (r.nStates ?? 1) > 2 ? [`a simpler cell model than ${r.model}`] : []),
  ];
  throw new BudgetError(
    'EP grid',
    `EP: ${r.what} at dx = ${r.dxMm} mm (${r.dims.join('×')} grid, ${Math.round(r.cells).toLocaleString('en-US')} tissue voxels) ` +
      `needs ${size}, over the ${formatBytes(budget)} memory budget — ${fix.join(' or ')}`,
  );
}
