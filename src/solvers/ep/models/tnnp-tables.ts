// Voltage lookup tables (LUTs) for the ten Tusscher-Panfilov 2006 kernel (tnnp-step.ts), the standard CARP /
// openCARP trick: every exp-heavy function of V alone is evaluated once on a fine V grid and linearly
// interpolated per cell. Units: V mV, t ms, currents pA/pF, concentrations mM.
//
// V table: V ∈ [TNNP_LUT_VMIN, TNNP_LUT_VMAX] = [−100, +80] mV, step TNNP_LUT_DV = 1/32 mV (0.03125, exact in
// binary so −40 mV, where the h/j rate formulas switch branch, is a node). Row layout (TNNP_LUT_NC columns):
//   0..21  (x∞, E = e^(−dt/τ)) for the gates m, h, j, Xr1, Xr2, Xs, d, f, f2, r, s (tnnpGateInfTau order)
//   22, 23 I_CaL = d f f2 fCass (caA·CaSS − caB)            [caA pA/pF/mM, caB pA/pF; includes G_CaL and the 15 mV shift]
//   24, 25 I_NaCa = nacaA·Nai³ − nacaB·Cai                   [pA/pF/mM³, pA/pF/mM]
//   26     I_NaK  = nak·Nai/(Nai + K_mNa)                    [pA/pF]
//   27     I_pK   = pk·(V − E_K)                              [nS/pF]
// E depends on dt, so tables are built per dt (cached). A second table holds the I_K1 rectification
// x_K1∞ = α/(α+β) as a function of u = V − E_K on [−60, +200] mV with the same step (E_K varies with K_i).
// Outside a table's range the kernel evaluates the same functions directly (tnnpVRow / tnnpXK1), so the
// stimulus overshoot is exact, not clamped. Interpolation error: see tests/unit/ep/tnnp-tables.test.ts.
import { TNNP_PARAMS } from './tnnp-params';
import { tnnpGateInfTau } from './tnnp-rates';

const { Cao, F, FRT, GCaL, GpK, KmCa, KmK, KmNai, Ko, Nao, PNaK, alf, gam, kNaCa, ksat } = TNNP_PARAMS;

export const TNNP_LUT_VMIN = -100;
export const TNNP_LUT_VMAX = 80;
export const TNNP_LUT_DV = 1 / 32;
export const TNNP_LUT_UMIN = -60;
export const TNNP_LUT_UMAX = 200;
/** Columns per V-table row. */
export const TNNP_LUT_NC = 28;
/** Column of the first current factor (after the 11 gate pairs). */
export const COL_CAA = 22;

const NACA_DEN = (KmNai * KmNai * KmNai + Nao * Nao * Nao) * (KmCa + Cao);
const NAK_K = (PNaK * Ko) / (Ko + KmK);

/** The TNNP_LUT_NC V-dependent quantities at V (mV) for step dt (ms), directly evaluated, into out[off..]. */
export function tnnpVRow(V: number, dt: number, out: Float64Array, off: number): void {
  tnnpGateInfTau(V, out, off);
  for (let g = 0; g < 11; g++) out[off + 2 * g + 1] = Math.exp(-dt / out[off + 2 * g + 1]!);
  const vf = (V - 15) * FRT;
  if (Math.abs(vf) < 1e-6) {
    out[off + 22] = GCaL * 0.5 * F;
    out[off + 23] = GCaL * 2 * F * Cao;
  } else {
    const e2 = Math.exp(2 * vf);
    out[off + 22] = (GCaL * vf * F * e2) / (e2 - 1);
    out[off + 23] = (GCaL * 4 * vf * F * Cao) / (e2 - 1);
  }
  const eg = Math.exp(gam * V * FRT);
  const eg1 = Math.exp((gam - 1) * V * FRT);
  const den = NACA_DEN * (1 + ksat * eg1);
  out[off + 24] = (kNaCa * eg * Cao) / den;
  out[off + 25] = (kNaCa * eg1 * Nao * Nao * Nao * alf) / den;
  out[off + 26] = NAK_K / (1 + 0.1245 * Math.exp(-0.1 * V * FRT) + 0.0353 * Math.exp(-V * FRT));
  out[off + 27] = GpK / (1 + Math.exp((25 - V) / 5.98));
}

/** I_K1 rectification x_K1∞ at u = V − E_K (mV), directly evaluated. */
export function tnnpXK1(u: number): number {
  const ak1 = 0.1 / (1 + Math.exp(0.06 * (u - 200)));
  const bk1 = (3 * Math.exp(0.0002 * (u + 100)) + Math.exp(0.1 * (u - 10))) / (1 + Math.exp(-0.5 * u));
  return ak1 / (ak1 + bk1);
}

export interface TnnpTables {
  dt: number;
  /** Row-major V table, rows at V = VMIN + i·DV. */
  v: Float64Array;
  rowsV: number;
  /** x_K1∞ at u = UMIN + i·DV. */
  k1: Float64Array;
  rowsU: number;
}

function build(dt: number): TnnpTables {
  const rowsV = Math.round((TNNP_LUT_VMAX - TNNP_LUT_VMIN) / TNNP_LUT_DV) + 1;
  const v = new Float64Array(rowsV * TNNP_LUT_NC);
  for (let i = 0; i < rowsV; i++) tnnpVRow(TNNP_LUT_VMIN + i * TNNP_LUT_DV, dt, v, i * TNNP_LUT_NC);
  const rowsU = Math.round((TNNP_LUT_UMAX - TNNP_LUT_UMIN) / TNNP_LUT_DV) + 1;
  const k1 = new Float64Array(rowsU);
  for (let i = 0; i < rowsU; i++) k1[i] = tnnpXK1(TNNP_LUT_UMIN + i * TNNP_LUT_DV);
  return { dt, v, rowsV, k1, rowsU };
}

const cache = new Map<number, TnnpTables>();

/** Tables for step dt (ms), built on first use (~6k rows, a few ms) and cached (the last 4 dts). */
export function tnnpTables(dt: number): TnnpTables {
  let t = cache.get(dt);
  if (!t) {
    t = build(dt);
    if (cache.size >= 4) cache.delete(cache.keys().next().value!);
    cache.set(dt, t);
  }
  return t;
}
