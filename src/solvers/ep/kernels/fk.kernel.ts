// gpu.js kernels: forward-Euler reaction update of the 3-variable Fenton-Karma model (fk.ts, BR parameter set)
// on the compact layout, one kernel per state variable (V, gates v and w), all reading the old state.
// V in mV (u = (V − v0)/vAmp dimensionless), t in ms, lap and stim in mV/ms. Constants: dt, FK_BR, v0, vAmp
// (filled by the caller from fk.ts). Reference: fentonKarma.step (parity: tests/unit/ep/fk-kernel.test.ts).
// The Heaviside gates p = Θ(u − u_c), q = Θ(u − u_v) (u ≥ threshold → 1, as in the reference) are written as
// branches, not `cond ? 1 : 0` products: the production minifier turns those into `+(cond)`, which GLSL/WGSL reject.
// No declarations inside blocks either (the minifier reuses names across block scopes; gpu.js has function scope).
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

/** V ← V − dt·vAmp·(J_fi + J_so + J_si) + dt·(lap + stim)   (mV); J_fi, J_so split on p = Θ(u − u_c). */
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
  const jsi =
    (-gw[c]! * (1.0 + Math.tanh(this.constants.k * (u - this.constants.ucSi)))) /
    (2.0 * this.constants.tauSi);
  const ext = this.constants.dt * (lap[c]! + stim[c]!);
  const jfi = (-gv[c]! * (1.0 - u) * (u - this.constants.uc)) / this.constants.tauD; // J_fi / p
  if (u >= this.constants.uc)
    return v[c]! - this.constants.dt * this.constants.vAmp * (jfi + 1.0 / this.constants.tauR + jsi) + ext;
  return v[c]! - this.constants.dt * this.constants.vAmp * (u / this.constants.tau0 + jsi) + ext;
}

/** Fast inward gate v: closes above u_c with τ_v⁺, opens below with τ_v⁻(u) (τ_v1⁻ above u_v, τ_v2⁻ below). */
export function fkGvKernel(this: KernelThis<FkConstants>, v: Float32Array, gv: Float32Array): number {
  const c = this.thread.x;
  const u = (v[c]! - this.constants.v0) / this.constants.vAmp;
  const vv = gv[c]!;
  const tauVm = u >= this.constants.uv ? this.constants.tauV1m : this.constants.tauV2m;
  if (u >= this.constants.uc) return vv - (this.constants.dt * vv) / this.constants.tauVp;
  return vv + (this.constants.dt * (1.0 - vv)) / tauVm;
}

/** Slow inward gate w: closes above u_c with τ_w⁺, opens below with τ_w⁻. */
export function fkGwKernel(this: KernelThis<FkConstants>, v: Float32Array, gw: Float32Array): number {
  const c = this.thread.x;
  const u = (v[c]! - this.constants.v0) / this.constants.vAmp;
  const ww = gw[c]!;
  if (u >= this.constants.uc) return ww - (this.constants.dt * ww) / this.constants.tauWp;
  return ww + (this.constants.dt * (1.0 - ww)) / this.constants.tauWm;
}
