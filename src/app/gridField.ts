// Solver fields on their own voxel grid (EP grid, mechanics node grid), kept beside the per-vertex surface fields
// so the 2D slices can show them (see workers/slice-field.ts). Time-varying fields (Vm) keep their frames within
// a memory budget: when it would be exceeded, every other stored frame is dropped and only every 2nd (4th, ...)
// incoming frame is kept, so the whole run stays covered at a coarser time step. Units: times ms, values in the
// field's own units; frame: the grid's affine (grid IJK -> world RAS mm).
import type { GridGeometry } from './workers/slice-field';

/** Bytes of grid frames kept per time-varying field. */
export const GRID_FRAME_BUDGET_BYTES = 128 * 1024 * 1024;

export interface GridField extends GridGeometry {
  name: string;
  units: string;
  /** One compact value array per frame (a single frame for static fields). */
  frames: Float32Array[];
  /** Frame times, ms (empty for static fields). */
  times: number[];
  /** Keep one incoming frame in `keepEvery` (grows by 2× whenever the budget is hit). */
  keepEvery: number;
  /** Incoming frames seen so far (for the keep stride). */
  seen: number;
}

export function staticGridField(name: string, units: string, g: GridGeometry, values: Float32Array): GridField {
  return { dims: g.dims, gridToWorld: g.gridToWorld, index: g.index, name, units, frames: [values], times: [], keepEvery: 1, seen: 1 };
}

export function timeGridField(name: string, units: string, g: GridGeometry): GridField {
  return { dims: g.dims, gridToWorld: g.gridToWorld, index: g.index, name, units, frames: [], times: [], keepEvery: 1, seen: 0 };
}

/** Appends a streamed frame, thinning the stored frames to stay within `budgetBytes`. */
export function appendGridFrame(f: GridField, tMs: number, values: Float32Array, budgetBytes = GRID_FRAME_BUDGET_BYTES): void {
  const keep = f.seen % f.keepEvery === 0;
  f.seen++;
  if (!keep) return;
  if ((f.frames.length + 1) * values.byteLength > budgetBytes && f.frames.length > 1) {
    f.frames = f.frames.filter((_, i) => i % 2 === 0);
    f.times = f.times.filter((_, i) => i % 2 === 0);
    f.keepEvery *= 2;
    // this frame is kept only if it falls on the new, coarser stride
    if ((f.seen - 1) % f.keepEvery !== 0) return;
  }
  f.frames.push(values);
  f.times.push(tMs);
}
