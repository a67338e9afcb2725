// Tissue material laws and defaults for the linear-elastic solver. Units: E in MPa, HU for CT, ρ in g/cm³.
// Frame: none (isotropic, element-wise).
//
// Bone (CT): ρ_app = a + b·HU (calibration; default a = 0, b = 0.001/0.6 g/cm³ per HU: HU ≈ mg/cm³ mineral
//   equivalent for an uncalibrated QCT, and mineral ≈ 0.6 × apparent density (ash fraction, Schileo et al. 2008
//   J Biomech 41:356). Scanner-specific: pass a phantom calibration when available (CLI --density a,b).)
//   E = coefficient·ρ_app^exponent MPa, Morgan, Bayraktar & Keaveny 2003, J Biomech 36:897 (trabecular bone,
//   site-specific power laws, ρ_app in g/cm³): vertebra 4730·ρ^1.56, femoral neck 6850·ρ^1.49 (the paper's
//   pooled law 8920·ρ^1.83 is not offered: it mixes sites). Choose with `boneLaw(name, density)`.
//   E is clamped to [Emin, Emax] = [10, 20 000] MPa. ν = 0.3. The cortical shell is in bone-material.ts.
// Yield strains (fracture-risk indicator): vertebral trabecular bone 0.77 % compressive, 0.70 % tensile —
//   Morgan & Keaveny 2001, J Biomech 34:569.
// Myocardium (passive, linearised): E = 0.03 MPa (30 kPa; human passive myocardium is ~10–100 kPa in the
//   small-strain range, Sommer et al. 2015 Acta Biomater 24:172), ν = 0.45 (near-incompressible; fully
//   integrated trilinear hexes lock as ν → 0.5, so stay ≤ 0.45).
// Lung parenchyma: shear modulus G ≈ 0.7 × transpulmonary pressure (Lai-Fook 1977, J Appl Physiol); at
//   ~0.5 kPa → G ≈ 0.35–1 kPa; default E = 0.0025 MPa (2.5 kPa, G ≈ 1 kPa), ν = 0.3 (compressible foam-like).

export interface BoneLaw {
  /** Short name ('vertebra', 'femoral-neck') and the source of the power law. */
  name: string;
  source: string;
  /** ρ_app = a + b·HU (g/cm³). */
  a: number;
  b: number;
  /** E = coefficient · ρ_app^exponent (MPa). */
  coefficient: number;
  exponent: number;
  Emin: number;
  Emax: number;
  nu: number;
}

/** Default uncalibrated QCT density: ρ_app = HU · 0.001 / 0.6 g/cm³ (see the header). */
export const DEFAULT_DENSITY = { a: 0, b: 0.001 / 0.6 } as const;

export const MORGAN_2003_VERTEBRA: BoneLaw = {
  name: 'vertebra',
  source: 'Morgan et al. 2003, J Biomech 36:897 (vertebral trabecular bone)',
  ...DEFAULT_DENSITY,
  coefficient: 4730,
  exponent: 1.56,
  Emin: 10,
  Emax: 20000,
  nu: 0.3,
};

export const MORGAN_2003_FEMORAL_NECK: BoneLaw = {
  ...MORGAN_2003_VERTEBRA,
  name: 'femoral-neck',
  source: 'Morgan et al. 2003, J Biomech 36:897 (femoral-neck trabecular bone)',
  coefficient: 6850,
  exponent: 1.49,
};

export const BONE_LAWS = {
  vertebra: MORGAN_2003_VERTEBRA,
  'femoral-neck': MORGAN_2003_FEMORAL_NECK,
} as const;
export type BoneLawName = keyof typeof BONE_LAWS;
export const BONE_LAW_NAMES = Object.keys(BONE_LAWS) as BoneLawName[];

/** A named Morgan 2003 law with an optional density calibration ρ_app = a + b·HU (b > 0, g/cm³ per HU). */
export function boneLaw(name: string = 'vertebra', density?: { a: number; b: number }): BoneLaw {
  const base = (BONE_LAWS as Record<string, BoneLaw | undefined>)[name];
  if (!base) throw new Error(`unknown HU→modulus law '${name}' (use ${BONE_LAW_NAMES.join(' or ')})`);
  if (!density) return base;
  if (!Number.isFinite(density.a) || !Number.isFinite(density.b) || !(density.b > 0))
    throw new Error(
      `density calibration ρ = a + b·HU needs finite a and b > 0 (g/cm³, g/cm³ per HU), got a=${density.a}, b=${density.b}`,
    );
  return { ...base, a: density.a, b: density.b };
}

/** One line naming the law and its calibration, for summaries and the UI. */
export function describeBoneLaw(law: BoneLaw): string {
  return `E = ${law.coefficient}·ρ_app^${law.exponent} MPa, ρ_app = ${law.a} + ${Number(law.b.toPrecision(4))}·HU g/cm³ — ${law.source}`;
}

/** Compressive / tensile yield strains of vertebral trabecular bone (Morgan & Keaveny 2001). */
export const VERTEBRA_YIELD_STRAIN = { compressive: 0.0077, tensile: 0.007 } as const;

export const CORTICAL_RIM_LABEL = 49;
export const VERTEBRAL_BODY_LABEL = 50;

/** Young's modulus (MPa) of trabecular bone from HU with the given law (clamped to [Emin, Emax]). */
export function boneModulusFromHu(hu: number, law: BoneLaw = MORGAN_2003_VERTEBRA): number {
  if (!Number.isFinite(hu)) throw new Error(`bone modulus: HU must be finite, got ${hu}`);
  const rho = Math.max(0, law.a + law.b * hu);
  const E = law.coefficient * rho ** law.exponent;
  return Math.min(law.Emax, Math.max(law.Emin, E));
}

export const MYOCARDIUM = { E: 0.03, nu: 0.45 } as const;
export const LUNG_PARENCHYMA = { E: 0.0025, nu: 0.3 } as const;
