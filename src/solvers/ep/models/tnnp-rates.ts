// One ten Tusscher-Panfilov 2006 (epicardial) time step for a single cell, in place on
// y = [V, Ki, Nai, Cai, CaSS, CaSR, Rbar, Xr1, Xr2, Xs, m, h, j, d, f, f2, fCass, s, r]. Units as in tnnp.ts
// (mV, ms, mM, pA/pF). V gets only the ionic update here; the caller adds diffusion and stimulus.
// This is the direct (no lookup table) reference evaluation; the tissue solver uses the faster, table-driven
// struct-of-arrays kernel in tnnp-step.ts, which tests/unit/ep/tnnp-fast.test.ts checks against this one.

import { TNNP_PARAMS } from './tnnp-params';

const {
  RTF,
  FRT,
  Cm,
  Vc,
  Vsr,
  Vss,
  Ko,
  Nao,
  Cao,
  GNa,
  GK1,
  Gto,
  GKr,
  GKs,
  pKNa,
  GCaL,
  GbNa,
  GbCa,
  GpCa,
  KpCa,
  GpK,
  PNaK,
  KmK,
  KmNa,
  kNaCa,
  KmNai,
  KmCa,
  ksat,
  gam,
  alf,
  Bufc,
  Kbufc,
  Bufsr,
  Kbufsr,
  Bufss,
  Kbufss,
  Vmaxup,
  Kup,
  Vrel,
  k1p,
  k2p,
  k3,
  k4,
  EC,
  maxsr,
  minsr,
  Vleak,
  Vxfer,
  inverseVcF,
  inverseVcF2,
  inverseVssF2,
  sqrtKo,
  F,
} = TNNP_PARAMS;

const gt = new Float64Array(22);
const rl = (x: number, inf: number, tau: number, dt: number) => inf - (inf - x) * Math.exp(-dt / tau);

export function tnnpRates(y: Float64Array, dt: number): void {
  const V = y[0]!,
    Ki = y[1]!,
    Nai = y[2]!,
    Cai = y[3]!,
    CaSS = y[4]!,
    CaSR = y[5]!,
    Rbar = y[6]!;
  const Xr1 = y[7]!,
    Xr2 = y[8]!,
    Xs = y[9]!,
    m = y[10]!,
    h = y[11]!,
    j = y[12]!,
    d = y[13]!,
    f = y[14]!;
  const f2 = y[15]!,
    fCass = y[16]!,
    s = y[17]!,
    r = y[18]!;

  const EK = RTF * Math.log(Ko / Ki);
  const ENa = RTF * Math.log(Nao / Nai);
  const EKs = RTF * Math.log((Ko + pKNa * Nao) / (Ki + pKNa * Nai));
  const ECa = 0.5 * RTF * Math.log(Cao / Cai);

  const INa = GNa * m * m * m * h * j * (V - ENa);
  const vf = (V - 15) * FRT; // ICaL with the 2006 15 mV shift
  const e2 = Math.exp(2 * vf);
  const ICaL =
    Math.abs(vf) < 1e-6
      ? GCaL * d * f * f2 * fCass * 2 * F * (0.25 * CaSS - Cao)
      : (GCaL * d * f * f2 * fCass * 4 * vf * F * (0.25 * CaSS * e2 - Cao)) / (e2 - 1);
  const Ito = Gto * r * s * (V - EK);
  const IKr = GKr * sqrtKo * Xr1 * Xr2 * (V - EK);
  const IKs = GKs * Xs * Xs * (V - EKs);
  const ak1 = 0.1 / (1 + Math.exp(0.06 * (V - EK - 200)));
  const bk1 =
    (3 * Math.exp(0.0002 * (V - EK + 100)) + Math.exp(0.1 * (V - EK - 10))) / (1 + Math.exp(-0.5 * (V - EK)));
  const IK1 = GK1 * sqrtKo * (ak1 / (ak1 + bk1)) * (V - EK);
  const eg = Math.exp(gam * V * FRT),
    eg1 = Math.exp((gam - 1) * V * FRT);
  const INaCa =
    (kNaCa * (eg * Nai * Nai * Nai * Cao - eg1 * Nao * Nao * Nao * Cai * alf)) /
    ((KmNai * KmNai * KmNai + Nao * Nao * Nao) * (KmCa + Cao) * (1 + ksat * eg1));
  const INaK =
    (PNaK * Ko * Nai) /
    ((Ko + KmK) * (Nai + KmNa) * (1 + 0.1245 * Math.exp(-0.1 * V * FRT) + 0.0353 * Math.exp(-V * FRT)));
  const IpCa = (GpCa * Cai) / (KpCa + Cai);
  const IpK = (GpK * (V - EK)) / (1 + Math.exp((25 - V) / 5.98));
  const IbNa = GbNa * (V - ENa);
  const IbCa = GbCa * (V - ECa);
  const Iion = INa + ICaL + Ito + IKr + IKs + IK1 + INaCa + INaK + IpCa + IpK + IbNa + IbCa;

  // Calcium dynamics: RyR (2006 R̄/O formulation), SERCA, leak, diffusion to the subspace.
  const kcasr = maxsr - (maxsr - minsr) / (1 + (EC / CaSR) * (EC / CaSR));
  const k1 = k1p / kcasr,
    k2 = k2p * kcasr;
  const O = (k1 * CaSS * CaSS * Rbar) / (k3 + k1 * CaSS * CaSS);
  const Irel = Vrel * O * (CaSR - CaSS);
  const Iup = Vmaxup / (1 + (Kup * Kup) / (Cai * Cai));
  const Ileak = Vleak * (CaSR - Cai);
  const Ixfer = Vxfer * (CaSS - Cai);
  const bi = 1 / (1 + (Bufc * Kbufc) / ((Cai + Kbufc) * (Cai + Kbufc)));
  const bsr = 1 / (1 + (Bufsr * Kbufsr) / ((CaSR + Kbufsr) * (CaSR + Kbufsr)));
  const bss = 1 / (1 + (Bufss * Kbufss) / ((CaSS + Kbufss) * (CaSS + Kbufss)));
  const dCai = bi * (-(IbCa + IpCa - 2 * INaCa) * inverseVcF2 * Cm + ((Ileak - Iup) * Vsr) / Vc + Ixfer);
  const dCaSR = bsr * (Iup - Irel - Ileak);
  const dCaSS = bss * (-ICaL * inverseVssF2 * Cm + (Irel * Vsr) / Vss - (Ixfer * Vc) / Vss);
  const dNai = -(INa + IbNa + 3 * INaK + 3 * INaCa) * inverseVcF * Cm;
  const dKi = -(IK1 + Ito + IKr + IKs - 2 * INaK + IpK) * inverseVcF * Cm;
  const dRbar = -k2 * CaSS * Rbar + k4 * (1 - Rbar);

  y[0] = V - dt * Iion;
  y[1] = Ki + dt * dKi;
  y[2] = Nai + dt * dNai;
  y[3] = Cai + dt * dCai;
  y[4] = CaSS + dt * dCaSS;
  y[5] = CaSR + dt * dCaSR;
  y[6] = Rbar + dt * dRbar;

  // Gates (Rush-Larsen), all at the old V.
  tnnpGateInfTau(V, gt, 0);
  y[10] = rl(m, gt[0]!, gt[1]!, dt);
  y[11] = rl(h, gt[2]!, gt[3]!, dt);
  y[12] = rl(j, gt[4]!, gt[5]!, dt);
  y[7] = rl(Xr1, gt[6]!, gt[7]!, dt);
  y[8] = rl(Xr2, gt[8]!, gt[9]!, dt);
  y[9] = rl(Xs, gt[10]!, gt[11]!, dt);
  const cr = (CaSS / 0.05) * (CaSS / 0.05);
  const fcinf = 0.6 / (1 + cr) + 0.4;
  const tfc = 80 / (1 + cr) + 2;
  y[13] = rl(d, gt[12]!, gt[13]!, dt);
  y[14] = rl(f, gt[14]!, gt[15]!, dt);
  y[15] = rl(f2, gt[16]!, gt[17]!, dt);
  y[16] = rl(fCass, fcinf, tfc, dt);
  y[17] = rl(s, gt[20]!, gt[21]!, dt);
  y[18] = rl(r, gt[18]!, gt[19]!, dt);
}

/** The voltage-gated gates; tnnpGateInfTau writes their (x∞, τ/ms) pairs in this order (j shares h∞). */
export const TNNP_VGATES = ['m', 'h', 'j', 'Xr1', 'Xr2', 'Xs', 'd', 'f', 'f2', 'r', 's'] as const;

/** Steady states and time constants (ms) of the 11 voltage-gated gates at V (mV): out[off + 2g] = x∞, +1 = τ. */
export function tnnpGateInfTau(V: number, out: Float64Array, off: number): void {
  const am = 1 / (1 + Math.exp((-60 - V) / 5));
  const bm = 0.1 / (1 + Math.exp((V + 35) / 5)) + 0.1 / (1 + Math.exp((V - 50) / 200));
  const minf = 1 / ((1 + Math.exp((-56.86 - V) / 9.03)) * (1 + Math.exp((-56.86 - V) / 9.03)));
  const hinf = 1 / ((1 + Math.exp((V + 71.55) / 7.43)) * (1 + Math.exp((V + 71.55) / 7.43)));
  let ah: number, bh: number, aj: number, bj: number;
  if (V >= -40) {
    ah = 0;
    bh = 0.77 / (0.13 * (1 + Math.exp(-(V + 10.66) / 11.1)));
    aj = 0;
    bj = (0.6 * Math.exp(0.057 * V)) / (1 + Math.exp(-0.1 * (V + 32)));
  } else {
    ah = 0.057 * Math.exp(-(V + 80) / 6.8);
    bh = 2.7 * Math.exp(0.079 * V) + 3.1e5 * Math.exp(0.3485 * V);
    aj =
      ((-2.5428e4 * Math.exp(0.2444 * V) - 6.948e-6 * Math.exp(-0.04391 * V)) * (V + 37.78)) /
      (1 + Math.exp(0.311 * (V + 79.23)));
    bj = (0.02424 * Math.exp(-0.01052 * V)) / (1 + Math.exp(-0.1378 * (V + 40.14)));
  }

  const xr1inf = 1 / (1 + Math.exp((-26 - V) / 7));
  const txr1 = (450 / (1 + Math.exp((-45 - V) / 10))) * (6 / (1 + Math.exp((V + 30) / 11.5)));
  const xr2inf = 1 / (1 + Math.exp((V + 88) / 24));
  const txr2 = (3 / (1 + Math.exp((-60 - V) / 20))) * (1.12 / (1 + Math.exp((V - 60) / 20)));
  const xsinf = 1 / (1 + Math.exp((-5 - V) / 14));
  const txs = (1400 / Math.sqrt(1 + Math.exp((5 - V) / 6))) * (1 / (1 + Math.exp((V - 35) / 15))) + 80;

  const dinf = 1 / (1 + Math.exp((-8 - V) / 7.5));
  const td =
    (1.4 / (1 + Math.exp((-35 - V) / 13)) + 0.25) * (1.4 / (1 + Math.exp((V + 5) / 5))) +
    1 / (1 + Math.exp((50 - V) / 20));
  const finf = 1 / (1 + Math.exp((V + 20) / 7));
  const tf =
    1102.5 * Math.exp(-((V + 27) * (V + 27)) / 225) +
    200 / (1 + Math.exp((13 - V) / 10)) +
    180 / (1 + Math.exp((V + 30) / 10)) +
    20;
  const f2inf = 0.67 / (1 + Math.exp((V + 35) / 7)) + 0.33;
  const tf2 =
    562 * Math.exp(-((V + 27) * (V + 27)) / 240) +
    31 / (1 + Math.exp((25 - V) / 10)) +
    80 / (1 + Math.exp((V + 30) / 10));

  // Ito gates, epicardial kinetics
  const rinf = 1 / (1 + Math.exp((20 - V) / 6));
  const tr = 9.5 * Math.exp(-((V + 40) * (V + 40)) / 1800) + 0.8;
  const sinf = 1 / (1 + Math.exp((V + 20) / 5));
  const ts = 85 * Math.exp(-((V + 45) * (V + 45)) / 320) + 5 / (1 + Math.exp((V - 20) / 5)) + 3;
  out[off] = minf;
  out[off + 1] = am * bm;
  out[off + 2] = hinf;
  out[off + 3] = 1 / (ah + bh);
  out[off + 4] = hinf;
  out[off + 5] = 1 / (aj + bj);
  out[off + 6] = xr1inf;
  out[off + 7] = txr1;
  out[off + 8] = xr2inf;
  out[off + 9] = txr2;
  out[off + 10] = xsinf;
  out[off + 11] = txs;
  out[off + 12] = dinf;
  out[off + 13] = td;
  out[off + 14] = finf;
  out[off + 15] = tf;
  out[off + 16] = f2inf;
  out[off + 17] = tf2;
  out[off + 18] = rinf;
  out[off + 19] = tr;
  out[off + 20] = sinf;
  out[off + 21] = ts;
}
