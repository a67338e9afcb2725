// Stimulus protocol and conductivity of an EP run in the solver worker: the pacing train at the stimulus site
// (world RAS mm), optionally followed by an S2 pulse (S1-S2: S2 starts couplingMs after the last S1 pulse; over
// a given sphere for re-entry induction, else at the S1 site: a premature extrastimulus), and σ (S/m) either as
// given or tuned on the run's grid so that the grid's cable CV equals σ's converged CV or given targets (solvers/ep/tune.ts). Units ms, mm, S/m, mm/ms.
import type { Vec3 } from '../../volume/types';
import {
  pacingTrain,
  s1s2Protocol,
  tuneConductivity,
  type Conductivity,
  type ModelName,
  type Region,
  type Stimulus,
  type TunedConductivity,
} from '../../solvers/ep';

export interface S1S2Params {
  /** S1-S2 coupling interval (ms): S2 starts this long after the last S1 pulse starts. */
  couplingMs: number;
  /** S2 region: a sphere (world RAS mm); omitted = the S1 stimulus region (extrastimulus from the pacing site). */
  sphere?: { centre: Vec3; radiusMm: number };
}

export interface ProtocolParams {
  model: ModelName;
  dxMm: number;
  dtMs: number;
  pacingClMs: number;
  beats: number;
  sigmaL: number;
  sigmaT: number;
  s1s2?: S1S2Params;
  /** Tune σ on the run's grid (dx 1-2 mm cannot resolve the front; see tune.ts). Default off. */
  tuneConductivity?: boolean;
  /** Target CVs along/across fibres (mm/ms) for the tuning; default: σ's converged CV. */
  targetCv?: { l: number; t: number };
}

export function epStimuli(p: ProtocolParams, s1: Region): Stimulus[] {
  const beats = Math.max(1, Math.round(p.beats));
  if (!p.s1s2) return [pacingTrain(s1, p.pacingClMs, beats)];
  const at = p.s1s2.sphere;
  const s2: Region = at ? { kind: 'sphere', center: at.centre, radiusMm: at.radiusMm } : s1;
  return s1s2Protocol({ s1, s2, couplingMs: p.s1s2.couplingMs, s1ClMs: p.pacingClMs, s1Count: beats });
}

export function epConductivity(p: ProtocolParams): { conductivity: Conductivity; tuned?: TunedConductivity } {
  const base: Conductivity = { sigmaL: p.sigmaL, sigmaT: p.sigmaT, chi: 1400, cm: 1 };
  if (!p.tuneConductivity && !p.targetCv) return { conductivity: base };
  const tuned = tuneConductivity({
    model: p.model,
    dxMm: p.dxMm,
    dtMs: p.dtMs,
    conductivity: base,
    targetCv: p.targetCv,
  });
  return { conductivity: tuned.conductivity, tuned };
}
