// Field exports assembled from fieldData (outside React), no DOM: the per-vertex CSV of one field on one organ
// and the organ mesh with its fields attached (for VTP/PLY). Time-varying fields: the CSV holds either the frame
// on screen (default: what the user sees, one value column "Vm @ 60 ms [mV]") or every frame as its own column
// ("Vm @ 0 ms [mV]", "Vm @ 5 ms [mV]", …, wide format); meshes carry the frame on screen and its time.
// Static fields export their single frame. No-data vertices become NaN. Units: world RAS mm, ms, field units.
import type { Field, SurfaceMesh } from '../meshes/types';
import { writeVertexCsv, type CsvColumn } from '../meshes/io';
import { fieldData, type FieldSeries } from './fieldStore';
import { frameIndexAt, frameTimeMs, isData } from './fieldValues';

export type FrameChoice = 'current' | 'all';

function ms(t: number): string {
  return String(Number(t.toFixed(3)));
}

/** A copy of one frame with the no-data sentinel replaced by NaN. */
function cleanFrame(frame: Float32Array): Float32Array {
  const out = new Float32Array(frame.length);
  for (let i = 0; i < frame.length; i++) out[i] = isData(frame[i]) ? frame[i]! : NaN;
  return out;
}

/** Value columns of a field for the CSV: the frame at tMs, or all frames (time-varying fields only). */
export function fieldColumns(s: FieldSeries, choice: FrameChoice, tMs: number): CsvColumn[] {
  if (s.times.length <= 1) {
    const f = s.frames[0];
    return f ? [{ name: s.name, units: s.units, values: f }] : [];
  }
  if (choice === 'all')
    return s.frames.map((f, i) => ({ name: `${s.name} @ ${ms(s.times[i] ?? NaN)} ms`, units: s.units, values: f }));
  const i = frameIndexAt(s, tMs);
  return i < 0 ? [] : [{ name: `${s.name} @ ${ms(s.times[i]!)} ms`, units: s.units, values: s.frames[i]! }];
}

/** Per-vertex CSV text of `fieldName` on the organ, or undefined when the organ does not carry it. */
export function organFieldCsv(
  organId: string,
  mesh: SurfaceMesh,
  fieldName: string,
  choice: FrameChoice,
  tMs: number,
): string | undefined {
  const s = fieldData.series.get(organId)?.get(fieldName);
  if (!s || s.nVertices !== mesh.positions.length / 3) return undefined;
  const cols = fieldColumns(s, choice, tMs);
  return cols.length ? writeVertexCsv(mesh.positions, cols) : undefined;
}

/**
 * The organ mesh with every field it carries as single-frame point data (active field first so readers pick it
 * as the default scalars), plus the displacement vector (RAS mm) after a stress run. timeMs = the time of the
 * frame written for time-varying fields (undefined when all are static).
 */
export function meshWithFields(
  organId: string,
  mesh: SurfaceMesh,
  active: string | undefined,
  tMs: number,
): { mesh: SurfaceMesh; timeMs?: number } {
  const nV = mesh.positions.length / 3;
  const fields: Record<string, Field> = {};
  let timeMs: number | undefined;
  const byName = fieldData.series.get(organId);
  const list = [...(byName?.values() ?? [])].sort((a, b) => Number(b.name === active) - Number(a.name === active));
  for (const s of list) {
    if (s.nVertices !== nV) continue;
    const i = frameIndexAt(s, tMs);
    if (i < 0) continue;
    timeMs ??= frameTimeMs(s, i);
    fields[s.name] = { name: s.name, units: s.units, components: 1, values: cleanFrame(s.frames[i]!) };
  }
  const disp = fieldData.displacement.get(organId);
  if (disp && disp.length === 3 * nV)
    fields['displacement vector'] = { name: 'displacement vector', units: 'mm', components: 3, values: disp };
  return { mesh: { ...mesh, fields: { ...mesh.fields, ...fields } }, timeMs };
}
