// Scalar checks on a solution, used by the CLI summary and the validation tests: mean axial stress over a
// cross-section, mean radial displacement of nodes on a spherical band, the Lamé closed form, and the
// volume-weighted L2 error of the hoop stress. Units: mm, MPa. Frame: world RAS+ (the analytic domains have
// world = grid axes).
import type { StressResult } from './result';

/** Mean world σ_zz (MPa) over elements whose centre z lies within h/2 of zMid (a one-element-thick slab). */
export function meanAxialStressAt(r: StressResult, zMid: number): number {
  let s = 0;
  let c = 0;
  const m = r.nodeToWorld;
  const [nx, ny] = r.dims;
  for (let e = 0; e < r.elements.length; e++) {
    const v = r.elements[e]!;
    const i = (v % nx) + 0.5,
      j = (Math.floor(v / nx) % ny) + 0.5,
      k = Math.floor(v / (nx * ny)) + 0.5;
    const z = m[8]! * i + m[9]! * j + m[10]! * k + m[11]!;
    if (Math.abs(z - zMid) <= r.h / 2) {
      s += r.element.stress[6 * e + 2]!;
      c++;
    }
  }
  return c ? s / c : NaN;
}

/** Lamé thick-walled sphere: radial displacement (mm) and stresses (MPa) at radius r (DESIGN.md). */
export function lameSphere(a: number, b: number, p: number, E: number, nu: number, r: number) {
  const k = (p * a ** 3) / (b ** 3 - a ** 3);
  return {
    ur: (k / E) * ((1 - 2 * nu) * r + ((1 + nu) * b ** 3) / (2 * r * r)),
    srr: k * (1 - b ** 3 / r ** 3),
    stt: k * (1 + b ** 3 / (2 * r ** 3)),
  };
}

/** Mean radial displacement (mm) of nodes with |‖x‖ − R| < h/2 (centre at the origin) and the mean of ‖x‖. */
export function meanRadialDisplacement(
  r: StressResult,
  R: number,
): { ur: number; radius: number; count: number } {
  let s = 0;
  let rs = 0;
  let c = 0;
  for (let n = 0; n < r.nodePositions.length / 3; n++) {
    const x = r.nodePositions[3 * n]!,
      y = r.nodePositions[3 * n + 1]!,
      z = r.nodePositions[3 * n + 2]!;
    const rad = Math.hypot(x, y, z);
    if (Math.abs(rad - R) < r.h / 2) {
      s +=
        (r.displacement[3 * n]! * x + r.displacement[3 * n + 1]! * y + r.displacement[3 * n + 2]! * z) / rad;
      rs += rad;
      c++;
    }
  }
  return { ur: s / c, radius: rs / c, count: c };
}

/**
 * Volume-weighted relative L2 error of the hoop stress σ_θθ = (tr σ − σ_rr)/2 against Lamé, over elements whose
 * centre radius lies in [rMin, rMax] (use a + h.., b − h.. to stay off the staircase surfaces).
 */
export function hoopStressError(
  r: StressResult,
  a: number,
  b: number,
  p: number,
  rMin: number,
  rMax: number,
): number {
  let num = 0;
  let den = 0;
  const m = r.nodeToWorld;
  const [nx, ny] = r.dims;
  for (let e = 0; e < r.elements.length; e++) {
    const v = r.elements[e]!;
    const I = (v % nx) + 0.5,
      J = (Math.floor(v / nx) % ny) + 0.5,
      K = Math.floor(v / (nx * ny)) + 0.5;
    const x = m[0]! * I + m[3]!,
      y = m[5]! * J + m[7]!,
      z = m[10]! * K + m[11]!;
    const rad = Math.hypot(x, y, z);
    if (rad < rMin || rad > rMax) continue;
    const s = r.element.stress;
    const [nx_, ny_, nz_] = [x / rad, y / rad, z / rad];
    const srr =
      nx_ * nx_ * s[6 * e]! +
      ny_ * ny_ * s[6 * e + 1]! +
      nz_ * nz_ * s[6 * e + 2]! +
      2 * (nx_ * ny_ * s[6 * e + 3]! + ny_ * nz_ * s[6 * e + 4]! + nz_ * nx_ * s[6 * e + 5]!);
    const stt = (s[6 * e]! + s[6 * e + 1]! + s[6 * e + 2]! - srr) / 2;
    const ex = lameSphere(a, b, p, 1, 0.3, rad).stt;
    num += (stt - ex) ** 2;
    den += ex ** 2;
  }
  return Math.sqrt(num / den);
}
