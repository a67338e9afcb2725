// The 'js' backend's diffusion operator: the 19-point stencil of stencil.ts packed row by row without its zero
// weights (CSR: the centre first, then the neighbours in stencil order). Axis-aligned fibres leave 6 of 18
// neighbour weights, a heart's rule-based fibres ~14; skipping exact zeros changes no result (w·V = ±0 adds
// nothing to a finite sum), so with add = 0 applyPacked equals applyDiffusion bit for bit (adding the stimulus in
// the same pass rounds once to float32 instead of twice). Weights 1/ms, V mV, out mV/ms.
import type { Stencil } from './stencil';

export interface PackedStencil {
  n: number;
  /** Row c's entries are [rowStart[c], rowStart[c + 1]). */
  rowStart: Int32Array;
  col: Int32Array;
  val: Float32Array;
}

export function packStencil(st: Stencil): PackedStencil {
  const { n, nb, w } = st;
  let nnz = 0;
  for (let c = 0; c < n; c++) {
    nnz++;
    for (let k = 0; k < 18; k++) if (w[c * 19 + 1 + k] !== 0) nnz++;
  }
  const rowStart = new Int32Array(n + 1);
  const col = new Int32Array(nnz);
  const val = new Float32Array(nnz);
  let q = 0;
  for (let c = 0; c < n; c++) {
    rowStart[c] = q;
    col[q] = c;
    val[q++] = w[c * 19]!;
    for (let k = 0; k < 18; k++) {
      const x = w[c * 19 + 1 + k]!;
      if (x === 0) continue;
      col[q] = nb[c * 18 + k]!;
      val[q++] = x;
    }
  }
  rowStart[n] = q;
  return { n, rowStart, col, val };
}

/** out[c] = Σ_row val·V[col] + add[c] (the diffusion term plus the stimulus, mV/ms). */
export function applyPacked(p: PackedStencil, v: Float32Array, add: Float32Array, out: Float32Array): void {
  const { n, rowStart, col, val } = p;
  let q = rowStart[0]!;
  for (let c = 0; c < n; c++) {
    const end = rowStart[c + 1]!;
    let s = 0;
    for (; q < end; q++) s += val[q]! * v[col[q]!]!;
    out[c] = s + add[c]!;
  }
}
