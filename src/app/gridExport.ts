// The solver's own grid fields (fieldData.grids: EP grid, mechanics node grid) as a VTK ImageData (.vti) file:
// every field on the same grid as the chosen one goes in, as point data named "<name> [<units>]" (the VTP
// convention). Static fields are written whole; a time-varying field (Vm) as the frame at the playhead, its time
// in FieldData "TimeValue" (ms) and in the array name. Compact (tissue-only) arrays are scattered onto the full
// grid with NaN elsewhere. Frame: the grid's affine → VTI origin/spacing (+ Direction when rotated), world RAS mm.
import { writeVti, type VtiGrid } from '../meshes/io/vti';
import { frameAt } from './fieldStore';

export interface GridFieldLike {
  name: string;
  units: string;
  dims: [number, number, number];
  /** Row-major 4×4, grid (i, j, k, 1) → world RAS mm. */
  gridToWorld: Float64Array;
  /** Grid index → compact value index (−1 outside tissue); absent = values cover the full grid. */
  index?: Int32Array;
  frames: Float32Array[];
  times: number[];
}

function sameGrid(a: GridFieldLike, b: GridFieldLike): boolean {
  return a.dims.every((d, i) => d === b.dims[i]) && a.gridToWorld.every((m, i) => m === b.gridToWorld[i]);
}

/** Origin, spacing and (if not axis-aligned) the unit direction matrix of a grid affine. */
export function affineToVti(m: Float64Array): Pick<VtiGrid, 'origin' | 'spacing' | 'direction'> {
  const col = (c: number): [number, number, number] => [m[c]!, m[4 + c]!, m[8 + c]!];
  const cols = [col(0), col(1), col(2)];
  const spacing = cols.map((v) => Math.hypot(...v)) as [number, number, number];
  const dir = [0, 1, 2].flatMap((r) => [0, 1, 2].map((c) => cols[c]![r]! / spacing[c]!));
  const identity = dir.every((v, i) => Math.abs(v - (i % 4 === 0 ? 1 : 0)) < 1e-12);
  return { origin: [m[3]!, m[7]!, m[11]!], spacing, direction: identity ? undefined : dir };
}

function fullGrid(f: GridFieldLike, values: Float32Array): Float32Array {
  const n = f.dims[0] * f.dims[1] * f.dims[2];
  if (!f.index) return values.length === n ? values : new Float32Array(n).fill(NaN);
  const out = new Float32Array(n).fill(NaN);
  for (let g = 0; g < n; g++) {
    const c = f.index[g]!;
    if (c < 0) continue;
    const v = values[c]!;
    out[g] = v > -1e29 ? v : NaN;
  }
  return out;
}

/**
 * VTI bytes of `chosen` and every other field on the same grid; time-varying fields at the frame shown at tMs.
 * Returns the time written (ms) when a time-varying field was included.
 */
export function gridFieldsToVti(chosen: GridFieldLike, all: Iterable<GridFieldLike>, tMs: number): { bytes: Uint8Array; timeMs?: number } {
  const fields = [chosen, ...[...all].filter((f) => f !== chosen && sameGrid(f, chosen))];
  let timeMs: number | undefined;
  const arrays: VtiGrid['arrays'] = [];
  for (const f of fields) {
    if (f.frames.length === 0) continue;
    const timed = f.times.length > 1;
    const i = timed ? Math.min(frameAt(f.times, tMs), f.frames.length - 1) : 0;
    if (timed) timeMs ??= f.times[i];
    const name = timed ? `${f.name} @ ${Number(f.times[i]!.toFixed(3))} ms` : f.name;
    arrays.push({ name: f.units ? `${name} [${f.units}]` : name, values: fullGrid(f, f.frames[i]!), components: 1 });
  }
  const bytes = writeVti({ dims: chosen.dims, ...affineToVti(chosen.gridToWorld), arrays, timeMs });
  return { bytes, timeMs };
}
