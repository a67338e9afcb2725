// Output actions, all local (blob URLs, no network): PNG screenshot of the 3D canvas (preserveDrawingBuffer)
// and mesh export (STL/OBJ/PLY/GLB/VTP, world RAS mm) of the selected organ or every visible organ.
import { exportMesh, type MeshFormat } from '../../meshes/io';
import { meshRegistry } from '../../app/meshRegistry';
import { useApp } from '../../app/store';

export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function safe(name: string): string {
  return name.replace(/[^a-z0-9_.-]+/gi, '_').replace(/^_+|_+$/g, '') || 'scene';
}

export function screenshot(): void {
  const canvas = document.querySelector<HTMLCanvasElement>('.viewer-canvas canvas');
  if (!canvas) return;
  const name = `${safe(useApp.getState().sourceName)}-${new Date().toISOString().replace(/[:.]/g, '-')}.png`;
  canvas.toBlob((b) => {
    if (b) download(name, b);
  }, 'image/png');
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
  const chosen = scope === 'selected' ? organs.filter((o) => o.id === selectedId) : organs.filter((o) => o.visible);
  const names: string[] = [];
  for (const o of chosen) {
    const mesh = meshRegistry.get(o.id);
    if (!mesh) continue;
    const bytes = exportMesh({ ...mesh, name: o.name, color: o.color }, format);
    const name = `${safe(o.name)}.${format}`;
    download(name, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME[format] }));
    names.push(name);
  }
  return names;
}
