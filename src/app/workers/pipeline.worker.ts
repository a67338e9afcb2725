// Pipeline worker: holds the current scan (image + labels, world RAS mm) and runs the heavy steps off the
// main thread: phantom generation, file reading, HU segmentation (./scan-segment.ts: lungs, bone split by
// vertebra labels, heart blood pool), surface reconstruction, mesh import and 2D slice extraction. A newly
// opened scan stays "pending" until its organs are reconstructed, so a failed
// or cancelled load leaves the previous scan (and its slices) in place. Meshes and slices are returned with
// their buffers transferred. Exposed through Comlink (see pipelineClient.ts).
import * as Comlink from 'comlink';
import type { LabelInfo, LabelledVolume, Vec3, Volume } from '../../volume/types';
import type { SurfaceMesh } from '../../meshes/types';
import { generatePhantom } from '../../volume/phantom';
import { reconstructOrgans, type OrganSelection as MeshSelection } from '../../meshes';
import { importMesh } from '../../meshes/io';
import { parseLabelTable } from '../../volume/labels';
import { signalFromFlag, type CancelFlag } from './cancel';
import { openScan, type ScanFile, type ScanSummary } from './scan';
import { segmentScan } from './scan-segment';
import { autoRange, extractSlice, type SliceData, type SlicePlane } from './slice';

export type Progress = (fraction: number, message: string) => void;

export interface OrganSelection {
  value: number;
  name: string;
  color?: [number, number, number];
}

export interface SegmentOptions {
  lungs: boolean;
  bone: boolean;
  /** Split a heart label into heart_myocardium + heart_blood_pool on a contrast CT: true = the scan's whole-heart
   * label (ScanSummary.bloodPoolLabel), a number = that label value; default off (the label dialog has no switch yet). */
  bloodPool?: boolean | number;
  /** Fraction of triangles to remove (0 = none); surfaces stay closed, a milder ratio is used if needed. */
  decimate?: number;
}

let current: LabelledVolume | undefined;
let currentRange: [number, number] = [0, 1];
let pending: LabelledVolume | undefined;

function transferMeshes(meshes: SurfaceMesh[]): SurfaceMesh[] {
  const buffers: ArrayBuffer[] = [];
  for (const m of meshes) {
    buffers.push(m.positions.buffer as ArrayBuffer, m.indices.buffer as ArrayBuffer);
    if (m.normals) buffers.push(m.normals.buffer as ArrayBuffer);
  }
  return Comlink.transfer(meshes, buffers);
}

async function reconstruct(scan: LabelledVolume, selection: MeshSelection[], progress: Progress, flag?: CancelFlag, decimate = 0): Promise<SurfaceMesh[]> {
  const { signal, poll } = signalFromFlag(flag);
  const { meshes } = await reconstructOrgans(
    scan.labels,
    selection,
    { smoothIterations: 20, decimate },
    (f, msg) => {
      poll();
      progress(f, msg);
    },
    signal,
  );
  if (signal.aborted) throw new Error('cancelled');
  return meshes;
}

const api = {
  /** Generates the procedural phantom and returns the organ meshes (all labels except the body outline). */
  async loadPhantom(voxelMm: number, progress: Progress, flag?: CancelFlag): Promise<SurfaceMesh[]> {
    progress(0.02, 'Generating phantom CT');
    const phantom = generatePhantom({ voxelMm });
    const selection = (phantom.labels.labels ?? [])
      .filter((l) => l.name !== 'body')
      .map((l) => ({ value: l.value, name: l.name, color: l.color }));
    const meshes = await reconstruct(phantom, selection, (f, m) => progress(0.1 + 0.9 * f, m), flag);
    current = phantom;
    currentRange = autoRange(phantom.image);
    pending = undefined;
    return transferMeshes(meshes);
  },
  /** Reads a scan (image + label maps + label tables) into the pending slot and lists its labels. */
  async openScan(files: ScanFile[], tables: { name: string; text: string }[], progress: Progress): Promise<ScanSummary> {
    progress(0.05, `reading ${files.length} file(s)`);
    const table = tables.flatMap((t) => parseLabelTable(t.name, t.text));
    const { scan, summary } = await openScan(files, table);
    pending = scan;
    progress(1, 'read');
    return summary;
  },
  /** Reconstructs the chosen labels (+ optional HU segmentations) of the pending scan, which then becomes current. */
  async reconstructScan(selection: OrganSelection[], seg: SegmentOptions, progress: Progress, flag?: CancelFlag): Promise<SurfaceMesh[]> {
    if (!pending) throw new Error('no scan is waiting to be reconstructed; open the files again');
    const scan: LabelledVolume = { image: pending.image, labels: { ...pending.labels, data: pending.labels.data.slice(), labels: [...(pending.labels.labels ?? [])] }, subregions: pending.subregions };
    const sel: MeshSelection[] = selection.map((s) => ({ ...s }));
    const { poll } = signalFromFlag(flag);
    sel.push(...segmentScan(scan, sel, seg, progress, poll));
    if (sel.length === 0) throw new Error('no organs selected');
    const meshes = await reconstruct(scan, sel, (f, m) => progress(0.1 + 0.9 * f, m), flag, seg.decimate);
    current = scan;
    currentRange = autoRange(scan.image);
    pending = undefined;
    return transferMeshes(meshes);
  },
  discardPending(): void {
    pending = undefined;
  },
  /** Imports surface meshes (STL/OBJ/PLY/VTP/GLB); per-file errors are returned, not thrown. */
  importMeshes(files: { name: string; bytes: Uint8Array }[]): { meshes: SurfaceMesh[]; errors: string[] } {
    const meshes: SurfaceMesh[] = [];
    const errors: string[] = [];
    for (const f of files) {
      try {
        meshes.push(importMesh(f.name, f.bytes));
      } catch (err) {
        errors.push(err instanceof Error ? err.message : `${f.name}: ${String(err)}`);
      }
    }
    return { meshes: transferMeshes(meshes), errors };
  },
  /** Geometry of the current scan for the slice views (no voxel data). */
  sliceInfo(): { name: string; dims: Vec3; spacing: Vec3; ijkToWorld: Float64Array; modality: string; range: [number, number]; labels: LabelInfo[] } | undefined {
    if (!current) return undefined;
    const { image, labels } = current;
    return { name: image.name, dims: image.dims, spacing: image.spacing, ijkToWorld: image.ijkToWorld, modality: image.modality, range: currentRange, labels: labels.labels ?? [] };
  },
  getSlice(plane: SlicePlane, index: number): SliceData | undefined {
    if (!current) return undefined;
    const s = extractSlice(current.image, current.labels, plane, index);
    return Comlink.transfer(s, [s.image.buffer as ArrayBuffer, s.labels.buffer as ArrayBuffer]);
  },
  /** A copy of the current label map, sub-region map (if any) or image (for the solver worker); buffer transferred. */
  getVolume(kind: 'labels' | 'image' | 'subregions'): Volume | undefined {
    const v = kind === 'labels' ? current?.labels : kind === 'subregions' ? current?.subregions : current?.image;
    if (!v) return undefined;
    const copy: Volume = { ...v, ijkToWorld: v.ijkToWorld.slice(), data: v.data.slice() };
    return Comlink.transfer(copy, [copy.data.buffer as ArrayBuffer]);
  },
  /** Summary of the current scan for the UI (no voxel data). */
  describe(): { image: Omit<Volume, 'data'>; labels: Omit<Volume, 'data'> } | undefined {
    if (!current) return undefined;
    const { data: _i, ...image } = current.image;
    const { data: _l, ...labels } = current.labels;
    return { image, labels };
  },
};

export type PipelineApi = typeof api;
Comlink.expose(api);
