// gpu.js kernel: the ten Tusscher-Panfilov 2006 (epi) membrane potential and ion/Ca-handling update, forward
// Euler, on the compact layout. Inputs are packed state-major: ions[k·n + c] for k = 0..6 =
// [V, Ki, Nai, Cai, CaSS, CaSR, Rbar] and gates[g·n + c] for g = 0..11 = [Xr1, Xr2, Xs, m, h, j, d, f, f2, fCass,
// s, r] (the TNNP_STATE order); one thread per (k, c) of the 7·n output, every thread reading the old state.
// Units: V mV, t ms, currents pA/pF, concentrations mM; lap and stim in mV/ms. Constants: TNNP_PARAMS + dt + n.
// Reference: tnnpRates (models/tnnp-rates.ts), the direct evaluation; parity in tests/unit/ep/tnnp-kernel.test.ts.
// Every local is declared at function level: gpu.js has one scope per function, and the production minifier
// reuses names across block scopes (a block-local renamed like an array argument breaks the transpiler).
import type { KernelThis } from '../../compute/types';
import type { TnnpConstants } from './tnnp-gates.kernel';

export function tnnpIonsKernel(
  this: KernelThis<TnnpConstants>,
  ions: Float32Array,
  gates: Float32Array,
  lap: Float32Array,
  stim: Float32Array,
): number {
  const n = this.constants.n;
  const dt = this.constants.dt;
  const x = this.thread.x;
  // k = ⌊x / n⌋, corrected by one if float division rounded across a boundary (no ++/--: the minifier would
  // emit them and WGSL has no f32 decrement)
  const kFloor = Math.floor(x / n);
  const kDown = x - kFloor * n < 0 ? kFloor - 1.0 : kFloor;
  const k = x - kDown * n >= n ? kDown + 1.0 : kDown;
  const c = x - k * n;
  const V = ions[c]!;
  const Ki = ions[n + c]!;
  const Nai = ions[2 * n + c]!;
  const Cai = ions[3 * n + c]!;
  const CaSS = ions[4 * n + c]!;
  const CaSR = ions[5 * n + c]!;
  const Rbar = ions[6 * n + c]!;
  const RTF = this.constants.RTF;
  const FRT = this.constants.FRT;
  const Ko = this.constants.Ko;
  const Nao = this.constants.Nao;
  const Cao = this.constants.Cao;
  const pKNa = this.constants.pKNa;
  const sqrtKo = this.constants.sqrtKo;

  // Reversal potentials (mV)
  const EK = RTF * Math.log(Ko / Ki);
  const ENa = RTF * Math.log(Nao / Nai);
  const EKs = RTF * Math.log((Ko + pKNa * Nao) / (Ki + pKNa * Nai));
  const ECa = 0.5 * RTF * Math.log(Cao / Cai);

  // Currents (pA/pF)
  const Xr1 = gates[c]!;
  const Xr2 = gates[n + c]!;
  const Xs = gates[2 * n + c]!;
  const m = gates[3 * n + c]!;
  const gNaOpen = m * m * m * gates[4 * n + c]! * gates[5 * n + c]!;
  const gCaLOpen = gates[6 * n + c]! * gates[7 * n + c]! * gates[8 * n + c]! * gates[9 * n + c]!;
  const gtoOpen = gates[10 * n + c]! * gates[11 * n + c]!;
  const INa = this.constants.GNa * gNaOpen * (V - ENa);
  const vf = (V - 15.0) * FRT;
  const e2 = Math.exp(2.0 * vf);
  const F = this.constants.F;
  let ICaL = this.constants.GCaL * gCaLOpen * 2.0 * F * (0.25 * CaSS - Cao);
  if (Math.abs(vf) >= 0.000001) {
    ICaL = (this.constants.GCaL * gCaLOpen * 4.0 * vf * F * (0.25 * CaSS * e2 - Cao)) / (e2 - 1.0);
  }
  const Ito = this.constants.Gto * gtoOpen * (V - EK);
  const IKr = this.constants.GKr * sqrtKo * Xr1 * Xr2 * (V - EK);
  const IKs = this.constants.GKs * Xs * Xs * (V - EKs);
  const ak1 = 0.1 / (1.0 + Math.exp(0.06 * (V - EK - 200.0)));
  const bk1 =
    (3.0 * Math.exp(0.0002 * (V - EK + 100.0)) + Math.exp(0.1 * (V - EK - 10.0))) /
    (1.0 + Math.exp(-0.5 * (V - EK)));
  const IK1 = this.constants.GK1 * sqrtKo * (ak1 / (ak1 + bk1)) * (V - EK);
  const eg = Math.exp(this.constants.gam * V * FRT);
  const eg1 = Math.exp((this.constants.gam - 1.0) * V * FRT);
  const KmNai = this.constants.KmNai;
  const INaCa =
    (this.constants.kNaCa * (eg * Nai * Nai * Nai * Cao - eg1 * Nao * Nao * Nao * Cai * this.constants.alf)) /
    ((KmNai * KmNai * KmNai + Nao * Nao * Nao) *
      (this.constants.KmCa + Cao) *
      (1.0 + this.constants.ksat * eg1));
  const INaK =
    (this.constants.PNaK * Ko * Nai) /
    ((Ko + this.constants.KmK) *
      (Nai + this.constants.KmNa) *
      (1.0 + 0.1245 * Math.exp(-0.1 * V * FRT) + 0.0353 * Math.exp(-V * FRT)));
  const IpCa = (this.constants.GpCa * Cai) / (this.constants.KpCa + Cai);
  const IpK = (this.constants.GpK * (V - EK)) / (1.0 + Math.exp((25.0 - V) / 5.98));
  const IbNa = this.constants.GbNa * (V - ENa);
  const IbCa = this.constants.GbCa * (V - ECa);

  const Iion = INa + ICaL + Ito + IKr + IKs + IK1 + INaCa + INaK + IpCa + IpK + IbNa + IbCa;
  if (k === 0) return V - dt * Iion + dt * (lap[c]! + stim[c]!);
  const CmVcF = this.constants.Cm * this.constants.inverseVcF;
  if (k === 1) return Ki - dt * (IK1 + Ito + IKr + IKs - 2.0 * INaK + IpK) * CmVcF;
  if (k === 2) return Nai - dt * (INa + IbNa + 3.0 * INaK + 3.0 * INaCa) * CmVcF;

  // Calcium handling: RyR (R̄/O), SERCA uptake, SR leak, subspace transfer; rapid buffering factors.
  const EC = this.constants.EC;
  const maxsr = this.constants.maxsr;
  const kcasr = maxsr - (maxsr - this.constants.minsr) / (1.0 + (EC / CaSR) * (EC / CaSR));
  const k1 = this.constants.k1p / kcasr;
  const k2 = this.constants.k2p * kcasr;
  if (k === 6) return Rbar + dt * (-k2 * CaSS * Rbar + this.constants.k4 * (1.0 - Rbar));
  const O = (k1 * CaSS * CaSS * Rbar) / (this.constants.k3 + k1 * CaSS * CaSS);
  const Irel = this.constants.Vrel * O * (CaSR - CaSS);
  const Kup = this.constants.Kup;
  const Iup = this.constants.Vmaxup / (1.0 + (Kup * Kup) / (Cai * Cai));
  const Ileak = this.constants.Vleak * (CaSR - Cai);
  const Ixfer = this.constants.Vxfer * (CaSS - Cai);
  const Vc = this.constants.Vc;
  const Vsr = this.constants.Vsr;
  const Vss = this.constants.Vss;
  const Kbufc = this.constants.Kbufc;
  const Kbufss = this.constants.Kbufss;
  const Kbufsr = this.constants.Kbufsr;
  const bi = 1.0 / (1.0 + (this.constants.Bufc * Kbufc) / ((Cai + Kbufc) * (Cai + Kbufc)));
  const bss = 1.0 / (1.0 + (this.constants.Bufss * Kbufss) / ((CaSS + Kbufss) * (CaSS + Kbufss)));
  const bsr = 1.0 / (1.0 + (this.constants.Bufsr * Kbufsr) / ((CaSR + Kbufsr) * (CaSR + Kbufsr)));
  const dCai =
    -(IbCa + IpCa - 2.0 * INaCa) * this.constants.inverseVcF2 * this.constants.Cm +
    ((Ileak - Iup) * Vsr) / Vc +
    Ixfer;
  const dCaSS =
    -ICaL * this.constants.inverseVssF2 * this.constants.Cm + (Irel * Vsr) / Vss - (Ixfer * Vc) / Vss;
  if (k === 3) return Cai + dt * bi * dCai;
  if (k === 4) return CaSS + dt * bss * dCaSS;
  return CaSR + dt * bsr * (Iup - Irel - Ileak);
}
