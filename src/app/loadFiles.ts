// Opening the user's files (picker, folder or drag-and-drop): meshes (STL/OBJ/PLY/VTP/GLB) are added as organs;
// label tables (json/ctbl/txt) name labels; volumes (NIfTI, NRRD/NHDR+raw, VTI, DICOM) are read in the worker,
// their labels listed in a dialog, then reconstructed. The scene (meshRegistry + store) changes only on success;
// every failure becomes a notice naming the file, and the previous organs stay. Units: mm, ml.
import type { SurfaceMesh } from '../meshes/types';
import type { FileRole, ScanFile } from './workers/scan';
import type { OrganSelection, SegmentOptions } from './workers/pipeline.worker';
import { meshRegistry } from './meshRegistry';
import { pipeline, runTask } from './pipelineClient';
import { publishMeshes } from './loadScene';
import { useApp, type OrganState } from './store';
import { useFiles } from '../ui/files/fileStore';
import { useTools } from '../ui/tools/toolStore';

const MESH_EXT = /\.(stl|obj|ply|vtp|glb)$/i;
const TABLE_EXT = /\.(json|ctbl|txt|csv|tsv|lut)$/i;

export interface PickedFile {
  file: File;
  /** Path inside a dropped/picked folder, used as the file name in messages. */
  path?: string;
  role?: FileRole;
}

/** Files of the last opened scan, so a label map can be added to it before reconstructing. */
let lastVolumes: PickedFile[] = [];
let tables: { name: string; text: string }[] = [];

const nameOf = (p: PickedFile) => p.path || p.file.name;

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function notifyError(text: string): void {
  useApp.getState().notify('error', `${text} The previous scene is unchanged.`);
}

async function addMeshes(files: PickedFile[]): Promise<void> {
  const input = await Promise.all(files.map(async (p) => ({ name: nameOf(p), bytes: new Uint8Array(await p.file.arrayBuffer()) })));
  const { meshes, errors } = await runTask('import-mesh', 'Importing meshes', () => pipeline().importMeshes(input));
  for (const e of errors) notifyError(`Could not import ${e}.`);
  if (meshes.length === 0) return;
  const organs: OrganState[] = meshes.map((m: SurfaceMesh, i) => {
    const id = `import:${Date.now()}:${i}:${m.name}`;
    meshRegistry.set(id, m);
    return { id, name: m.name, color: m.color ?? [0.75, 0.7, 0.6], visible: true, opacity: 1, triangles: m.indices.length / 3, volumeMl: m.metrics?.volumeMl };
  });
  useApp.setState((s) => ({ organs: [...s.organs, ...organs] }));
}

/** Opens any mix of files; volumes go through the label dialog. `role` forces image/label-map for volumes. */
export async function openFiles(picked: PickedFile[], role: FileRole = 'auto'): Promise<void> {
  const meshes = picked.filter((p) => MESH_EXT.test(p.file.name));
  const tableFiles = picked.filter((p) => TABLE_EXT.test(p.file.name));
  const volumes = picked.filter((p) => !meshes.includes(p) && !tableFiles.includes(p) && !/^\./.test(p.file.name));
  if (tableFiles.length) tables = [...tables, ...(await Promise.all(tableFiles.map(async (p) => ({ name: nameOf(p), text: await p.file.text() }))))];
  if (meshes.length) await addMeshes(meshes);
  if (volumes.length === 0) {
    if (tableFiles.length && !meshes.length) useApp.getState().notify('info', `Label table ${tableFiles.map(nameOf).join(', ')} will name the labels of the next scan.`);
    return;
  }
  const withRole = volumes.map((p) => ({ ...p, role: p.role ?? role }));
  // label maps alone are added to the scan being opened (if any)
  const all = role === 'labels' && lastVolumes.length ? [...lastVolumes, ...withRole] : withRole;
  await readScan(all);
}

async function readScan(files: PickedFile[]): Promise<void> {
  try {
    const input: ScanFile[] = await Promise.all(
      files.map(async (p) => ({ name: nameOf(p), bytes: new Uint8Array(await p.file.arrayBuffer()), role: p.role ?? 'auto' })),
    );
    const summary = await runTask('open-scan', 'Reading scan', (progress) => pipeline().openScan(input, tables, progress));
    lastVolumes = files;
    for (const w of summary.warnings) useApp.getState().notify('info', w);
    useFiles.getState().setSummary(summary);
  } catch (err) {
    notifyError(`Could not open ${errorText(err)}.`);
  }
}

/** A mesh decimated this much less than asked (fraction of triangles) gets a notice. */
const MILDER_DECIMATION = 0.02;

/** Reconstructs the chosen labels of the scan in the dialog; on success its organs replace the scene. */
export async function reconstructScan(selection: OrganSelection[], seg: SegmentOptions): Promise<void> {
  const summary = useFiles.getState().summary;
  useFiles.getState().setSummary(undefined);
  if (!summary) return;
  try {
    const meshes = await runTask('reconstruct-scan', `Reconstructing ${summary.name}`, (progress, flag) =>
      pipeline().reconstructScan(selection, seg, progress, flag),
    );
    const empty = meshes.filter((m) => m.indices.length === 0).map((m) => m.name);
    const drawn = meshes.filter((m) => m.indices.length > 0);
    if (drawn.length === 0) throw new Error(`${summary.name}: the selected labels gave no surfaces`);
    publishMeshes(summary.files.join(' + '), drawn); // sessions list every file to re-open (capture.ts)
    useTools.getState().set({ crosshair: undefined, pending: [] });
    useTools.getState().clearMeasurements();
    if (empty.length) useApp.getState().notify('info', `No surface for ${empty.join(', ')} (label empty on the image grid).`);
    const milder = drawn.filter((m) => (seg.decimate ?? 0) - (m.metrics?.decimatedFraction ?? 1) > MILDER_DECIMATION);
    if (milder.length) useApp.getState().notify('info', `Decimated ${milder.map((m) => `${m.name} by ${Math.round(100 * m.metrics!.decimatedFraction!)} %`).join(', ')} only, to keep the surfaces closed.`);
    tables = [];
  } catch (err) {
    void pipeline().discardPending();
    if (/cancel/i.test(errorText(err))) useApp.getState().notify('info', 'Reconstruction cancelled; the previous scene is unchanged.');
    else notifyError(`Could not reconstruct ${errorText(err)}.`);
  }
}

export function cancelScan(): void {
  useFiles.getState().setSummary(undefined);
  void pipeline().discardPending();
}
