// Fast ten Tusscher-Panfilov 2006 (epi) update for many cells: one pass over struct-of-arrays state (Float32
// storage, Float64 arithmetic), no allocation, constants hoisted, V-only functions from the lookup tables of
// tnnp-tables.ts (linear interpolation; direct evaluation outside the table range or when tables = null).
// Same equations and update order as the reference tnnpRates (tnnp-rates.ts): currents, concentrations and R̄
// forward Euler, gates Rush-Larsen, all from the old state. Units: V mV, t ms, pA/pF, mM; extra mV/ms.
import { TNNP_PARAMS } from './tnnp-params';
import {
  COL_CAA,
  TNNP_LUT_DV,
  TNNP_LUT_NC,
  TNNP_LUT_UMIN,
  TNNP_LUT_VMIN,
  tnnpVRow,
  tnnpXK1,
  type TnnpTables,
} from './tnnp-tables';

const {
  Bufc,
  Bufsr,
  Bufss,
  Cm,
  EC,
  GK1,
  GKr,
  GKs,
  GNa,
  GbCa,
  GbNa,
  GpCa,
  Gto,
  KmNa,
  Ko,
  KpCa,
  Kbufc,
  Kbufsr,
  Kbufss,
  Kup,
  Nao,
  Cao,
  RTF,
  Vc,
  Vleak,
  Vmaxup,
  Vrel,
  Vsr,
  Vss,
  Vxfer,
  inverseVcF,
  inverseVcF2,
  inverseVssF2,
  k1p,
  k2p,
  k3,
  k4,
  maxsr,
  minsr,
  pKNa,
  sqrtKo,
} = TNNP_PARAMS;

// Local copies: imported bindings may compile to getter calls (tsx/vitest), too slow inside the cell loop.
const NC = TNNP_LUT_NC;
const INV_DV = 1 / TNNP_LUT_DV;
const VMIN = TNNP_LUT_VMIN;
const UMIN = TNNP_LUT_UMIN;
const CA = COL_CAA;
const vRow = tnnpVRow;
const xK1 = tnnpXK1;
const GK1s = GK1 * sqrtKo;
const GKrs = GKr * sqrtKo;
const KsNa = Ko + pKNa * Nao;
const VsrVc = Vsr / Vc;
const VsrVss = Vsr / Vss;
const VcVss = Vc / Vss;
const dMaxSr = maxsr - minsr;
const BK_C = Bufc * Kbufc;
const BK_SR = Bufsr * Kbufsr;
const BK_SS = Bufss * Kbufss;
const KUP2 = Kup * Kup;
const EC2 = EC * EC;
const LN_KO = Math.log(Ko);
const LN_NAO = Math.log(Nao);
const LN_KSNA = Math.log(KsNa);
const LN_CAO = Math.log(Cao);
const EMPTY = new Float64Array(0);
/** Direct-evaluation row pair for out-of-range V (second row zero so the interpolation weight 0 is exact). */
const SCRATCH = new Float64Array(2 * NC);

/** a + w·(b − a) with a = t[i], b = t[i + stride]. */
function lp(t: Float64Array, i: number, w: number): number {
  const a = t[i]!;
  return a + w * (t[i + NC]! - a);
}

/**
 * Advances cells [0, v.length) by dt: V ← V − dt·I_ion + dt·extra, states in s (TNNP_STATE order).
 * `tab` must be tnnpTables(dt) (or null for direct evaluation everywhere, the table-free check path).
 */
export function tnnpStepSoA(
  v: Float32Array,
  s: Float32Array[],
  extra: Float32Array,
  dt: number,
  tab: TnnpTables | null,
): void {
  if (tab && tab.dt !== dt) throw new Error(`TNNP: tables built for dt ${tab.dt} ms used with dt ${dt} ms`);
  if (s.length !== 18) throw new Error(`TNNP: expected 18 state arrays, got ${s.length}`);
  const sKi = s[0]!,
    sNai = s[1]!,
    sCai = s[2]!,
    sCaSS = s[3]!,
    sCaSR = s[4]!,
    sRbar = s[5]!,
    sXr1 = s[6]!,
    sXr2 = s[7]!,
    sXs = s[8]!,
    sm = s[9]!,
    sh = s[10]!,
    sj = s[11]!,
    sd = s[12]!,
    sf = s[13]!,
    sf2 = s[14]!,
    sfc = s[15]!,
    ss = s[16]!,
    sr = s[17]!;
  const TV = tab ? tab.v : EMPTY;
  const lastV = tab ? tab.rowsV - 1 : -1;
  const TU = tab ? tab.k1 : EMPTY;
  const lastU = tab ? tab.rowsU - 1 : -1;
  const n = v.length;
  for (let c = 0; c < n; c++) {
    const V = v[c]!;
    // Table row (or the direct-evaluation scratch row) and interpolation weight.
    let L = TV;
    let b = 0;
    let w = 0;
    const x = (V - VMIN) * INV_DV;
    if (x >= 0 && x < lastV) {
      const i = Math.floor(x);
      w = x - i;
      b = i * NC;
    } else {
      vRow(V, dt, SCRATCH, 0);
      L = SCRATCH;
    }
    const Ki = sKi[c]!,
      Nai = sNai[c]!,
      Cai = sCai[c]!,
      CaSS = sCaSS[c]!,
      CaSR = sCaSR[c]!,
      Rbar = sRbar[c]!;

    // Nernst potentials: Math.log measured faster here than table/series replacements (kept simple).
    const EK = RTF * (LN_KO - Math.log(Ki));
    const ENa = RTF * (LN_NAO - Math.log(Nai));
    const EKs = RTF * (LN_KSNA - Math.log(Ki + pKNa * Nai));
    const ECa = 0.5 * RTF * (LN_CAO - Math.log(Cai));
    const vek = V - EK;

    const m = sm[c]!,
      h = sh[c]!,
      j = sj[c]!,
      Xr1 = sXr1[c]!,
      Xr2 = sXr2[c]!,
      Xs = sXs[c]!,
      d = sd[c]!,
      f = sf[c]!,
      f2 = sf2[c]!,
      fCass = sfc[c]!,
      r = sr[c]!,
      sg = ss[c]!;

    const INa = GNa * m * m * m * h * j * (V - ENa);
    const ICaL = d * f * f2 * fCass * (lp(L, b + CA, w) * CaSS - lp(L, b + CA + 1, w));
    const Ito = Gto * r * sg * vek;
    const IKr = GKrs * Xr1 * Xr2 * vek;
    const IKs = GKs * Xs * Xs * (V - EKs);
    const xu = (vek - UMIN) * INV_DV;
    let xk1: number;
    if (xu >= 0 && xu < lastU) {
      const i = Math.floor(xu);
      const a = TU[i]!;
      xk1 = a + (xu - i) * (TU[i + 1]! - a);
    } else xk1 = xK1(vek);
    const IK1 = GK1s * xk1 * vek;
    const INaCa = lp(L, b + 24, w) * Nai * Nai * Nai - lp(L, b + 25, w) * Cai;
    const INaK = (lp(L, b + 26, w) * Nai) / (Nai + KmNa);
    const IpCa = (GpCa * Cai) / (KpCa + Cai);
    const IpK = lp(L, b + 27, w) * vek;
    const IbNa = GbNa * (V - ENa);
    const IbCa = GbCa * (V - ECa);
    const Iion = INa + ICaL + Ito + IKr + IKs + IK1 + INaCa + INaK + IpCa + IpK + IbNa + IbCa;

    // Same expressions as tnnpRates with the nested divisions merged (one division each).
    const sr2 = CaSR * CaSR;
    const kcasr = maxsr - (dMaxSr * sr2) / (sr2 + EC2);
    const k2 = k2p * kcasr;
    const ss2 = CaSS * CaSS;
    const O = (k1p * ss2 * Rbar) / (k3 * kcasr + k1p * ss2);
    const Irel = Vrel * O * (CaSR - CaSS);
    const ci2 = Cai * Cai;
    const Iup = (Vmaxup * ci2) / (ci2 + KUP2);
    const Ileak = Vleak * (CaSR - Cai);
    const Ixfer = Vxfer * (CaSS - Cai);
    const xc = (Cai + Kbufc) * (Cai + Kbufc);
    const bi = xc / (xc + BK_C);
    const xsr = (CaSR + Kbufsr) * (CaSR + Kbufsr);
    const bsr = xsr / (xsr + BK_SR);
    const xss = (CaSS + Kbufss) * (CaSS + Kbufss);
    const bss = xss / (xss + BK_SS);
    const dCai = bi * (-(IbCa + IpCa - 2 * INaCa) * inverseVcF2 * Cm + (Ileak - Iup) * VsrVc + Ixfer);
    const dCaSR = bsr * (Iup - Irel - Ileak);
    const dCaSS = bss * (-ICaL * inverseVssF2 * Cm + Irel * VsrVss - Ixfer * VcVss);
    const dNai = -(INa + IbNa + 3 * INaK + 3 * INaCa) * inverseVcF * Cm;
    const dKi = -(IK1 + Ito + IKr + IKs - 2 * INaK + IpK) * inverseVcF * Cm;
    const dRbar = -k2 * CaSS * Rbar + k4 * (1 - Rbar);

    v[c] = V - dt * Iion + dt * extra[c]!;
    sKi[c] = Ki + dt * dKi;
    sNai[c] = Nai + dt * dNai;
    sCai[c] = Cai + dt * dCai;
    sCaSS[c] = CaSS + dt * dCaSS;
    sCaSR[c] = CaSR + dt * dCaSR;
    sRbar[c] = Rbar + dt * dRbar;

    // Rush-Larsen: x ← x∞ − (x∞ − x)·E with (x∞, E) from the table.
    let xi = lp(L, b, w);
    sm[c] = xi - (xi - m) * lp(L, b + 1, w);
    xi = lp(L, b + 2, w);
    sh[c] = xi - (xi - h) * lp(L, b + 3, w);
    xi = lp(L, b + 4, w);
    sj[c] = xi - (xi - j) * lp(L, b + 5, w);
    xi = lp(L, b + 6, w);
    sXr1[c] = xi - (xi - Xr1) * lp(L, b + 7, w);
    xi = lp(L, b + 8, w);
    sXr2[c] = xi - (xi - Xr2) * lp(L, b + 9, w);
    xi = lp(L, b + 10, w);
    sXs[c] = xi - (xi - Xs) * lp(L, b + 11, w);
    xi = lp(L, b + 12, w);
    sd[c] = xi - (xi - d) * lp(L, b + 13, w);
    xi = lp(L, b + 14, w);
    sf[c] = xi - (xi - f) * lp(L, b + 15, w);
    xi = lp(L, b + 16, w);
    sf2[c] = xi - (xi - f2) * lp(L, b + 17, w);
    xi = lp(L, b + 18, w);
    sr[c] = xi - (xi - r) * lp(L, b + 19, w);
    xi = lp(L, b + 20, w);
    ss[c] = xi - (xi - sg) * lp(L, b + 21, w);
    // fCass: x∞ = 0.6 q + 0.4, τ = 80 q + 2 ms with q = 1/(1 + (CaSS/0.05)²).
    const q = 1 / (1 + ss2 * 400);
    const fcinf = 0.6 * q + 0.4;
    const ea = Math.exp(-dt / (80 * q + 2));
    sfc[c] = fcinf - (fcinf - fCass) * ea;
  }
}
