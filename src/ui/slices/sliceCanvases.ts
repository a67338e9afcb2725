// Registry of the latest drawn slice canvases (one per plane) so the 3D scene can show them as textured
// quads; subscribers are told when a slice is redrawn. DOM canvases only; slice index in voxels.
import type { SlicePlane } from '../../app/workers/slice';

const canvases = new Map<SlicePlane, { canvas: HTMLCanvasElement; index: number; version: number }>();
const listeners = new Set<() => void>();
let version = 0;

export function publishSliceCanvas(plane: SlicePlane, canvas: HTMLCanvasElement, index: number): void {
  canvases.set(plane, { canvas, index, version: ++version });
  for (const l of listeners) l();
}

export function sliceCanvas(plane: SlicePlane) {
  return canvases.get(plane);
}

export function onSliceCanvas(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
