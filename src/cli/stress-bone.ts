// `simulate stress` bone-material options: --hu-law vertebra|femoral-neck (Morgan et al. 2003 site-specific
// power laws), --density a,b (calibration ρ_app = a + b·HU, g/cm³ and g/cm³ per HU), and the cortical shell on
// the vertebral-body rim (subregion label 49): --cortical-E <MPa> (0 = off), --cortical-thickness <mm>. They only
// apply to a CT (--volume in HU) without a uniform --E. Units: HU, g/cm³, MPa, mm. No frame.
import { CliError } from './errors';
import { optNumber, optString, type ParsedArgs } from './args';
import * as M from '../solvers/mechanics';

export const BONE_OPTIONS = {
  'hu-law': true,
  density: true,
  'cortical-E': true,
  'cortical-thickness': true,
} as const;

export const BONE_HELP = `  --hu-law NAME   HU→E power law for bone when --E is omitted on a CT: vertebra (default, E = 4730·ρ^1.56 MPa)
                  or femoral-neck (E = 6850·ρ^1.49 MPa); Morgan, Bayraktar & Keaveny 2003, J Biomech 36:897
  --density a,b   density calibration ρ_app = a + b·HU (g/cm³; b in g/cm³ per HU, > 0), e.g. from a QCT
                  phantom; default 0,0.0016667 (uncalibrated: HU ≈ mg/cm³ mineral, mineral ≈ 0.6·ρ_app)
  --cortical-E MPa        cortical shell modulus on the vertebral-body rim (--subregions label 49); default
                          12000 (Shirazi-Adl et al. 1986), 0 = no shell (the rim follows the HU law)
  --cortical-thickness mm shell thickness, default 0.35 (Silva et al. 1994, Bone 15:409); mixed into the rim
                          elements on the free surface: E = f·E_c + (1−f)·E_HU, f = exposed faces·t/h`;

export interface BoneOptions {
  law: M.BoneLaw;
  /** Cortical shell for rim elements; null = off. */
  cortical: M.CorticalShell | null;
  /** True when the user set any bone-material option (so they must be meaningful). */
  given: boolean;
}

function parseDensity(s: string): { a: number; b: number } {
  const parts = s.split(',');
  const [a, b] = parts.map((x) => (x.trim() === '' ? NaN : Number(x)));
  if (parts.length !== 2 || !Number.isFinite(a) || !Number.isFinite(b))
    throw new CliError(`--density needs two numbers a,b (ρ_app = a + b·HU in g/cm³), got '${s}'`);
  if (!(b! > 0))
    throw new CliError(`--density: b must be > 0 g/cm³ per HU (density rises with HU), got ${b}`);
  return { a: a!, b: b! };
}

/** Reads and validates the bone options (defaults: vertebra law, HU/600, 12 000 MPa / 0.35 mm shell). */
export function parseBoneOptions(p: ParsedArgs): BoneOptions {
  const name = optString(p, 'hu-law');
  const density = optString(p, 'density');
  if (name !== undefined && !M.BONE_LAW_NAMES.includes(name as M.BoneLawName))
    throw new CliError(`--hu-law must be ${M.BONE_LAW_NAMES.join(' or ')}, got '${name}'`);
  const law = M.boneLaw(name ?? 'vertebra', density === undefined ? undefined : parseDensity(density));
  const cE = optNumber(p, 'cortical-E', 0, 1e6);
  const cT = optNumber(p, 'cortical-thickness', 0.001, 50);
  if (cE === 0 && cT !== undefined)
    throw new CliError('--cortical-thickness has no effect with --cortical-E 0 (shell off)');
  const cortical =
    cE === 0 ? null : { E: cE ?? M.CORTICAL_SHELL.E, thicknessMm: cT ?? M.CORTICAL_SHELL.thicknessMm };
  const given = [name, density, cE, cT].some((v) => v !== undefined);
  return { law, cortical, given };
}

/** Rejects bone options that would have no effect (analytic domain, uniform --E, or an image that is not CT). */
export function checkBoneOptionsApply(o: BoneOptions, why: string | undefined): void {
  if (o.given && why)
    throw new CliError(`--hu-law/--density set the HU→E law for bone and have no effect ${why}`);
}

/** Summary entry describing the law that was used. */
export function boneLawSummary(law: M.BoneLaw): Record<string, unknown> {
  const { name, source, a, b, coefficient, exponent, Emin, Emax } = law;
  return { name, source, densityA: a, densityB: b, coefficient, exponent, EminMPa: Emin, EmaxMPa: Emax };
}
