// Mitchell-Schaeffer two-current model: C. C. Mitchell & D. G. Schaeffer, "A two-current model for the dynamics
// of cardiac membrane", Bull. Math. Biol. 65:767–793 (2003). Dimensionless v ∈ [0,1] and gate h:
//   dv/dt = h v²(1−v)/τ_in − v/τ_out + J,   dh/dt = (1−h)/τ_open if v < v_gate else −h/τ_close   (t in ms)
// Parameters of the paper: τ_in 0.3, τ_out 6, τ_open 120, τ_close 150 ms, v_gate 0.13.
// Voltage map: V[mV] = V_REST + V_AMP·v with V_REST −80 mV, V_AMP 100 mV (so J = extra/V_AMP).
import type { CellModel } from './types';

export const MS_PARAMS = { tauIn: 0.3, tauOut: 6, tauOpen: 120, tauClose: 150, vGate: 0.13 };
export const MS_V_REST = -80;
export const MS_V_AMP = 100;

export const mitchellSchaeffer: CellModel = {
  name: 'ms',
  source: 'Mitchell & Schaeffer 2003, Bull Math Biol 65:767',
  stateNames: ['h'],
  restMv: MS_V_REST,
  activationMv: MS_V_REST + 0.5 * MS_V_AMP,
  // Forward Euler on v is stable while dt·|∂v'/∂v| < 2; the steepest slope is on the excited branch,
  // |h(2v − 3v²)/τ_in − 1/τ_out| ≈ 2.8/ms at v ≈ 0.95, so dt < 0.7 ms; 0.25 ms also keeps the upstroke
  // (v' ≤ 4/(27 τ_in) ≈ 0.5/ms) to ≤ 0.12 per step. Accuracy at large dt is the caller's choice (tune.ts).
  maxDtMs: 0.25,
  init(v, s) {
    v.fill(MS_V_REST);
    s[0]!.fill(1);
  },
  step(v, s, extra, dt) {
    const h = s[0]!;
    const { tauIn, tauOut, tauOpen, tauClose, vGate } = MS_PARAMS;
    for (let c = 0; c < v.length; c++) {
      const u = (v[c]! - MS_V_REST) / MS_V_AMP;
      const hc = h[c]!;
      const du = (hc * u * u * (1 - u)) / tauIn - u / tauOut + extra[c]! / MS_V_AMP;
      h[c] = u < vGate ? hc + (dt * (1 - hc)) / tauOpen : hc - (dt * hc) / tauClose;
      v[c] = v[c]! + dt * MS_V_AMP * du;
    }
  },
};
