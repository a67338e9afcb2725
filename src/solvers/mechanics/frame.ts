// Grid ↔ world geometry of a HexDomain: the rotation R whose columns are the unit world directions of the grid
// axes i, j, k (orthogonal, possibly a reflection), node and element-centre positions in world mm, and vector /
// tensor rotation (v_world = R v_local, T_world = R T Rᵀ). Frames: local grid axes ↔ world RAS+ mm.
import type { Vec3 } from '../../volume/types';
import type { HexDomain, HexMesh } from './types';

/** Row-major 3×3 rotation (columns = unit world direction of grid axes). */
export function gridRotation(domain: HexDomain): Float64Array {
  const m = domain.nodeToWorld;
  const R = new Float64Array(9);
  for (let c = 0; c < 3; c++) {
    const len = Math.hypot(m[c]!, m[4 + c]!, m[8 + c]!);
    if (!(len > 0)) throw new Error('mechanics: degenerate grid affine (zero-length axis)');
    for (let r = 0; r < 3; r++) R[3 * r + c] = m[4 * r + c]! / len;
  }
  return R;
}

/** World position (mm) of the node-grid point (I, J, K) (fractional allowed). */
export function gridToWorld(domain: HexDomain, I: number, J: number, K: number): Vec3 {
  const m = domain.nodeToWorld;
  return [
    m[0]! * I + m[1]! * J + m[2]! * K + m[3]!,
    m[4]! * I + m[5]! * J + m[6]! * K + m[7]!,
    m[8]! * I + m[9]! * J + m[10]! * K + m[11]!,
  ];
}

/** World coordinates (mm) of every node, xyz interleaved. */
export function nodePositions(domain: HexDomain, mesh: HexMesh): Float64Array {
  const out = new Float64Array(3 * mesh.nNodes);
  const [NX, NY] = mesh.nodeDims;
  for (let n = 0; n < mesh.nNodes; n++) {
    const g = mesh.nodeGrid[n]!;
    const p = gridToWorld(domain, g % NX, Math.floor(g / NX) % NY, Math.floor(g / (NX * NY)));
    out.set(p, 3 * n);
  }
  return out;
}

/** v_world = R v_local for xyz-interleaved vectors. */
export function rotateVectors(
  R: Float64Array,
  v: ArrayLike<number>,
  out = new Float64Array(v.length),
): Float64Array {
  for (let i = 0; i < v.length; i += 3) {
    const x = v[i]!,
      y = v[i + 1]!,
      z = v[i + 2]!;
    out[i] = R[0]! * x + R[1]! * y + R[2]! * z;
    out[i + 1] = R[3]! * x + R[4]! * y + R[5]! * z;
    out[i + 2] = R[6]! * x + R[7]! * y + R[8]! * z;
  }
  return out;
}

/** v_local = Rᵀ v_world for one vector. */
export function toLocal(R: Float64Array, v: Vec3): Vec3 {
  return [
    R[0]! * v[0] + R[3]! * v[1] + R[6]! * v[2],
    R[1]! * v[0] + R[4]! * v[1] + R[7]! * v[2],
    R[2]! * v[0] + R[5]! * v[1] + R[8]! * v[2],
  ];
}

/** T_world = R T Rᵀ for symmetric tensors stored (xx, yy, zz, xy, yz, zx) — tensor shears, not γ. */
export function rotateTensor6(
  R: Float64Array,
  t: ArrayLike<number>,
  at: number,
  out: Float64Array,
  outAt: number,
): void {
  const T = [
    t[at]!,
    t[at + 3]!,
    t[at + 5]!,
    t[at + 3]!,
    t[at + 1]!,
    t[at + 4]!,
    t[at + 5]!,
    t[at + 4]!,
    t[at + 2]!,
  ];
  const RT = new Array<number>(9).fill(0);
  for (let r = 0; r < 3; r++)
    for (let c = 0; c < 3; c++) {
      let s = 0;
      for (let q = 0; q < 3; q++) s += R[3 * r + q]! * T[3 * q + c]!;
      RT[3 * r + c] = s;
    }
  const W = (r: number, c: number) => {
    let s = 0;
    for (let q = 0; q < 3; q++) s += RT[3 * r + q]! * R[3 * c + q]!;
    return s;
  };
  out[outAt] = W(0, 0);
  out[outAt + 1] = W(1, 1);
  out[outAt + 2] = W(2, 2);
  out[outAt + 3] = W(0, 1);
  out[outAt + 4] = W(1, 2);
  out[outAt + 5] = W(2, 0);
}
