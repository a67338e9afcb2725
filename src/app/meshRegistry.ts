// Big buffers live outside React: organ meshes by id. React state holds only ids and display parameters.
// Meshes are in world RAS+ mm (see src/meshes/types.ts).
import type { SurfaceMesh } from '../meshes/types';

const meshes = new Map<string, SurfaceMesh>();
let version = 0;

export const meshRegistry = {
  get: (id: string): SurfaceMesh | undefined => meshes.get(id),
  set(id: string, mesh: SurfaceMesh): void {
    meshes.set(id, mesh);
    version++;
  },
  replaceAll(entries: [string, SurfaceMesh][]): void {
    meshes.clear();
    for (const [id, m] of entries) meshes.set(id, m);
    version++;
  },
  delete(id: string): void {
    meshes.delete(id);
    version++;
  },
  ids: (): string[] => [...meshes.keys()],
  version: (): number => version,
};
