// Keeps the largest face-connected component of a voxel domain. Elements joined only along an edge or at a
// corner form hinges (near-mechanisms) and islands are unconstrained rigid bodies: both make K singular or
// badly conditioned, so image-derived domains drop them. Frame: element grid indices. No units.
import { gridToElementTable } from './mesh';
import type { HexDomain } from './types';

/** Returns a domain restricted to its largest face-connected component, and how many elements were dropped. */
export function largestFaceComponent<D extends HexDomain>(domain: D): { domain: D; dropped: number } {
  const [nx, ny, nz] = domain.dims;
  const table = gridToElementTable(domain);
  const n = domain.elements.length;
  const comp = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  let best = -1;
  let bestSize = 0;
  let id = 0;
  for (let s = 0; s < n; s++) {
    if (comp[s] !== -1) continue;
    let size = 0;
    comp[s] = id;
    stack.push(s);
    while (stack.length) {
      const e = stack.pop()!;
      size++;
      const v = domain.elements[e]!;
      const i = v % nx,
        j = Math.floor(v / nx) % ny,
        k = Math.floor(v / (nx * ny));
      const nb = [
        i > 0 ? v - 1 : -1,
        i < nx - 1 ? v + 1 : -1,
        j > 0 ? v - nx : -1,
        j < ny - 1 ? v + nx : -1,
        k > 0 ? v - nx * ny : -1,
        k < nz - 1 ? v + nx * ny : -1,
      ];
      for (const g of nb) {
        if (g < 0) continue;
        const f = table[g]!;
        if (f >= 0 && comp[f] === -1) {
          comp[f] = id;
          stack.push(f);
        }
      }
    }
    if (size > bestSize) {
      bestSize = size;
      best = id;
    }
    id++;
  }
  if (bestSize === n) return { domain, dropped: 0 };
  const keep: number[] = [];
  for (let e = 0; e < n; e++) if (comp[e] === best) keep.push(e);
  const pick = <T extends Float32Array | Int32Array>(a: T | undefined): T | undefined =>
    a ? (a.constructor as unknown as { from(x: number[]): T }).from(keep.map((e) => a[e]!)) : undefined;
  const out = {
    ...domain,
    elements: pick(domain.elements)!,
    E: pick(domain.E)!,
    nu: pick(domain.nu)!,
    label: pick(domain.label),
    hu: pick(domain.hu),
  };
  return { domain: out, dropped: n - keep.length };
}
