// Decimation with meshoptimizer's edge-collapse simplifier (a wasm module that loads from an embedded base64
// blob, so it works in Node, browsers and workers), kept watertight. Positions in world mm.
// meshoptimizer does not check the link condition, so on real organ surfaces (thin tubes, near-pinches of
// marching cubes on diagonal voxels) a collapse can glue two sheets along one edge (an edge with 4 triangles)
// and the mesh stops being closed. So: weld positions, simplify with the vertices around each defect locked,
// repeat until the project's watertight metric passes; if a ratio cannot be reached closed (or moves volume
// or area beyond the tolerances below), retry with a milder ratio and report the ratio reached.
// The wasm instantiates asynchronously: `await meshesReady()` once before decimating synchronously.
import { MeshoptSimplifier } from 'meshoptimizer';
import type { RawMesh } from './surface/vtkStages';
import { areaAndVolume, isWatertight } from './metrics';
import { compact, defectVertices, vertexRings, weldPositions, type Rings } from './topology';

export { compact } from './topology';

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
/** Accepted change of the enclosed volume: the smoothed binary-mask surface's own budget (issue 3). */
export const DECIMATE_VOLUME_TOL = 0.01;
/** Accepted change of the surface area: the smoothed binary-mask surface's own budget (issue 3). */
export const DECIMATE_AREA_TOL = 0.02;
/** Simplify passes per ratio, each with more vertices locked around the defects of the previous one. */
const MAX_ROUNDS = 10;
/** Ratios tried: the requested one, then half and a quarter of it; after that the input is returned. */
const MAX_ATTEMPTS = 3;
/** Lock radius in rings of the input mesh: 2 around a new defect, one more each time it recurs, up to 4. */
const FIRST_LOCK_RADIUS = 2;
const MAX_LOCK_RADIUS = 4;

export interface DecimateReport {
  mesh: RawMesh;
  /** Fraction of triangles asked to be removed. */
  requested: number;
  /** Fraction actually removed (0 when the input is returned). */
  achieved: number;
  /** Simplifier passes run (each one a full meshoptimizer call). */
  passes: number;
  /** Output closed and manifold (false for open input, which is simplified with its borders locked). */
  watertight: boolean;
}

/**
 * Removes about `fraction` of the triangles (0 = none, 0.5 = half). Returns a compacted mesh (unused
 * vertices dropped). Watertight input stays watertight, with volume and area within DECIMATE_*_TOL; the
 * ratio reached can be milder than asked (see decimateReport).
 */
export function decimate(mesh: RawMesh, fraction: number): RawMesh {
  return decimateReport(mesh, fraction).mesh;
}

/**
 * decimate() with what happened: the ratio reached, the simplifier passes it took and whether the result is
 * closed. When no ratio keeps a closed mesh closed within the tolerances, the (welded) input comes back with
 * achieved = 0 rather than an open mesh.
 */
export function decimateReport(mesh: RawMesh, fraction: number): DecimateReport {
  const none = (m: RawMesh, passes: number, watertight: boolean): DecimateReport => ({
    mesh: m,
    requested: fraction,
    achieved: 0,
    passes,
    watertight,
  });
  if (!(fraction > 0) || mesh.indices.length === 0) return none(mesh, 0, isWatertight(mesh));
  if (!loaded)
    throw new Error(
      'decimation is not ready yet: await meshesReady() before reconstructing with decimate > 0',
    );
  const input = weldPositions(mesh);
  const nV = input.positions.length / 3;
  const nT = input.indices.length / 3;
  // closed input <=> no defect (the linear check used in the loop; isWatertight verifies the result)
  const closed = defectVertices(input.indices, nV).length === 0;
  const before = areaAndVolume(input);
  const rings = vertexRings(input.indices, nV);
  const lock = new Uint8Array(nV);
  const hits = new Uint8Array(nV);
  let passes = 0;
  let f = Math.min(fraction, 0.99);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++, f /= 2) {
    const target = Math.max(1, Math.floor(nT * (1 - f))) * 3;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      passes++;
      const out = simplify(input, lock, target);
      if (!closed) return report(compact(input.positions, out), nT, fraction, passes, false);
      const bad = defectVertices(out, nV);
      if (bad.length > 0) {
        lockAround(bad, rings, lock, hits);
        continue;
      }
      const result = compact(input.positions, out);
      const after = areaAndVolume(result);
      const dv = Math.abs(after.volumeMm3 / before.volumeMm3 - 1);
      const da = Math.abs(after.areaMm2 / before.areaMm2 - 1);
      // locks do not help a ratio that is simply too coarse for the shape: go milder
      if (!isWatertight(result) || !(dv <= DECIMATE_VOLUME_TOL && da <= DECIMATE_AREA_TOL)) break;
      return report(result, nT, fraction, passes, true);
    }
  }
  return none(input, passes, closed);
}

function simplify(m: RawMesh, lock: Uint8Array, targetIndexCount: number): Uint32Array {
  // no attributes: positions only; 'LockBorder' keeps the borders of open input where they are
  const [out] = MeshoptSimplifier.simplifyWithAttributes(
    m.indices,
    m.positions,
    3,
    new Float32Array(0),
    0,
    [],
    lock,
    targetIndexCount,
    MAX_RELATIVE_ERROR,
    ['LockBorder'],
  );
  return out;
}

/** Locks each defect vertex and its neighbourhood in the input mesh (radius hits[v], wider on repeats). */
function lockAround(bad: number[], rings: Rings, lock: Uint8Array, hits: Uint8Array): void {
  for (const v of bad) {
    hits[v] = Math.min(MAX_LOCK_RADIUS, hits[v] === 0 ? FIRST_LOCK_RADIUS : hits[v]! + 1);
    const seen = new Set([v]);
    let front = [v];
    lock[v] = 1;
    for (let r = 0; r < hits[v]!; r++) {
      const next: number[] = [];
      for (const u of front)
        for (let k = rings.start[u]!; k < rings.start[u + 1]!; k++) {
          const w = rings.adj[k]!;
          if (seen.has(w)) continue;
          seen.add(w);
          lock[w] = 1;
          next.push(w);
        }
      front = next;
    }
  }
}

function report(
  m: RawMesh,
  nT: number,
  requested: number,
  passes: number,
  watertight: boolean,
): DecimateReport {
  return { mesh: m, requested, achieved: 1 - m.indices.length / 3 / nT, passes, watertight };
}
