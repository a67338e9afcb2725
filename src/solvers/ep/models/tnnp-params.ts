// ten Tusscher-Panfilov 2006 (epicardial) constants shared by the reference rate function (tnnp-rates.ts), the
// voltage lookup tables (tnnp-tables.ts) and the fast struct-of-arrays kernel (tnnp-step.ts). Values from Table 1
// of the 2004/2006 papers. Units: mV, ms, mM, pA/pF, nS/pF; R mJ/(K·mol), F C/mol, T K; Cm nF (185 pF) and volumes nL (Vc 16 404 µm³), as in
// the authors' code. Physical constants and cell geometry first.
// One plain object (consumers destructure it into module-level consts: imported bindings can compile to getter
// calls under tsx/vitest, which dominated the per-cell cost).
const base = {
  R: 8314.472,
  T: 310,
  F: 96485.3415,
  Cm: 0.185,
  Vc: 0.016404,
  Vsr: 0.001094,
  Vss: 0.00005468,
  Ko: 5.4,
  Nao: 140,
  Cao: 2,
  // Conductances (epicardium)
  GNa: 14.838,
  GK1: 5.405,
  Gto: 0.294,
  GKr: 0.153,
  GKs: 0.392,
  pKNa: 0.03,
  GCaL: 3.98e-5,
  GbNa: 0.00029,
  GbCa: 0.000592,
  GpCa: 0.1238,
  KpCa: 0.0005,
  GpK: 0.0146,
  PNaK: 2.724,
  KmK: 1,
  KmNa: 40,
  kNaCa: 1000,
  KmNai: 87.5,
  KmCa: 1.38,
  ksat: 0.1,
  gam: 0.35,
  alf: 2.5,
  // Calcium handling
  Bufc: 0.2,
  Kbufc: 0.001,
  Bufsr: 10,
  Kbufsr: 0.3,
  Bufss: 0.4,
  Kbufss: 0.00025,
  Vmaxup: 0.006375,
  Kup: 0.00025,
  Vrel: 0.102,
  k1p: 0.15,
  k2p: 0.045,
  k3: 0.06,
  k4: 0.005,
  EC: 1.5,
  maxsr: 2.5,
  minsr: 1,
  Vleak: 0.00036,
  Vxfer: 0.0038,
};

const RTF = (base.R * base.T) / base.F;
export const TNNP_PARAMS = Object.freeze({
  ...base,
  RTF,
  FRT: 1 / RTF,
  inverseVcF: 1 / (base.Vc * base.F),
  inverseVcF2: 1 / (2 * base.Vc * base.F),
  inverseVssF2: 1 / (2 * base.Vss * base.F),
  sqrtKo: Math.sqrt(base.Ko / 5.4),
});
