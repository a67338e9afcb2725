// Tissue material laws and defaults for the linear-elastic solver. Units: E in MPa, HU for CT, ρ in g/cm³.
// Frame: none (isotropic, element-wise).
//
// Bone (CT): ρ_app = a + b·HU (calibration; default a = 0, b = 0.001/0.6 g/cm³ per HU: HU ≈ mg/cm³ mineral
//   equivalent for an uncalibrated QCT, and mineral ≈ 0.6 × apparent density (ash fraction, Schileo et al. 2008
//   J Biomech 41:356). Scanner-specific: pass a phantom calibration when available.)
//   E = 4730·ρ_app^1.56 MPa — Morgan, Bayraktar & Keaveny 2003, J Biomech 36:897, vertebral trabecular bone.
//   (The same paper gives 6850·ρ^1.49 for the femoral neck and 8920·ρ^1.83 pooled; choose with `law`.)
//   Cortical rim voxels (VerSe subregion 49) use the same law on their (partial-volume) HU times
//   `corticalFactor` (default 1); E is clamped to [Emin, Emax] = [10, 20 000] MPa. ν = 0.3.
// Yield strains (fracture-risk indicator): vertebral trabecular bone 0.77 % compressive, 0.70 % tensile —
//   Morgan & Keaveny 2001, J Biomech 34:569.
// Myocardium (passive, linearised): E = 0.03 MPa (30 kPa; human passive myocardium is ~10–100 kPa in the
//   small-strain range, Sommer et al. 2015 Acta Biomater 24:172), ν = 0.45 (near-incompressible; fully
//   integrated trilinear hexes lock as ν → 0.5, so stay ≤ 0.45).
// Lung parenchyma: shear modulus G ≈ 0.7 × transpulmonary pressure (Lai-Fook 1977, J Appl Physiol); at
//   ~0.5 kPa → G ≈ 0.35–1 kPa; default E = 0.0025 MPa (2.5 kPa, G ≈ 1 kPa), ν = 0.3 (compressible foam-like).

export interface BoneLaw {
  /** ρ_app = a + b·HU (g/cm³). */
  a: number;
  b: number;
  /** E = coefficient · ρ_app^exponent (MPa). */
  coefficient: number;
  exponent: number;
  Emin: number;
  Emax: number;
  corticalFactor: number;
  nu: number;
}

export const MORGAN_2003_VERTEBRA: BoneLaw = {
  a: 0,
  b: 0.001 / 0.6,
  coefficient: 4730,
  exponent: 1.56,
  Emin: 10,
  Emax: 20000,
  corticalFactor: 1,
  nu: 0.3,
};

export const MORGAN_2003_FEMORAL_NECK: BoneLaw = {
  ...MORGAN_2003_VERTEBRA,
  coefficient: 6850,
  exponent: 1.49,
};

/** Compressive / tensile yield strains of vertebral trabecular bone (Morgan & Keaveny 2001). */
export const VERTEBRA_YIELD_STRAIN = { compressive: 0.0077, tensile: 0.007 } as const;

export const CORTICAL_RIM_LABEL = 49;
export const VERTEBRAL_BODY_LABEL = 50;

/** Young's modulus (MPa) of bone from HU with the given law; cortical = label is the cortical rim. */
export function boneModulusFromHu(hu: number, law: BoneLaw = MORGAN_2003_VERTEBRA, cortical = false): number {
  if (!Number.isFinite(hu)) throw new Error(`bone modulus: HU must be finite, got ${hu}`);
  const rho = Math.max(0, law.a + law.b * hu);
  const E = law.coefficient * rho ** law.exponent * (cortical ? law.corticalFactor : 1);
  return Math.min(law.Emax, Math.max(law.Emin, E));
}

export const MYOCARDIUM = { E: 0.03, nu: 0.45 } as const;
export const LUNG_PARENCHYMA = { E: 0.0025, nu: 0.3 } as const;
export const CORTICAL_BONE_DEFAULT = { E: 12000, nu: 0.3 } as const;
