// Connected-component labelling of binary voxel masks (6- or 26-connectivity) by breadth-first flood fill
// with a typed-array queue, plus small mask helpers. Voxel index space IJK (i fastest); no physical units.
import type { Vec3 } from '../types';

export interface Components {
  /** Component id per voxel (0 = background), ids ordered by size: 1 is the largest. */
  labels: Int32Array;
  /** sizes[c - 1] = voxel count of component c, largest first. */
  sizes: number[];
}

function neighbourOffsets(connectivity: 6 | 26): Vec3[] {
  const offs: Vec3[] = [];
  for (let dk = -1; dk <= 1; dk++)
    for (let dj = -1; dj <= 1; dj++)
      for (let di = -1; di <= 1; di++) {
        const n = Math.abs(di) + Math.abs(dj) + Math.abs(dk);
        if (n === 0 || (connectivity === 6 && n > 1)) continue;
        offs.push([di, dj, dk]);
      }
  return offs;
}

/** Labels the connected components of mask (nonzero = foreground), largest first. */
export function connectedComponents(mask: Uint8Array, dims: Vec3, connectivity: 6 | 26 = 6): Components {
  const [nx, ny, nz] = dims;
  const n = nx * ny * nz;
  if (mask.length !== n)
    throw new Error(`connectedComponents: mask has ${mask.length} voxels, dims ${dims.join('x')} need ${n}`);
  if (connectivity !== 6 && connectivity !== 26)
    throw new Error(`connectedComponents: connectivity must be 6 or 26`);
  const offs = neighbourOffsets(connectivity);
  const steps = offs.map(([a, b, c]) => a + nx * (b + ny * c));
  const labels = new Int32Array(n);
  const queue = new Int32Array(n);
  const rawSizes: number[] = [];
  for (let seed = 0; seed < n; seed++) {
    if (mask[seed] === 0 || labels[seed] !== 0) continue;
    const id = rawSizes.length + 1;
    let head = 0;
    let tail = 0;
    queue[tail++] = seed;
    labels[seed] = id;
    while (head < tail) {
      const p = queue[head++]!;
      const i = p % nx;
      const j = ((p - i) / nx) % ny;
      const k = (p - i - nx * j) / (nx * ny);
      const interior = i > 0 && j > 0 && k > 0 && i < nx - 1 && j < ny - 1 && k < nz - 1;
      for (let o = 0; o < offs.length; o++) {
        if (!interior) {
          const d = offs[o]!;
          const a = i + d[0];
          const b = j + d[1];
          const c = k + d[2];
          if (a < 0 || b < 0 || c < 0 || a >= nx || b >= ny || c >= nz) continue;
        }
        const q = p + steps[o]!;
        if (mask[q] !== 0 && labels[q] === 0) {
          labels[q] = id;
          queue[tail++] = q;
        }
      }
    }
    rawSizes.push(tail);
  }
  // Renumber by decreasing size (ties by first occurrence, so the result is deterministic).
  const order = rawSizes.map((_, c) => c).sort((a, b) => rawSizes[b]! - rawSizes[a]! || a - b);
  const remap = new Int32Array(rawSizes.length + 1);
  order.forEach((c, rank) => (remap[c + 1] = rank + 1));
  for (let p = 0; p < n; p++) if (labels[p] !== 0) labels[p] = remap[labels[p]!]!;
  return { labels, sizes: order.map((c) => rawSizes[c]!) };
}

/** Mask of the components whose ids are in keep. */
export function selectComponents(cc: Components, keep: number[]): Uint8Array {
  const on = new Uint8Array(cc.sizes.length + 1);
  for (const c of keep) on[c] = 1;
  const out = new Uint8Array(cc.labels.length);
  for (let p = 0; p < out.length; p++) out[p] = on[cc.labels[p]!]!;
  return out;
}
