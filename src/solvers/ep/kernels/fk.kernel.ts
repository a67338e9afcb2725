// gpu.js kernels: forward-Euler reaction update of the 3-variable Fenton-Karma model (fk.ts, BR parameter set)
// on the compact layout, one kernel per state variable (V, gates v and w), all reading the old state.
// V in mV (u = (V − v0)/vAmp dimensionless), t in ms, lap and stim in mV/ms. Constants: dt, FK_BR, v0, vAmp
// (filled by the caller from fk.ts). Reference: fentonKarma.step (parity: tests/unit/ep/fk-kernel.test.ts).
// Heaviside gates p = Θ(u − u_c), q = Θ(u − u_v) as ternaries (u ≥ threshold → 1), as in the reference.
import type { KernelThis } from '../../compute/types';

export type FkConstants = {
  dt: number;
  v0: number;
  vAmp: number;
  tauVp: number;
  tauV1m: number;
  tauV2m: number;
  tauWp: number;
  tauWm: number;
  tauD: number;
  tau0: number;
  tauR: number;
  tauSi: number;
  k: number;
  ucSi: number;
  uc: number;
  uv: number;
};

/** V ← V − dt·vAmp·(J_fi + J_so + J_si) + dt·(lap + stim)   (mV). */
export function fkVKernel(
  this: KernelThis<FkConstants>,
  v: Float32Array,
  gv: Float32Array,
  gw: Float32Array,
  lap: Float32Array,
  stim: Float32Array,
): number {
  const c = this.thread.x;
  const u = (v[c]! - this.constants.v0) / this.constants.vAmp;
  const p = u >= this.constants.uc ? 1.0 : 0.0;
  const jfi = (-gv[c]! * p * (1.0 - u) * (u - this.constants.uc)) / this.constants.tauD;
  const jso = (u * (1.0 - p)) / this.constants.tau0 + p / this.constants.tauR;
  const jsi =
    (-gw[c]! * (1.0 + Math.tanh(this.constants.k * (u - this.constants.ucSi)))) /
    (2.0 * this.constants.tauSi);
  return (
    v[c]! -
    this.constants.dt * this.constants.vAmp * (jfi + jso + jsi) +
    this.constants.dt * (lap[c]! + stim[c]!)
  );
}

/** Fast inward gate v: opens below u_c with τ_v⁻(u) (τ_v1⁻ above u_v, τ_v2⁻ below), closes above with τ_v⁺. */
export function fkGvKernel(this: KernelThis<FkConstants>, v: Float32Array, gv: Float32Array): number {
  const c = this.thread.x;
  const u = (v[c]! - this.constants.v0) / this.constants.vAmp;
  const vv = gv[c]!;
  const p = u >= this.constants.uc ? 1.0 : 0.0;
  const q = u >= this.constants.uv ? 1.0 : 0.0;
  const tauVm = q * this.constants.tauV1m + (1.0 - q) * this.constants.tauV2m;
  return vv + this.constants.dt * (((1.0 - p) * (1.0 - vv)) / tauVm - (p * vv) / this.constants.tauVp);
}

/** Slow inward gate w: opens below u_c with τ_w⁻, closes above with τ_w⁺. */
export function fkGwKernel(this: KernelThis<FkConstants>, v: Float32Array, gw: Float32Array): number {
  const c = this.thread.x;
  const u = (v[c]! - this.constants.v0) / this.constants.vAmp;
  const ww = gw[c]!;
  const p = u >= this.constants.uc ? 1.0 : 0.0;
  return (
    ww +
    this.constants.dt * (((1.0 - p) * (1.0 - ww)) / this.constants.tauWm - (p * ww) / this.constants.tauWp)
  );
}
