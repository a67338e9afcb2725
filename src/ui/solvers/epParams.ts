// EP panel parameters as plain data: defaults, the ranges the panel's fields accept, per-model default dt, and
// parseEpParams, which reads an UNTRUSTED session value (file, autosave, share link) back into parameters —
// every field checked against the same ranges, anything malformed dropped for the default, never a throw.
// Units: dx mm, dt/duration/pacing/frame/S2 coupling ms, σ S/m, CV mm/ms, radii mm. No patient data (the stimulus and
// lesion points live in the "fields" slice). S1-S2: an S2 extrastimulus at the S1 site s2CouplingMs after the
// last S1 pulse (programmed stimulation from one catheter site).
import type { EpRunParams } from '../../app/workers/solver-ep-run';
import { bool, isObj, num, oneOf } from '../../app/session/sanitize';

export type EpPanelParams = Omit<EpRunParams, 'stimulus' | 'lesion' | 'labels' | 'cavityLabels'> & {
  /** Add an S2 extrastimulus after the S1 train. */
  s1s2: boolean;
  /** S1-S2 coupling interval (ms): S2 starts this long after the last S1 pulse starts. */
  s2CouplingMs: number;
  /** Tune σ on the run's grid so the fronts run at cvL / cvT (mm/ms) along / across the fibres; off = σ as given
   *  (still tuned to σ's own converged CV, see solver-ep-run.ts). */
  cvTarget: boolean;
  cvL: number;
  cvT: number;
};

export const EP_MODELS = ['ms', 'ap', 'fk', 'tnnp'] as const satisfies readonly EpRunParams['model'][];
export const EP_BACKENDS = [
  'auto',
  'js',
  'cpu',
  'webasm',
  'webgl2',
  'webgpu',
] as const satisfies readonly EpRunParams['backend'][];

/** Default dt (ms) per model when the model is changed. */
export const MODEL_DT: Record<EpRunParams['model'], number> = { ms: 0.1, ap: 0.1, fk: 0.05, tnnp: 0.02 };

export const EP_DEFAULTS: EpPanelParams = {
  model: 'ms',
  dxMm: 2,
  dtMs: 0.1,
  durationMs: 400,
  pacingClMs: 600,
  beats: 1,
  sigmaL: 1.2,
  sigmaT: 0.48,
  frameEveryMs: 4,
  stimulusRadiusMm: 4,
  lesionRadiusMm: 2.5,
  backend: 'auto',
  s1s2: false,
  s2CouplingMs: 330,
  // human ventricular muscle: ≈ 0.6-0.7 m/s along, ≈ 0.3 m/s across the fibres (Taggart et al. 2000, J Mol Cell
  // Cardiol 32:621), as the CLI's chest-CTA test
  cvTarget: true,
  cvL: 0.65,
  cvT: 0.3,
};

type NumericKey = {
  [K in keyof EpPanelParams]: EpPanelParams[K] extends number ? K : never;
}[keyof EpPanelParams];

/** Accepted [min, max] per numeric parameter (the panel's fields use the same bounds). */
export const EP_LIMITS: Record<NumericKey, readonly [number, number]> = {
  dxMm: [0.5, 5],
  dtMs: [0.005, 0.2],
  durationMs: [10, 5000],
  pacingClMs: [150, 2000],
  beats: [1, 10],
  sigmaL: [0.01, 5],
  sigmaT: [0.004, 5],
  frameEveryMs: [0.5, 50],
  stimulusRadiusMm: [0.5, 30],
  lesionRadiusMm: [0.5, 20],
  // below the refractory period S2 simply does not capture (that is how the ERP is measured): allowed
  s2CouplingMs: [10, 2000],
  cvL: [0.05, 2],
  cvT: [0.02, 2],
};

/** EP parameters from an untrusted value; undefined when it is not an object at all (then nothing changes). */
export function parseEpParams(v: unknown): EpPanelParams | undefined {
  if (!isObj(v)) return undefined;
  const out: EpPanelParams = { ...EP_DEFAULTS };
  out.model = oneOf(v.model, EP_MODELS) ?? EP_DEFAULTS.model;
  out.backend = oneOf(v.backend, EP_BACKENDS) ?? EP_DEFAULTS.backend;
  out.s1s2 = bool(v.s1s2) ?? EP_DEFAULTS.s1s2;
  out.cvTarget = bool(v.cvTarget) ?? EP_DEFAULTS.cvTarget;
  for (const key of Object.keys(EP_LIMITS) as NumericKey[]) {
    const x = num(v[key]);
    const [lo, hi] = EP_LIMITS[key];
    if (x !== undefined && x >= lo && x <= hi) out[key] = key === 'beats' ? Math.round(x) : x;
  }
  return out;
}
