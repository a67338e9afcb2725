// Stress panel parameters as plain data for the "stress" session slice: preset, load (N, N·m or kPa by preset),
// element size (mm), material (HU-based / uniform E MPa, ν), HU→E law and density calibration, cortical shell
// (E MPa, thickness mm, or off), and the organ by NAME (run-time ids contain file names). parseStressParams reads an UNTRUSTED session value (file,
// autosave, share link): every field checked against the panel's ranges, malformed ones dropped (undefined =
// keep the panel's current value), never a throw. Load/fixed regions live in the "fields" slice.
// Wired into StressPanel.tsx (useSessionSlice('stress', …)); its NumberFields use STRESS_LIMITS.
import type { StressPreset } from '../../app/workers/solver-stress-run';
import type { BoneLawParams, CorticalParams } from '../../app/workers/stress-material';
import { BONE_LAW_NAMES } from '../../solvers/mechanics/materials';
import { isObj, num, oneOf, str } from '../../app/session/sanitize';

export const STRESS_PRESET_NAMES = [
  'vertebra-compression',
  'vertebra-flexion',
  'ventricle-pressure',
  'lung-inflation',
] as const satisfies readonly StressPreset[];

export interface StressPanelParams {
  preset: StressPreset;
  load: number;
  elementMm: number;
  material: 'hu' | 'uniform';
  E: number;
  nu: number;
  boneLaw: BoneLawParams;
  /** Organ name (e.g. "vertebra_T7"); undefined = the preset's default organ. */
  organ?: string;
  /** Cortical shell on the vertebral-body rim (E MPa, thickness mm); null = off; undefined = not saved. */
  cortical?: CorticalParams | null;
}

/** Accepted [min, max] (the panel's fields use the same bounds). */
export const STRESS_LIMITS = {
  load: [-1e5, 1e5],
  elementMm: [1, 8],
  E: [1e-4, 1e5],
  nu: [0, 0.49],
  densityA: [-1, 1],
  densityB: [1e-5, 0.01],
  corticalE: [100, 30000],
  shellMm: [0.05, 3],
} as const satisfies Record<string, readonly [number, number]>;

const inRange = (v: unknown, [lo, hi]: readonly [number, number]): number | undefined => {
  const x = num(v);
  return x !== undefined && x >= lo && x <= hi ? x : undefined;
};

/** Each field that is well-formed; the caller keeps its current value for the rest. */
export function parseStressParams(v: unknown): Partial<StressPanelParams> | undefined {
  if (!isObj(v)) return undefined;
  const out: Partial<StressPanelParams> = {};
  const preset = oneOf(v.preset, STRESS_PRESET_NAMES);
  if (preset) out.preset = preset;
  const load = inRange(v.load, STRESS_LIMITS.load);
  if (load !== undefined) out.load = load;
  const elementMm = inRange(v.elementMm, STRESS_LIMITS.elementMm);
  if (elementMm !== undefined) out.elementMm = elementMm;
  const material = oneOf(v.material, ['hu', 'uniform'] as const);
  if (material) out.material = material;
  const E = inRange(v.E, STRESS_LIMITS.E);
  if (E !== undefined) out.E = E;
  const nu = inRange(v.nu, STRESS_LIMITS.nu);
  if (nu !== undefined) out.nu = nu;
  if (isObj(v.boneLaw)) {
    const name = oneOf(v.boneLaw.name, BONE_LAW_NAMES);
    const densityA = inRange(v.boneLaw.densityA, STRESS_LIMITS.densityA);
    const densityB = inRange(v.boneLaw.densityB, STRESS_LIMITS.densityB);
    if (name && densityA !== undefined && densityB !== undefined) out.boneLaw = { name, densityA, densityB };
  }
  if (v.cortical === null) out.cortical = null;
  else if (isObj(v.cortical)) {
    const E_MPa = inRange(v.cortical.E_MPa, STRESS_LIMITS.corticalE);
    const thicknessMm = inRange(v.cortical.thicknessMm, STRESS_LIMITS.shellMm);
    if (E_MPa !== undefined && thicknessMm !== undefined) out.cortical = { E_MPa, thicknessMm };
  }
  const organ = str(v.organ);
  if (organ && organ.length <= 128) out.organ = organ;
  return out;
}
