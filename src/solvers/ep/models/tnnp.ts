// ten Tusscher-Panfilov 2006 human ventricular model, epicardial cell: K. H. W. J. ten Tusscher & A. V. Panfilov,
// "Alternans and spiral breakup in a human ventricular tissue model", Am J Physiol Heart Circ Physiol
// 291:H1088–H1100 (2006), with the 2004 formulations it builds on (Am J Physiol 286:H1573). Written from the
// published equations. Units: V mV, t ms, currents pA/pF (= µA/µF, so with C_m = 1 µF/cm² they equal
// µA/cm² and dV/dt = −I mV/ms), concentrations mM, conductances nS/pF. Gates use Rush-Larsen
// (x ← x∞ − (x∞ − x)·e^(−dt/τ)), concentrations and the RyR state R̄ forward Euler. Buffering: rapid-equilibrium
// buffer factors for Ca_i, Ca_SR and Ca_ss. Stimulus and diffusion arrive in `extra` (mV/ms) and bypass K_i.
// `tenTusscherPanfilov` (the solver's) runs the table-driven SoA kernel; `tenTusscherPanfilovDirect` evaluates
// every function directly per cell and is the reference the fast one is tested against.
import type { CellModel } from './types';
import { tnnpRates } from './tnnp-rates';
import { tnnpStepSoA } from './tnnp-step';
import { tnnpTables } from './tnnp-tables';

export const TNNP_STATE = [
  'Ki',
  'Nai',
  'Cai',
  'CaSS',
  'CaSR',
  'Rbar',
  'Xr1',
  'Xr2',
  'Xs',
  'm',
  'h',
  'j',
  'd',
  'f',
  'f2',
  'fCass',
  's',
  'r',
] as const;

/** Epicardial initial state (paper's supplementary / CellML initial values). */
export const TNNP_INIT = {
  V: -85.23,
  Ki: 136.89,
  Nai: 8.604,
  Cai: 0.000126,
  CaSS: 0.00036,
  CaSR: 3.64,
  Rbar: 0.9073,
  Xr1: 0.00621,
  Xr2: 0.4712,
  Xs: 0.0095,
  m: 0.00172,
  h: 0.7444,
  j: 0.7045,
  d: 3.373e-5,
  f: 0.7888,
  f2: 0.9755,
  fCass: 0.9953,
  s: 0.999998,
  r: 2.42e-8,
};

const base = {
  name: 'tnnp',
  source: 'ten Tusscher & Panfilov 2006, Am J Physiol 291:H1088 (epicardial)',
  stateNames: [...TNNP_STATE],
  restMv: -85.23,
  activationMv: 0,
  maxDtMs: 0.1,
  init(v: Float32Array, s: Float32Array[]) {
    v.fill(TNNP_INIT.V);
    TNNP_STATE.forEach((name, k) => s[k]!.fill(TNNP_INIT[name]));
  },
} as const;

/** The solver's TNNP: struct-of-arrays kernel with voltage lookup tables (tnnp-step.ts, tnnp-tables.ts). */
export const tenTusscherPanfilov: CellModel = {
  ...base,
  stateNames: [...TNNP_STATE],
  step(v, s, extra, dt) {
    tnnpStepSoA(v, s, extra, dt, tnnpTables(dt));
  },
};

/** Reference: the same equations evaluated directly per cell (tnnpRates, no tables), ~6× slower. For tests. */
export const tenTusscherPanfilovDirect: CellModel = {
  ...base,
  stateNames: [...TNNP_STATE],
  step(v, s, extra, dt) {
    const y = new Float64Array(19);
    for (let c = 0; c < v.length; c++) {
      y[0] = v[c]!;
      for (let k = 0; k < 18; k++) y[k + 1] = s[k]![c]!;
      tnnpRates(y, dt);
      v[c] = y[0]! + dt * extra[c]!;
      for (let k = 0; k < 18; k++) s[k]![c] = y[k + 1]!;
    }
  },
};
