// Geometric multigrid V-cycle preconditioner for the 'js' backend (float64). Levels coarsen the voxel grid 2×:
// a coarse element is active when any of its 8 children is; E = volume-average over the 8 children (voids count
// as 0), ν = mean of the active children. Prolongation = trilinear interpolation of coarse node displacements
// (coarse node (I,J,K) sits on fine node (2I,2J,2K)); restriction = its transpose. A coarse DOF is fixed when any
// fine DOF it interpolates to is fixed (keeps every level SPD). Smoother: damped Jacobi with ω = 1.1/λmax(D⁻¹K)
// (power-iteration estimate), ν1 = ν2 sweeps; the coarsest level is solved by Jacobi-PCG (1e-10 or 150 iterations). The cycle is symmetric, so it
// is a valid CG preconditioner. Units: mm, N. Frame: local grid axes.
import { buildHexMesh } from './mesh';
import { diagonalRef, matvecRef, stiffnessParts, type StiffnessParts } from './operator';
import type { HexDomain, HexMesh } from './types';
import { pcgRef } from './pcg';

/**
 * Iteration cap of the coarsest-level Jacobi-PCG: homogeneous coarse grids reach 1e-10 well within it (the cycle
 * is then a fixed linear operator); strongly heterogeneous ones (bone) stop at the cap, which keeps the cost of a
 * cycle bounded at the price of a slightly varying preconditioner (measured: still converges in few iterations).
 */
const COARSE_MAX_IT = 150;

interface Level {
  mesh: HexMesh;
  parts: StiffnessParts;
  fixed: Uint8Array;
  invDiag: Float64Array;
  omega: number;
  /** Prolongation to the next finer level: for each fine node, up to 8 (coarse node, weight) pairs. */
  pIdx?: Int32Array;
  pW?: Float64Array;
  tmp: Float64Array[];
}

function coarsen(d: HexDomain): HexDomain {
  const [nx, ny, nz] = d.dims;
  const cd: [number, number, number] = [Math.ceil(nx / 2), Math.ceil(ny / 2), Math.ceil(nz / 2)];
  const sumE = new Map<number, number>();
  const sumNu = new Map<number, [number, number]>();
  for (let e = 0; e < d.elements.length; e++) {
    const v = d.elements[e]!;
    const i = v % nx,
      j = Math.floor(v / nx) % ny,
      k = Math.floor(v / (nx * ny));
    const c = (i >> 1) + cd[0] * ((j >> 1) + cd[1] * (k >> 1));
    sumE.set(c, (sumE.get(c) ?? 0) + d.E[e]!);
    const s = sumNu.get(c) ?? [0, 0];
    sumNu.set(c, [s[0] + d.nu[e]!, s[1] + 1]);
  }
  const elements = Int32Array.from([...sumE.keys()].sort((a, b) => a - b));
  const m = Float64Array.from(d.nodeToWorld);
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) m[4 * r + c]! *= 2;
  return {
    dims: cd,
    h: 2 * d.h,
    nodeToWorld: m,
    elements,
    E: Float32Array.from(elements, (c) => sumE.get(c)! / 8),
    nu: Float32Array.from(elements, (c) => sumNu.get(c)![0] / sumNu.get(c)![1]),
  };
}

function lambdaMax(mesh: HexMesh, parts: StiffnessParts, fixed: Uint8Array, inv: Float64Array): number {
  const n = 3 * mesh.nNodes;
  let x = Float64Array.from({ length: n }, (_, i) => (fixed[i] ? 0 : 1 + 0.3 * Math.sin(i)));
  const y = new Float64Array(n);
  let lam = 1;
  for (let it = 0; it < 12; it++) {
    matvecRef(mesh, parts, fixed, x, y);
    let num = 0,
      den = 0;
    for (let i = 0; i < n; i++) {
      y[i] = y[i]! * inv[i]!;
      num += y[i]! * y[i]!;
      den += x[i]! * y[i]!;
    }
    lam = num / den;
    const s = 1 / Math.sqrt(num);
    x = Float64Array.from(y, (v) => v * s);
  }
  return lam * 1.05;
}

export interface Multigrid {
  levels: number;
  /** z ≈ K⁻¹ r (one V-cycle). */
  apply(r: Float64Array, z: Float64Array): void;
}

export function buildMultigrid(
  domain: HexDomain,
  mesh: HexMesh,
  fixed: Uint8Array,
  opts: { sweeps?: number; coarsestElems?: number } = {},
): Multigrid {
  const sweeps = opts.sweeps ?? 3;
  const coarsest = opts.coarsestElems ?? 3000;
  const mk = (d: HexDomain, m: HexMesh, f: Uint8Array): Level => {
    const parts = stiffnessParts(d);
    const diag = diagonalRef(m, parts, f);
    const invDiag = Float64Array.from(diag, (v, i) => (f[i] ? 0 : 1 / v));
    const n = 3 * m.nNodes;
    return {
      mesh: m,
      parts,
      fixed: f,
      invDiag,
      omega: 1.1 / lambdaMax(m, parts, f, invDiag),
      tmp: [0, 1, 2].map(() => new Float64Array(n)),
    };
  };
  const levels: Level[] = [mk(domain, mesh, fixed)];
  let d = domain;
  while (d.elements.length > coarsest && Math.min(...d.dims) > 2 && levels.length < 8) {
    const fine = levels[levels.length - 1]!;
    const cdom = coarsen(d);
    const cmesh = buildHexMesh(cdom);
    const [CX, CY] = cmesh.nodeDims;
    const cNode = new Map<number, number>();
    for (let n = 0; n < cmesh.nNodes; n++) cNode.set(cmesh.nodeGrid[n]!, n);
    const [FX, FY] = fine.mesh.nodeDims;
    const pIdx = new Int32Array(8 * fine.mesh.nNodes).fill(-1);
    const pW = new Float64Array(8 * fine.mesh.nNodes);
    const cfixed = new Uint8Array(3 * cmesh.nNodes);
    for (let n = 0; n < fine.mesh.nNodes; n++) {
      const g = fine.mesh.nodeGrid[n]!;
      const ijk = [g % FX, Math.floor(g / FX) % FY, Math.floor(g / (FX * FY))];
      let s = 0;
      for (let c = 0; c < 8; c++) {
        let w = 1;
        const C = [0, 0, 0];
        let ok = true;
        for (let a = 0; a < 3; a++) {
          const bit = (c >> a) & 1;
          const f = ijk[a]!;
          if (f % 2 === 0) {
            if (bit) ok = false;
            C[a] = f / 2;
          } else {
            C[a] = (f - 1) / 2 + bit;
            w *= 0.5;
          }
        }
        if (!ok) continue;
        const cn = cNode.get(C[0]! + CX * (C[1]! + CY * C[2]!));
        if (cn === undefined) throw new Error('multigrid: coarse node missing (internal error)');
        pIdx[8 * n + s] = cn;
        pW[8 * n + s] = w;
        s++;
        for (let q = 0; q < 3; q++) if (fine.fixed[3 * n + q]) cfixed[3 * cn + q] = 1;
      }
    }
    const lvl = mk(cdom, cmesh, cfixed);
    lvl.pIdx = pIdx;
    lvl.pW = pW;
    levels.push(lvl);
    d = cdom;
  }

  // Bound the coarsest solve to ~2 fine-level matvecs of work (at least 20 iterations, at most COARSE_MAX_IT).
  const nc = levels[levels.length - 1]!.mesh.nElems;
  const coarseMaxIt = Math.max(20, Math.min(COARSE_MAX_IT, Math.round((2 * mesh.nElems) / nc)));
  const smooth = (L: Level, b: Float64Array, x: Float64Array, count: number) => {
    const Ax = L.tmp[2]!;
    for (let s = 0; s < count; s++) {
      matvecRef(L.mesh, L.parts, L.fixed, x, Ax);
      for (let i = 0; i < x.length; i++) x[i]! += L.omega * L.invDiag[i]! * (b[i]! - Ax[i]!);
    }
  };
  const cycle = (l: number, b: Float64Array, x: Float64Array) => {
    const L = levels[l]!;
    x.fill(0);
    if (l === levels.length - 1) {
      // Coarsest level: a tight Jacobi-PCG solve (accurate enough that the cycle stays a fixed linear operator).
      const r = pcgRef((p, y) => matvecRef(L.mesh, L.parts, L.fixed, p, y), L.invDiag, b, {
        tol: 1e-10,
        maxIter: coarseMaxIt,
      });
      x.set(r.u);
      return;
    }
    smooth(L, b, x, sweeps);
    const r = L.tmp[0]!;
    matvecRef(L.mesh, L.parts, L.fixed, x, r);
    for (let i = 0; i < r.length; i++) r[i] = L.fixed[i] ? 0 : b[i]! - r[i]!;
    const C = levels[l + 1]!;
    const rc = C.tmp[1]!;
    rc.fill(0);
    for (let n = 0; n < L.mesh.nNodes; n++)
      for (let s = 0; s < 8; s++) {
        const cn = C.pIdx![8 * n + s]!;
        if (cn < 0) break;
        const w = C.pW![8 * n + s]!;
        for (let q = 0; q < 3; q++) rc[3 * cn + q]! += w * r[3 * n + q]!;
      }
    for (let i = 0; i < rc.length; i++) if (C.fixed[i]) rc[i] = 0;
    const xc = new Float64Array(rc.length);
    cycle(l + 1, rc, xc);
    for (let n = 0; n < L.mesh.nNodes; n++)
      for (let s = 0; s < 8; s++) {
        const cn = C.pIdx![8 * n + s]!;
        if (cn < 0) break;
        const w = C.pW![8 * n + s]!;
        for (let q = 0; q < 3; q++) if (!L.fixed[3 * n + q]) x[3 * n + q]! += w * xc[3 * cn + q]!;
      }
    smooth(L, b, x, sweeps);
  };
  return { levels: levels.length, apply: (r, z) => cycle(0, r, z) };
}
