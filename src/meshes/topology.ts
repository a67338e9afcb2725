// Mesh topology helpers for decimation: vertex one-rings (CSR adjacency), the vertices touching a
// watertightness defect (open, non-manifold or same-direction edges, degenerate triangles: the same
// criterion as isWatertight in ./metrics), position welding and compaction. Pure index arithmetic;
// positions in any frame (world mm here), compared bit-exactly.
import type { Positioned } from './metrics';

export interface Rings {
  /** Neighbours of v are adj[start[v] .. start[v + 1]) (each listed once per incident triangle side). */
  start: Uint32Array;
  adj: Uint32Array;
}

/** One-ring adjacency of every vertex. */
export function vertexRings(indices: Uint32Array, nVertices: number): Rings {
  const start = new Uint32Array(nVertices + 1);
  for (let e = 0; e < indices.length; e++) start[indices[e]! + 1]! += 2;
  for (let v = 0; v < nVertices; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, nVertices);
  const adj = new Uint32Array(indices.length * 2);
  for (let t = 0; t < indices.length; t += 3)
    for (let c = 0; c < 3; c++) {
      const a = indices[t + c]!;
      adj[fill[a]!++] = indices[t + ((c + 1) % 3)]!;
      adj[fill[a]!++] = indices[t + ((c + 2) % 3)]!;
    }
  return { start, adj };
}

/**
 * Vertices of every edge that is not matched by exactly one opposite half-edge (open, non-manifold or
 * same-direction edges), and of degenerate triangles. Empty exactly when the mesh passes isWatertight
 * (for a non-empty mesh). Linear time: half-edges bucketed by origin vertex, valences are small.
 */
export function defectVertices(indices: Uint32Array, nVertices: number): number[] {
  const start = new Uint32Array(nVertices + 1);
  for (let e = 0; e < indices.length; e++) start[indices[e]! + 1]!++;
  for (let v = 0; v < nVertices; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, nVertices);
  const to = new Uint32Array(indices.length); // half-edge a -> b stored in a's bucket
  for (let t = 0; t < indices.length; t += 3)
    for (let c = 0; c < 3; c++) to[fill[indices[t + c]!]!++] = indices[t + ((c + 1) % 3)]!;
  const count = (a: number, b: number): number => {
    let n = 0;
    for (let k = start[a]!; k < start[a + 1]!; k++) if (to[k] === b) n++;
    return n;
  };
  const bad = new Set<number>();
  for (let a = 0; a < nVertices; a++)
    for (let k = start[a]!; k < start[a + 1]!; k++) {
      const b = to[k]!;
      if (a === b || count(a, b) !== 1 || count(b, a) !== 1) bad.add(a).add(b);
    }
  return [...bad];
}

/**
 * Merges vertices with bit-identical positions (STL-style duplicated corners; marching cubes with merged
 * points is already welded) and drops triangles that become degenerate; the result is compacted (no unused
 * vertices: meshoptimizer would take unused duplicates for seams and refuse to collapse there). Returns the
 * input when nothing merges.
 */
export function weldPositions(m: Positioned): Positioned {
  const p = m.positions;
  const bits = new Uint32Array(p.buffer, p.byteOffset, p.length);
  const nV = p.length / 3;
  let size = 1;
  while (size < 2 * nV) size *= 2;
  const table = new Int32Array(size).fill(-1); // open addressing, linear probing
  const remap = new Uint32Array(nV);
  let merged = 0;
  for (let v = 0; v < nV; v++) {
    const x = bits[3 * v]!, y = bits[3 * v + 1]!, z = bits[3 * v + 2]!; // prettier-ignore
    let h = (Math.imul(x, 73856093) ^ Math.imul(y, 19349663) ^ Math.imul(z, 83492791)) & (size - 1);
    for (;;) {
      const f = table[h]!;
      if (f < 0) {
        table[h] = remap[v] = v;
        break;
      }
      if (bits[3 * f] === x && bits[3 * f + 1] === y && bits[3 * f + 2] === z) {
        remap[v] = f;
        merged++;
        break;
      }
      h = (h + 1) & (size - 1);
    }
  }
  if (merged === 0) return m;
  const out: number[] = [];
  const ix = m.indices;
  for (let t = 0; t < ix.length; t += 3) {
    const a = remap[ix[t]!]!, b = remap[ix[t + 1]!]!, c = remap[ix[t + 2]!]!; // prettier-ignore
    if (a !== b && b !== c && a !== c) out.push(a, b, c);
  }
  return compact(p, Uint32Array.from(out));
}

/** Drops vertices no triangle uses and renumbers the rest in first-use order. */
export function compact(positions: Float32Array, indices: Uint32Array): Positioned {
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
