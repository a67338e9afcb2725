// Builds the compacted hexahedral connectivity of a voxel domain: node list (only nodes touched by an active
// element), element→node and node→element tables, so solver kernels loop over tissue only. Frame: element grid
// indices (i, j, k); node (I, J, K) is the minimum corner of element (I, J, K). No physical units.
import type { HexDomain, HexMesh } from './types';

export function buildHexMesh(domain: HexDomain): HexMesh {
  const [nx, ny, nz] = domain.dims;
  const nElems = domain.elements.length;
  if (nElems === 0)
    throw new Error('mechanics: the domain has no elements (empty mask at this element size)');
  const NX = nx + 1;
  const NY = ny + 1;
  const nodeGridCount = NX * NY * (nz + 1);
  const gridToNode = new Int32Array(nodeGridCount).fill(-1);
  const elemNodes = new Int32Array(8 * nElems);
  const order: number[] = [];
  // Pass 1: mark nodes.
  for (let e = 0; e < nElems; e++) {
    const v = domain.elements[e]!;
    const i = v % nx;
    const j = Math.floor(v / nx) % ny;
    const k = Math.floor(v / (nx * ny));
    if (k >= nz || v < 0) throw new Error(`mechanics: element index ${v} outside the ${nx}×${ny}×${nz} grid`);
    for (let c = 0; c < 8; c++) {
      const g = i + (c & 1) + NX * (j + ((c >> 1) & 1) + NY * (k + ((c >> 2) & 1)));
      if (gridToNode[g] === -1) {
        gridToNode[g] = -2;
        order.push(g);
      }
    }
  }
  order.sort((a, b) => a - b);
  const nodeGrid = Int32Array.from(order);
  const nNodes = nodeGrid.length;
  for (let n = 0; n < nNodes; n++) gridToNode[nodeGrid[n]!] = n;
  const nodeElems = new Int32Array(8 * nNodes).fill(-1);
  for (let e = 0; e < nElems; e++) {
    const v = domain.elements[e]!;
    const i = v % nx;
    const j = Math.floor(v / nx) % ny;
    const k = Math.floor(v / (nx * ny));
    for (let c = 0; c < 8; c++) {
      const g = i + (c & 1) + NX * (j + ((c >> 1) & 1) + NY * (k + ((c >> 2) & 1)));
      const n = gridToNode[g]!;
      elemNodes[8 * e + c] = n;
      nodeElems[8 * n + (7 - c)] = e;
    }
  }
  return { nElems, nNodes, elemNodes, nodeElems, nodeGrid, nodeDims: [NX, NY, nz + 1] };
}

/** Node-grid integer coordinates (I, J, K) of node n. */
export function nodeIJK(mesh: HexMesh, n: number): [number, number, number] {
  const g = mesh.nodeGrid[n]!;
  const [NX, NY] = mesh.nodeDims;
  return [g % NX, Math.floor(g / NX) % NY, Math.floor(g / (NX * NY))];
}

/** Element grid coordinates (i, j, k) of element e. */
export function elemIJK(domain: HexDomain, e: number): [number, number, number] {
  const v = domain.elements[e]!;
  const [nx, ny] = domain.dims;
  return [v % nx, Math.floor(v / nx) % ny, Math.floor(v / (nx * ny))];
}

/** Map linear grid element index → compact element index (−1 when inactive). */
export function gridToElementTable(domain: HexDomain): Int32Array {
  const [nx, ny, nz] = domain.dims;
  const t = new Int32Array(nx * ny * nz).fill(-1);
  for (let e = 0; e < domain.elements.length; e++) t[domain.elements[e]!] = e;
  return t;
}
