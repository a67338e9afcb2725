// Decimation with meshoptimizer's topology-preserving edge-collapse simplifier (a wasm module that loads
// from an embedded base64 blob, so it works in Node, browsers and workers). Positions in world mm.
// The wasm instantiates asynchronously: `await meshesReady()` once before decimating synchronously.
import { MeshoptSimplifier } from 'meshoptimizer';
import type { RawMesh } from './surface/vtkStages';

let loaded = false;
const readyPromise: Promise<void> = MeshoptSimplifier.ready.then(() => {
  loaded = true;
});
// The promise is awaited by meshesReady(); attach a no-op handler so a load failure surfaces there only.
readyPromise.catch(() => undefined);

/** Resolves once the decimation wasm is instantiated. */
export function meshesReady(): Promise<void> {
  return readyPromise;
}

/** Maximum geometric error of a collapse, relative to the mesh extent (meshoptimizer's convention). */
const MAX_RELATIVE_ERROR = 0.05;

/**
 * Removes about `fraction` of the triangles (0 = none, 0.5 = half). Returns a compacted mesh (unused
 * vertices dropped). Closed manifold input stays closed: the simplifier never opens borders.
 */
export function decimate(mesh: RawMesh, fraction: number): RawMesh {
  if (!(fraction > 0)) return mesh;
  if (!loaded)
    throw new Error(
      'decimation is not ready yet: await meshesReady() before reconstructing with decimate > 0',
    );
  const f = Math.min(fraction, 0.99);
  const target = Math.max(3, Math.floor((mesh.indices.length / 3) * (1 - f)) * 3);
  const [simplified] = MeshoptSimplifier.simplify(
    mesh.indices,
    mesh.positions,
    3,
    target,
    MAX_RELATIVE_ERROR,
    [],
  );
  return compact(mesh.positions, simplified);
}

/** Drops vertices no triangle uses and renumbers the rest in first-use order. */
export function compact(positions: Float32Array, indices: Uint32Array): RawMesh {
  const nV = positions.length / 3;
  const remap = new Int32Array(nV).fill(-1);
  let next = 0;
  const outIdx = new Uint32Array(indices.length);
  for (let e = 0; e < indices.length; e++) {
    const v = indices[e]!;
    if (remap[v] === -1) remap[v] = next++;
    outIdx[e] = remap[v]!;
  }
  const outPos = new Float32Array(next * 3);
  for (let v = 0; v < nV; v++) {
    const r = remap[v]!;
    if (r < 0) continue;
    outPos[3 * r] = positions[3 * v]!;
    outPos[3 * r + 1] = positions[3 * v + 1]!;
    outPos[3 * r + 2] = positions[3 * v + 2]!;
  }
  return { positions: outPos, indices: outIdx };
}
