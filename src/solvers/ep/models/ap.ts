// Aliev-Panfilov model: R. R. Aliev & A. V. Panfilov, "A simple two-variable model of cardiac excitation",
// Chaos, Solitons & Fractals 7:293–301 (1996). Dimensionless u, v, model time τ:
//   du/dτ = −k u(u−a)(u−1) − u v + J,   dv/dτ = ε(u,v)(−v − k u(u−a−1)),  ε = ε0 + μ1 v/(u+μ2)
// Parameters: k 8, a 0.15, ε0 0.002, μ1 0.2, μ2 0.3. Scaling to physical units (paper): t[ms] = T·τ with
// T = 12.9 ms, V[mV] = 100·u − 80. Hence du/dt[1/ms] = (reaction)/T and J = extra/100 (mV/ms → 1/ms).
import type { CellModel } from './types';

export const AP_PARAMS = { k: 8, a: 0.15, eps0: 0.002, mu1: 0.2, mu2: 0.3, T: 12.9 };
export const AP_V_REST = -80;
export const AP_V_AMP = 100;

export const alievPanfilov: CellModel = {
  name: 'ap',
  source: 'Aliev & Panfilov 1996, Chaos Solitons Fractals 7:293',
  stateNames: ['v'],
  restMv: AP_V_REST,
  activationMv: AP_V_REST + 0.5 * AP_V_AMP,
  maxDtMs: 0.2,
  init(v, s) {
    v.fill(AP_V_REST);
    s[0]!.fill(0);
  },
  step(v, s, extra, dt) {
    const w = s[0]!;
    const { k, a, eps0, mu1, mu2, T } = AP_PARAMS;
    const dtT = dt / T;
    for (let c = 0; c < v.length; c++) {
      const u = (v[c]! - AP_V_REST) / AP_V_AMP;
      const wc = w[c]!;
      const du = -k * u * (u - a) * (u - 1) - u * wc;
      const eps = eps0 + (mu1 * wc) / (u + mu2);
      w[c] = wc + dtT * eps * (-wc - k * u * (u - a - 1));
      v[c] = v[c]! + AP_V_AMP * dtT * du + dt * extra[c]!;
    }
  },
};
