// The active solver field resampled onto one slice's pixels (NaN = no tissue), following the playhead for
// time-varying fields (Vm) and the live frames of a running solver. Grid fields live outside React in
// fieldData.grids; the resampling plan is rebuilt only when the slice or the grid changes. Units: the field's own.
import { useMemo } from 'react';
import { fieldData, frameAt, useFields } from '../../app/fieldStore';
import { usePlayheadMs } from '../fields';
import type { GridField } from '../../app/gridField';
import { applySliceResample, planSliceResample } from '../../app/workers/slice-field';
import type { SliceData } from '../../app/workers/slice';
import type { SliceInfo } from './sliceStore';

/** Frame index of a grid field at the playhead (the playback clock via usePlayheadMs, every animation frame). */
function usePlayheadFrame(grid: GridField | undefined): number {
  const t = usePlayheadMs(0);
  return grid && grid.times.length > 1 ? Math.min(grid.frames.length - 1, frameAt(grid.times, t)) : 0;
}

export interface FieldOverlay {
  /** Field values per slice pixel (NaN = none), or undefined when the active field has no grid. */
  values?: Float32Array;
  name?: string;
  units?: string;
  /** Time of the shown frame (ms) for time-varying fields. */
  timeMs?: number;
}

export function useFieldOverlay(info: SliceInfo, slice: SliceData | undefined): FieldOverlay {
  const active = useFields((s) => s.active);
  const dataVersion = useFields((s) => s.dataVersion);
  // dataVersion: a new run replaces the grid objects in fieldData.grids
  const grid = useMemo(() => (active ? fieldData.grids.get(active) : undefined), [active, dataVersion]);
  const plan = useMemo(
    () => (grid && slice ? planSliceResample(info.dims, info.ijkToWorld, slice.plane, slice.index, grid) : undefined),
    [grid, slice, info],
  );
  const frame = usePlayheadFrame(grid);
  const values = useMemo(() => {
    const f = grid?.frames[frame];
    return plan && f ? applySliceResample(plan, f) : undefined;
  }, [plan, grid, frame, dataVersion]);
  return { values, name: grid?.name, units: grid?.units, timeMs: grid && grid.times.length > 1 ? grid.times[frame] : undefined };
}
