// gpu.js kernel: Rush-Larsen update of the twelve ten Tusscher-Panfilov 2006 (epi) gates on the compact layout,
// x ← x∞ − (x∞ − x)·e^(−dt/τ), at the old V (and old CaSS for fCass). Packed state-major like tnnp-ions.kernel.ts:
// ions[k·n + c] = [V, Ki, Nai, Cai, CaSS, CaSR, Rbar], gates[g·n + c] = [Xr1, Xr2, Xs, m, h, j, d, f, f2, fCass,
// s, r]; one thread per (g, c) of the 12·n output, each computing only its own gate's x∞ and τ.
// Units: V mV, t ms, CaSS mM. Reference: tnnpRates / tnnpGateInfTau (models/tnnp-rates.ts).
// Locals are declared at function level only (see the note in tnnp-ions.kernel.ts: minifier vs gpu.js scopes).
import type { KernelThis } from '../../compute/types';
import type { TNNP_PARAMS } from '../models/tnnp-params';

/** Kernel constants: every TNNP parameter, the time step dt (ms) and the number of cells n. */
export type TnnpConstants = { -readonly [K in keyof typeof TNNP_PARAMS]: number } & { dt: number; n: number };

export function tnnpGatesKernel(
  this: KernelThis<TnnpConstants>,
  ions: Float32Array,
  gates: Float32Array,
): number {
  const n = this.constants.n;
  const x = this.thread.x;
  // g = ⌊x / n⌋, corrected by one if float division rounded across a boundary (no ++/--: the minifier would
  // emit them and WGSL has no f32 decrement)
  const gFloor = Math.floor(x / n);
  const gDown = x - gFloor * n < 0 ? gFloor - 1.0 : gFloor;
  const g = x - gDown * n >= n ? gDown + 1.0 : gDown;
  const c = x - g * n;
  const V = ions[c]!;
  /* eslint-disable no-useless-assignment -- gpu.js types each local from its initialiser (float) */
  let inf = 0.0;
  let tau = 1.0;
  // Scratch (rates α, β and one shared exponential term), reassigned per branch
  let a = 0.0;
  let b = 0.0;
  let e = 0.0;
  /* eslint-enable no-useless-assignment */
  if (g === 0) {
    // Xr1
    inf = 1.0 / (1.0 + Math.exp((-26.0 - V) / 7.0));
    tau = (450.0 / (1.0 + Math.exp((-45.0 - V) / 10.0))) * (6.0 / (1.0 + Math.exp((V + 30.0) / 11.5)));
  } else if (g === 1) {
    // Xr2
    inf = 1.0 / (1.0 + Math.exp((V + 88.0) / 24.0));
    tau = (3.0 / (1.0 + Math.exp((-60.0 - V) / 20.0))) * (1.12 / (1.0 + Math.exp((V - 60.0) / 20.0)));
  } else if (g === 2) {
    // Xs
    inf = 1.0 / (1.0 + Math.exp((-5.0 - V) / 14.0));
    tau =
      (1400.0 / Math.sqrt(1.0 + Math.exp((5.0 - V) / 6.0))) * (1.0 / (1.0 + Math.exp((V - 35.0) / 15.0))) +
      80.0;
  } else if (g === 3) {
    // m
    e = 1.0 + Math.exp((-56.86 - V) / 9.03);
    inf = 1.0 / (e * e);
    a = 1.0 / (1.0 + Math.exp((-60.0 - V) / 5.0));
    b = 0.1 / (1.0 + Math.exp((V + 35.0) / 5.0)) + 0.1 / (1.0 + Math.exp((V - 50.0) / 200.0));
    tau = a * b;
  } else if (g === 4 || g === 5) {
    // h and j share h∞; rates switch at −40 mV
    e = 1.0 + Math.exp((V + 71.55) / 7.43);
    inf = 1.0 / (e * e);
    a = 0.0;
    if (g === 4) {
      if (V >= -40.0) {
        b = 0.77 / (0.13 * (1.0 + Math.exp(-(V + 10.66) / 11.1)));
      } else {
        a = 0.057 * Math.exp(-(V + 80.0) / 6.8);
        b = 2.7 * Math.exp(0.079 * V) + 310000.0 * Math.exp(0.3485 * V);
      }
    } else {
      if (V >= -40.0) {
        b = (0.6 * Math.exp(0.057 * V)) / (1.0 + Math.exp(-0.1 * (V + 32.0)));
      } else {
        a =
          ((-25428.0 * Math.exp(0.2444 * V) - 0.000006948 * Math.exp(-0.04391 * V)) * (V + 37.78)) /
          (1.0 + Math.exp(0.311 * (V + 79.23)));
        b = (0.02424 * Math.exp(-0.01052 * V)) / (1.0 + Math.exp(-0.1378 * (V + 40.14)));
      }
    }
    tau = 1.0 / (a + b);
  } else if (g === 6) {
    // d
    inf = 1.0 / (1.0 + Math.exp((-8.0 - V) / 7.5));
    tau =
      (1.4 / (1.0 + Math.exp((-35.0 - V) / 13.0)) + 0.25) * (1.4 / (1.0 + Math.exp((V + 5.0) / 5.0))) +
      1.0 / (1.0 + Math.exp((50.0 - V) / 20.0));
  } else if (g === 7) {
    // f
    inf = 1.0 / (1.0 + Math.exp((V + 20.0) / 7.0));
    tau =
      1102.5 * Math.exp(-((V + 27.0) * (V + 27.0)) / 225.0) +
      200.0 / (1.0 + Math.exp((13.0 - V) / 10.0)) +
      180.0 / (1.0 + Math.exp((V + 30.0) / 10.0)) +
      20.0;
  } else if (g === 8) {
    // f2
    inf = 0.67 / (1.0 + Math.exp((V + 35.0) / 7.0)) + 0.33;
    tau =
      562.0 * Math.exp(-((V + 27.0) * (V + 27.0)) / 240.0) +
      31.0 / (1.0 + Math.exp((25.0 - V) / 10.0)) +
      80.0 / (1.0 + Math.exp((V + 30.0) / 10.0));
  } else if (g === 9) {
    // fCass: driven by the subspace Ca (mM)
    e = (ions[4 * n + c]! / 0.05) * (ions[4 * n + c]! / 0.05);
    inf = 0.6 / (1.0 + e) + 0.4;
    tau = 80.0 / (1.0 + e) + 2.0;
  } else if (g === 10) {
    // s (Ito inactivation, epicardial)
    inf = 1.0 / (1.0 + Math.exp((V + 20.0) / 5.0));
    tau =
      85.0 * Math.exp(-((V + 45.0) * (V + 45.0)) / 320.0) + 5.0 / (1.0 + Math.exp((V - 20.0) / 5.0)) + 3.0;
  } else {
    // r (Ito activation)
    inf = 1.0 / (1.0 + Math.exp((20.0 - V) / 6.0));
    tau = 9.5 * Math.exp(-((V + 40.0) * (V + 40.0)) / 1800.0) + 0.8;
  }
  return inf - (inf - gates[x]!) * Math.exp(-this.constants.dt / tau);
}
