// Scene loading actions: run a worker task, register the returned meshes outside React, and publish organ
// ids + display parameters to the store. On failure the previous scene stays and the user gets a message.
import type { SurfaceMesh } from '../meshes/types';
import { meshRegistry } from './meshRegistry';
import { pipeline, runTask } from './pipelineClient';
import { useApp, type OrganState } from './store';

const FALLBACK_COLORS: [number, number, number][] = [
  [0.85, 0.35, 0.3],
  [0.95, 0.7, 0.7],
  [0.92, 0.88, 0.78],
  [0.55, 0.7, 0.9],
  [0.7, 0.55, 0.85],
];

function defaultOpacity(name: string): number {
  return /lung|body|skin/i.test(name) ? 0.5 : 1;
}

export function publishMeshes(sourceName: string, meshes: SurfaceMesh[]): void {
  const entries: [string, SurfaceMesh][] = meshes.map((m, i) => [`${sourceName}:${m.label ?? i}:${m.name}`, m]);
  meshRegistry.replaceAll(entries);
  const organs: OrganState[] = entries.map(([id, m], i) => ({
    id,
    name: m.name,
    label: m.label,
    color: m.color ?? FALLBACK_COLORS[i % FALLBACK_COLORS.length]!,
    visible: true,
    opacity: defaultOpacity(m.name),
    triangles: m.indices.length / 3,
    volumeMl: m.metrics?.volumeMl,
  }));
  useApp.getState().setScene(sourceName, organs);
}

function isCancel(err: unknown): boolean {
  return err instanceof Error && /cancel/i.test(err.message);
}

export async function loadPhantom(voxelMm = 1.5): Promise<void> {
  try {
    const meshes = await runTask('phantom', 'Building the phantom', (progress, flag) =>
      pipeline().loadPhantom(voxelMm, progress, flag),
    );
    publishMeshes(`phantom@${voxelMm}mm`, meshes);
  } catch (err) {
    const notify = useApp.getState().notify;
    if (isCancel(err)) notify('info', 'Phantom generation cancelled; the previous scene is unchanged.');
    else notify('error', `Phantom: ${err instanceof Error ? err.message : String(err)}`);
  }
}
