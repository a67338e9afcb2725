// Output actions, all local downloads (no network): PNG screenshot of the view with the scalar bar and labels
// composed in (screenshot.ts); mesh export (STL/OBJ/PLY/GLB/VTP, world RAS mm) of the selected or every visible
// organ, VTP/PLY carrying the organ's fields as point data (frame on screen for time-varying fields); the shown
// field per vertex as CSV (x/y/z RAS mm + value, frame on screen or all frames, see app/fieldExport.ts); the
// solver's grid fields as VTI (app/gridExport.ts). Units: mm, ms, the field's own.
import { exportMesh, type MeshFormat } from '../../meshes/io';
import { meshRegistry } from '../../app/meshRegistry';
import { useApp } from '../../app/store';
import { fieldData, playhead, useFields } from '../../app/fieldStore';
import { meshWithFields, organFieldCsv, type FrameChoice } from '../../app/fieldExport';
import { gridFieldsToVti } from '../../app/gridExport';
import { frameIndexAt } from '../../app/fieldValues';
import { download, msLabel, safeName } from '../download';
import { composeScreenshot } from './screenshot';

export { download } from '../download';

export function screenshot(): void {
  const canvas = document.querySelector<HTMLCanvasElement>('.viewer-canvas canvas');
  if (!canvas) return;
  const name = `${safeName(useApp.getState().sourceName)}-${new Date().toISOString().replace(/[:.]/g, '-')}.png`;
  void composeScreenshot(canvas).then((b) => {
    if (b) download(name, b);
    else useApp.getState().notify('error', 'Screenshot: the browser could not encode the PNG');
  });
}

const MIME: Record<MeshFormat, string> = {
  stl: 'model/stl',
  obj: 'model/obj',
  ply: 'application/octet-stream',
  glb: 'model/gltf-binary',
  vtp: 'application/xml',
};

/** Exports the selected organ, or all visible organs as separate files. Returns the file names. */
export function exportOrgans(format: MeshFormat, scope: 'selected' | 'visible'): string[] {
  const { organs, selectedId } = useApp.getState();
  const active = useFields.getState().active;
  const chosen = scope === 'selected' ? organs.filter((o) => o.id === selectedId) : organs.filter((o) => o.visible);
  const names: string[] = [];
  for (const o of chosen) {
    const base = meshRegistry.get(o.id);
    if (!base) continue;
    const { mesh, timeMs } = meshWithFields(o.id, { ...base, name: o.name, color: o.color }, active, playhead.timeMs);
    const bytes = exportMesh(mesh, format, { timeMs });
    const name = `${safeName(o.name)}.${format}`;
    download(name, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME[format] }));
    names.push(name);
  }
  return names;
}

/** Organs carrying the shown field: the selected one if it does, else every organ that does. */
function fieldOrgans(field: string): { id: string; name: string }[] {
  const { organs, selectedId } = useApp.getState();
  const carrying = organs.filter((o) => fieldData.series.get(o.id)?.has(field));
  const sel = carrying.filter((o) => o.id === selectedId);
  return sel.length ? sel : carrying;
}

/** The shown field per vertex as CSV, one file per organ. Returns the file names. */
export function exportFieldCsv(choice: FrameChoice): string[] {
  const field = useFields.getState().active;
  if (!field) return [];
  const names: string[] = [];
  for (const o of fieldOrgans(field)) {
    const mesh = meshRegistry.get(o.id);
    const text = mesh && organFieldCsv(o.id, mesh, field, choice, playhead.timeMs);
    if (!text) continue;
    const s = fieldData.series.get(o.id)!.get(field)!;
    const shownMs = s.times[frameIndexAt(s, playhead.timeMs)] ?? 0;
    const when = s.times.length > 1 ? (choice === 'all' ? '-all-frames' : `-${msLabel(shownMs)}ms`) : '';
    const name = `${safeName(o.name)}-${safeName(field)}${when}.csv`;
    download(name, new Blob([text], { type: 'text/csv' }));
    names.push(name);
  }
  if (names.length === 0) useApp.getState().notify('error', `Field CSV: no organ carries the field '${field}'`);
  return names;
}

/** True when the solver kept the shown field on its grid (VTI export possible). */
export function hasGridField(field: string | undefined): boolean {
  return !!field && !!fieldData.grids.get(field)?.frames.length;
}

/** The shown field and every other field on the same solver grid as one VTI file. Returns its name. */
export function exportGridVti(): string | undefined {
  const field = useFields.getState().active;
  const grid = field ? fieldData.grids.get(field) : undefined;
  if (!field || !grid || grid.frames.length === 0) {
    useApp.getState().notify('error', `Grid VTI: the solver kept no grid for ${field ? `'${field}'` : 'the shown field'}`);
    return undefined;
  }
  const { bytes, timeMs } = gridFieldsToVti(grid, fieldData.grids.values(), playhead.timeMs);
  const name = `${safeName(useApp.getState().sourceName)}-${safeName(field)}-grid${timeMs !== undefined ? `-${msLabel(timeMs)}ms` : ''}.vti`;
  download(name, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/xml' }));
  return name;
}
