// Element materials for bone from CT: trabecular E from HU through a BoneLaw (materials.ts), and the cortical
// shell on elements labelled as the vertebral-body rim (VerSe subregion 49, see ../shared/data/README.md).
// Units: HU, MPa, mm. Frame: none (isotropic, element-wise).
//
// Cortical shell defaults: E_c = 12 000 MPa, ν = 0.3 — the lumbar FE value since Shirazi-Adl, Shrivastava &
//   Ahmed 1986 (Spine 11:914), still the common choice (e.g. Polikeit et al. 2003 Spine 28:991); shell thickness
//   t = 0.35 mm — Silva, Wang, Keaveny & Hayes 1994 (Bone 15:409): direct mid-sagittal measurements on L1 average
//   ≈ 0.35 mm, and clinical CT shows the shell at least 2× thicker than it is.
// An element of edge h ≫ t on the rim holds a thin shell over trabecular (partial-volume) bone, so it gets the
//   iso-strain (Voigt) mixture  E_rim = f·E_c + (1 − f)·E_HU,  f = min(1, t/h):  exact for loads in the plane
//   of the shell (the side walls under axial compression), an upper bound across it. Giving the whole element
//   E_c would turn a 0.35 mm shell into an h-thick cortical tube. Set `cortical: null` (CLI --cortical-E 0) to
//   treat the rim with the HU law like the rest of the bone.
import { boneModulusFromHu, CORTICAL_RIM_LABEL, MORGAN_2003_VERTEBRA, type BoneLaw } from './materials';

export interface CorticalShell {
  /** Young's modulus of the cortical shell (MPa). */
  E: number;
  /** Shell thickness (mm). */
  thicknessMm: number;
}

export const CORTICAL_SHELL: CorticalShell = { E: 12000, thicknessMm: 0.35 };

/** Voigt mixture of a shell of thickness t over trabecular bone in a rim element of edge h (MPa). */
export function corticalRimModulus(eTrabecular: number, h: number, shell: CorticalShell): number {
  if (!(h > 0)) throw new Error(`cortical rim: element size must be > 0 mm, got ${h}`);
  const f = Math.min(1, shell.thicknessMm / h);
  return f * shell.E + (1 - f) * eTrabecular;
}

export interface BoneMaterialOptions {
  /** Element edge (mm), for the shell's volume fraction. */
  elementMm: number;
  law?: BoneLaw;
  /** Cortical shell on `corticalLabel` elements; null/omitted = none (rim follows the HU law). */
  cortical?: CorticalShell | null;
  corticalLabel?: number;
  /** Poisson ratio for every bone element (default the law's, 0.3). */
  nu?: number;
}

/** Validates a user-given shell (finite E > 0 MPa, 0 < t mm); returns it. */
export function checkCorticalShell(shell: CorticalShell): CorticalShell {
  if (!(shell.E > 0) || !Number.isFinite(shell.E))
    throw new Error(`cortical shell modulus must be a positive number of MPa, got ${shell.E}`);
  if (!(shell.thicknessMm > 0) || !Number.isFinite(shell.thicknessMm))
    throw new Error(`cortical shell thickness must be a positive number of mm, got ${shell.thicknessMm}`);
  return shell;
}

/**
 * The `material(hu, label)` callback of domainFromLabels for bone. HU outside the CT (NaN) counts as air
 * (−1000 HU → Emin). Element labels are the subregion labels when a subregion map was given.
 */
export function boneMaterial(
  opts: BoneMaterialOptions,
): (hu: number, label: number) => { E: number; nu: number } {
  const law = opts.law ?? MORGAN_2003_VERTEBRA;
  const shell = opts.cortical ?? null;
  if (shell) checkCorticalShell(shell);
  const rim = opts.corticalLabel ?? CORTICAL_RIM_LABEL;
  const nu = opts.nu ?? law.nu;
  return (hu, label) => {
    const E = boneModulusFromHu(Number.isFinite(hu) ? hu : -1000, law);
    return { E: shell && label === rim ? corticalRimModulus(E, opts.elementMm, shell) : E, nu };
  };
}

/** One line for summaries: what the rim elements got. */
export function describeCortical(shell: CorticalShell | null, h: number, present: boolean): string {
  if (!present) return 'no cortical-rim elements (no subregion label 49 in the domain)';
  if (!shell) return 'cortical rim (label 49) uses the HU law (shell disabled)';
  const f = Math.min(1, shell.thicknessMm / h);
  return `cortical rim (label 49): E = ${Number(f.toPrecision(3))}·${shell.E} MPa + ${Number((1 - f).toPrecision(3))}·E_HU (shell ${shell.thicknessMm} mm in ${h} mm elements; Shirazi-Adl 1986, Silva 1994)`;
}
