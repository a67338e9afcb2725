// Fenton-Karma three-variable model: F. Fenton & A. Karma, "Vortex dynamics in three-dimensional continuous
// myocardium with fiber rotation: filament instability and fibrillation", Chaos 8:20–47 (1998), Table 1,
// parameter set fitted to Beeler-Reuter ("BR"). Dimensionless u, gates v, w; time in ms:
//   du/dt = −(J_fi + J_so + J_si) + J
//   J_fi = −v p (1−u)(u−u_c)/τ_d,  J_so = u(1−p)/τ_0 + p/τ_r,  J_si = −w (1 + tanh(k(u−u_c^si)))/(2 τ_si)
//   dv/dt = (1−p)(1−v)/τ_v⁻(u) − p v/τ_v⁺,  τ_v⁻ = q τ_v1⁻ + (1−q) τ_v2⁻,  dw/dt = (1−p)(1−w)/τ_w⁻ − p w/τ_w⁺
//   p = Θ(u − u_c), q = Θ(u − u_v).
// Voltage map (paper): V[mV] = V_0 + (V_fi − V_0)·u with V_0 = −85 mV, V_fi = +15 mV.
import type { CellModel } from './types';

export const FK_BR = {
  tauVp: 3.33,
  tauV1m: 1250,
  tauV2m: 19.6,
  tauWp: 870,
  tauWm: 41,
  tauD: 0.25,
  tau0: 12.5,
  tauR: 33.33,
  tauSi: 29,
  k: 10,
  ucSi: 0.85,
  uc: 0.13,
  uv: 0.04,
};
export const FK_V0 = -85;
export const FK_VAMP = 100;

export const fentonKarma: CellModel = {
  name: 'fk',
  source: 'Fenton & Karma 1998, Chaos 8:20, Table 1 (BR parameter set)',
  stateNames: ['v', 'w'],
  restMv: FK_V0,
  activationMv: FK_V0 + 0.5 * FK_VAMP,
  maxDtMs: 0.1,
  init(v, s) {
    v.fill(FK_V0);
    s[0]!.fill(1);
    s[1]!.fill(1);
  },
  step(v, s, extra, dt) {
    const gv = s[0]!;
    const gw = s[1]!;
    const P = FK_BR;
    for (let c = 0; c < v.length; c++) {
      const u = (v[c]! - FK_V0) / FK_VAMP;
      const vv = gv[c]!;
      const ww = gw[c]!;
      const p = u >= P.uc ? 1 : 0;
      const q = u >= P.uv ? 1 : 0;
      const jfi = (-vv * p * (1 - u) * (u - P.uc)) / P.tauD;
      const jso = (u * (1 - p)) / P.tau0 + p / P.tauR;
      const jsi = (-ww * (1 + Math.tanh(P.k * (u - P.ucSi)))) / (2 * P.tauSi);
      const tauVm = q * P.tauV1m + (1 - q) * P.tauV2m;
      gv[c] = vv + dt * (((1 - p) * (1 - vv)) / tauVm - (p * vv) / P.tauVp);
      gw[c] = ww + dt * (((1 - p) * (1 - ww)) / P.tauWm - (p * ww) / P.tauWp);
      v[c] = v[c]! - dt * FK_VAMP * (jfi + jso + jsi) + dt * extra[c]!;
    }
  },
};
