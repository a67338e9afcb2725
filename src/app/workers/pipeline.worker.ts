// Pipeline worker: holds the current scan (image + labels, world RAS mm) and runs the heavy steps off the
// main thread: phantom generation, file reading, surface reconstruction. Meshes are returned with their
// buffers transferred. Exposed through Comlink (see pipelineClient.ts).
import * as Comlink from 'comlink';
import type { LabelledVolume, Volume } from '../../volume/types';
import type { SurfaceMesh } from '../../meshes/types';
import { generatePhantom } from '../../volume/phantom';
import { reconstructOrgans } from '../../meshes';
import { signalFromFlag, type CancelFlag } from './cancel';

export type Progress = (fraction: number, message: string) => void;

export interface OrganSelection {
  value: number;
  name: string;
  color?: [number, number, number];
}

let current: LabelledVolume | undefined;

function transferMeshes(meshes: SurfaceMesh[]): SurfaceMesh[] {
  const buffers: ArrayBuffer[] = [];
  for (const m of meshes) {
    buffers.push(m.positions.buffer as ArrayBuffer, m.indices.buffer as ArrayBuffer);
    if (m.normals) buffers.push(m.normals.buffer as ArrayBuffer);
  }
  return Comlink.transfer(meshes, buffers);
}

async function reconstructCurrent(
  selection: OrganSelection[],
  progress: Progress,
  flag?: CancelFlag,
): Promise<SurfaceMesh[]> {
  if (!current) throw new Error('no scan is loaded');
  const { signal, poll } = signalFromFlag(flag);
  const { meshes } = await reconstructOrgans(
    current.labels,
    selection,
    { smoothIterations: 20, decimate: 0 },
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
    current = phantom;
    const selection = (phantom.labels.labels ?? [])
      .filter((l) => l.name !== 'body')
      .map((l) => ({ value: l.value, name: l.name, color: l.color }));
    const meshes = await reconstructCurrent(selection, (f, m) => progress(0.1 + 0.9 * f, m), flag);
    return transferMeshes(meshes);
  },
  /** A copy of the current label map or image (for the solver worker); its voxel buffer is transferred. */
  getVolume(kind: 'labels' | 'image'): Volume | undefined {
    const v = kind === 'labels' ? current?.labels : current?.image;
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
