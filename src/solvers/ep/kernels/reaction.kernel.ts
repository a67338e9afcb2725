// gpu.js kernels: forward-Euler reaction updates of Mitchell-Schaeffer (ms.ts) and Aliev-Panfilov (ap.ts) on
// the compact layout, one kernel per state variable, all reading the old state. V in mV, t in ms,
// lap and stim in mV/ms. Constants: dt plus the model parameters (copied from MS_PARAMS / AP_PARAMS by the caller).
// References: mitchellSchaeffer.step / alievPanfilov.step (parity tests in tests/unit/ep).
import type { KernelThis } from '../../compute/types';

type MsC = {
  dt: number;
  tauIn: number;
  tauOut: number;
  tauOpen: number;
  tauClose: number;
  vGate: number;
  vRest: number;
  vAmp: number;
};
type ApC = {
  dt: number;
  k: number;
  a: number;
  eps0: number;
  mu1: number;
  mu2: number;
  T: number;
  vRest: number;
  vAmp: number;
};

export function msVKernel(
  this: KernelThis<MsC>,
  v: Float32Array,
  h: Float32Array,
  lap: Float32Array,
  stim: Float32Array,
): number {
  const c = this.thread.x;
  const u = (v[c]! - this.constants.vRest) / this.constants.vAmp;
  const du =
    (h[c]! * u * u * (1 - u)) / this.constants.tauIn -
    u / this.constants.tauOut +
    (lap[c]! + stim[c]!) / this.constants.vAmp;
  return v[c]! + this.constants.dt * this.constants.vAmp * du;
}

export function msHKernel(this: KernelThis<MsC>, v: Float32Array, h: Float32Array): number {
  const c = this.thread.x;
  const u = (v[c]! - this.constants.vRest) / this.constants.vAmp;
  const hc = h[c]!;
  if (u < this.constants.vGate) {
    return hc + (this.constants.dt * (1 - hc)) / this.constants.tauOpen;
  }
  return hc - (this.constants.dt * hc) / this.constants.tauClose;
}

export function apVKernel(
  this: KernelThis<ApC>,
  v: Float32Array,
  w: Float32Array,
  lap: Float32Array,
  stim: Float32Array,
): number {
  const c = this.thread.x;
  const u = (v[c]! - this.constants.vRest) / this.constants.vAmp;
  const du = -this.constants.k * u * (u - this.constants.a) * (u - 1) - u * w[c]!;
  return (
    v[c]! +
    (this.constants.vAmp * this.constants.dt * du) / this.constants.T +
    this.constants.dt * (lap[c]! + stim[c]!)
  );
}

export function apWKernel(this: KernelThis<ApC>, v: Float32Array, w: Float32Array): number {
  const c = this.thread.x;
  const u = (v[c]! - this.constants.vRest) / this.constants.vAmp;
  const wc = w[c]!;
  const eps = this.constants.eps0 + (this.constants.mu1 * wc) / (u + this.constants.mu2);
  return (
    wc +
    (this.constants.dt / this.constants.T) * eps * (-wc - this.constants.k * u * (u - this.constants.a - 1))
  );
}
