// Post-processing of a displacement solution: strain (ε, tensor shears) and stress (σ = λ tr ε I + 2μ ε, MPa) at
// element centres, von Mises, principal stresses and strains, strain energy density (½ σ:ε, MPa = mJ/mm³), and
// element values averaged to nodes. Units: u mm, stress MPa, strain mm/mm. Frame: inputs in the local grid
// frame; every output vector/tensor is rotated to world RAS+.
import { lame, strainMatrix } from './hex-stiffness';
import { gridRotation, rotateTensor6, rotateVectors } from './frame';
import { principal3, vonMises } from './tensor';
import type { HexDomain, HexMesh } from './types';

export interface ElementFields {
  /** Strain tensor (xx, yy, zz, xy, yz, zx), tensor shears, world frame. */
  strain: Float32Array;
  /** Stress tensor (MPa), world frame. */
  stress: Float32Array;
  vonMises: Float32Array;
  /** Principal stresses σ1 ≥ σ2 ≥ σ3 (MPa). */
  principalStress: Float32Array;
  /** Principal strains ε1 ≥ ε2 ≥ ε3. */
  principalStrain: Float32Array;
  /** Strain energy density (MPa = mJ/mm³). */
  sed: Float32Array;
}

export function elementFields(domain: HexDomain, mesh: HexMesh, uLocal: ArrayLike<number>): ElementFields {
  const n = mesh.nElems;
  const B = strainMatrix(0.5, 0.5, 0.5);
  const R = gridRotation(domain);
  const out: ElementFields = {
    strain: new Float32Array(6 * n),
    stress: new Float32Array(6 * n),
    vonMises: new Float32Array(n),
    principalStress: new Float32Array(3 * n),
    principalStrain: new Float32Array(3 * n),
    sed: new Float32Array(n),
  };
  const ue = new Float64Array(24);
  const eps = new Float64Array(6);
  const sig = new Float64Array(6);
  const w = new Float64Array(6);
  const pr = new Float64Array(3);
  for (let e = 0; e < n; e++) {
    for (let c = 0; c < 8; c++) {
      const b = 3 * mesh.elemNodes[8 * e + c]!;
      ue[3 * c] = uLocal[b]!;
      ue[3 * c + 1] = uLocal[b + 1]!;
      ue[3 * c + 2] = uLocal[b + 2]!;
    }
    for (let q = 0; q < 6; q++) {
      let s = 0;
      for (let c = 0; c < 24; c++) s += B[24 * q + c]! * ue[c]!;
      eps[q] = (q < 3 ? s : s / 2) / domain.h;
    }
    const { lambda, mu } = lame(domain.E[e]!, domain.nu[e]!);
    const tr = eps[0]! + eps[1]! + eps[2]!;
    for (let q = 0; q < 6; q++) sig[q] = (q < 3 ? lambda * tr : 0) + 2 * mu * eps[q]!;
    let sed = 0;
    for (let q = 0; q < 6; q++) sed += (q < 3 ? 1 : 2) * sig[q]! * eps[q]!;
    out.sed[e] = sed / 2;
    rotateTensor6(R, eps, 0, w, 0);
    out.strain.set(w, 6 * e);
    principal3(w, 0, pr, 0);
    out.principalStrain.set(pr, 3 * e);
    rotateTensor6(R, sig, 0, w, 0);
    out.stress.set(w, 6 * e);
    out.vonMises[e] = vonMises(w, 0);
    principal3(w, 0, pr, 0);
    out.principalStress.set(pr, 3 * e);
  }
  return out;
}

/** Averages an element field (`components` per element) to the nodes (mean over incident elements). */
export function averageToNodes(mesh: HexMesh, values: Float32Array, components: number): Float32Array {
  const out = new Float32Array(components * mesh.nNodes);
  for (let nd = 0; nd < mesh.nNodes; nd++) {
    let cnt = 0;
    for (let s = 0; s < 8; s++) {
      const e = mesh.nodeElems[8 * nd + s]!;
      if (e < 0) continue;
      cnt++;
      for (let c = 0; c < components; c++) out[components * nd + c]! += values[components * e + c]!;
    }
    for (let c = 0; c < components; c++) out[components * nd + c]! /= cnt;
  }
  return out;
}

/** Displacements rotated to world (mm), float32. */
export function worldDisplacement(domain: HexDomain, uLocal: ArrayLike<number>): Float32Array {
  return Float32Array.from(rotateVectors(gridRotation(domain), uLocal));
}

/**
 * Fracture-risk indicator: fraction of the (bone) element volume whose minimum principal strain is below
 * −yieldCompressive or whose maximum principal strain exceeds yieldTensile.
 */
export function fractionAboveYield(
  f: ElementFields,
  yieldCompressive: number,
  yieldTensile: number,
  include: (e: number) => boolean = () => true,
): number {
  let n = 0;
  let hit = 0;
  for (let e = 0; e < f.vonMises.length; e++) {
    if (!include(e)) continue;
    n++;
    if (f.principalStrain[3 * e + 2]! < -yieldCompressive || f.principalStrain[3 * e]! > yieldTensile) hit++;
  }
  return n ? hit / n : 0;
}
