// Welds vertices with bit-identical coordinates (STL stores three separate corners per triangle) with an
// open-addressing hash on the float32 bit patterns. Units: whatever the positions are in (mm).

/** Returns unique positions and, for each input vertex, its index in them. */
export function weldVertices(positions: Float32Array): { positions: Float32Array; remap: Uint32Array } {
  const n = positions.length / 3;
  const src = new Float32Array(positions.length);
  for (let e = 0; e < positions.length; e++) src[e] = positions[e]! + 0; // -0 -> +0
  const bits = new Uint32Array(src.buffer);
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  const remap = new Uint32Array(n);
  const unique: number[] = [];
  let count = 0;
  for (let v = 0; v < n; v++) {
    const x = bits[3 * v]!, y = bits[3 * v + 1]!, z = bits[3 * v + 2]!; // prettier-ignore
    let h = (Math.imul(x, 73856093) ^ Math.imul(y, 19349663) ^ Math.imul(z, 83492791)) & mask;
    for (;;) {
      const u = table[h]!;
      if (u < 0) {
        table[h] = v;
        remap[v] = count++;
        unique.push(v);
        break;
      }
      if (bits[3 * u] === x && bits[3 * u + 1] === y && bits[3 * u + 2] === z) {
        remap[v] = remap[u]!;
        break;
      }
      h = (h + 1) & mask;
    }
  }
  const out = new Float32Array(count * 3);
  for (let r = 0; r < count; r++) {
    const v = unique[r]!;
    out[3 * r] = src[3 * v]!;
    out[3 * r + 1] = src[3 * v + 1]!;
    out[3 * r + 2] = src[3 * v + 2]!;
  }
  return { positions: out, remap };
}
