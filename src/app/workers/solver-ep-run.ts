// EP workflow inside the solver worker: label map → EP grid (dx mm) → runEp on the chosen backend with a pacing
// train at the stimulus site (world RAS mm), optionally an S1-S2 pulse and a tuned σ (solver-ep-protocol.ts),
// and ablation-line lesions (polyline segments, non-conducting), Vm
// frames (mV) sampled onto each surface mesh and streamed through onFrame, activation times (ms) sampled at the
// end, and a pseudo-ECG from three virtual electrodes 120 mm from the heart centroid (RAS: anterior, left, inferior).
// The grid itself (geometry through onGrid, compact Vm per frame, activation per cell) also goes out for the slices.
// Patient label maps get what the CLI gives them (src/cli/simulate-ep-domain.ts): a whole-heart label on a contrast
// CT becomes myocardium (solver-ep-tissue.ts); at dx 0.25-2 mm the domain is built with the connectivity repair
// (thin walls resampled to edge-only contacts would split into islands), and σ is tuned to the grid by default
// (an untuned coarse grid under-resolves the front; solvers/ep/tune.ts).
import type { Vec3, Volume } from '../../volume/types';
import { applyLesions, epDomainFromLabels, runEp, type EpResult, type Lesion, type ModelName } from '../../solvers/ep';
import { createCompute, type BackendPreference } from '../../solvers/compute';
import { defaultPacingSite, epGridFromLabels, tissueCentroid } from './solver-ep-domain';
import { applySampling, planSampling, type SamplePlan } from './solver-sampling';
import { epConductivity, epStimuli, type S1S2Params } from './solver-ep-protocol';
import type { GridGeometry } from './slice-field';
import { epTissue } from './solver-ep-tissue';

export interface EpRunParams {
  model: ModelName;
  dxMm: number;
  dtMs: number;
  durationMs: number;
  /** Pacing cycle length (ms); beats = how many stimuli. */
  pacingClMs: number;
  beats: number;
  /** Along/across-fibre conductivity (S/m). */
  sigmaL: number;
  sigmaT: number;
  frameEveryMs: number;
  /** Stimulus centre (world RAS mm); undefined = the most inferior tissue voxel (≈ apex). */
  stimulus?: Vec3;
  stimulusRadiusMm: number;
  /** Ablation line (world RAS mm polyline) and its half-width (mm). */
  lesion: Vec3[];
  lesionRadiusMm: number;
  /** Label values that make up the myocardium. */
  labels: number[];
  /** Ventricular cavity labels (blood pools) for rule-based helical fibres; empty = uniform fibres. */
  cavityLabels: number[];
  backend: BackendPreference;
}

/** Optional protocol extras (kept out of EpRunParams, whose keys the EP panel maps over as plain fields). */
export interface EpRunExtras {
  /** S1-S2: an S2 pulse couplingMs after the last S1 of the pacing train above (at the S1 site by default). */
  s1s2?: S1S2Params;
  /** Tune σ on the EP grid to σ's converged CV (or targetCv, mm/ms along/across fibres); default on (false = σ
   *  exactly as given). */
  tuneConductivity?: boolean;
  targetCv?: { l: number; t: number };
}

export type EpRunRequest = EpRunParams & EpRunExtras;

export interface MeshTarget {
  organId: string;
  positions: Float32Array;
}

export interface EpSummary {
  status: EpResult['status'];
  message?: string;
  backend: string;
  backendReason: string;
  cells: number;
  wallMs: number;
  steps: number;
  totalActivationMs: number;
  activatedFraction: number;
  /** σ actually used (S/m; tuned when asked) and the end of the last stimulus (ms). */
  sigmaUsed: { l: number; t: number; tuned: boolean };
  stimuliEndMs: number;
  /** Start of the S2 pulse of an S1-S2 run (ms); undefined without S2. */
  s2StartMs?: number;
  /** Tissue activated before the last pulse (S2) and again after it (fraction; see EpResult). */
  secondActivationFraction: number;
  /** Re-entry read-outs: cells upcrossing ≥ 2× after the last stimulus, latest upcrossing (ms), excited at the end. */
  reactivatedFraction: number;
  lastUpstrokeMs: number;
  excitedFractionEnd: number;
  stimulus: Vec3;
  fibres: 'rule-based' | 'uniform';
  /** What became tissue when it was not the chosen label as it is (e.g. heart minus the contrast blood pool). */
  tissueNote?: string;
  ecg: { name: string; t: Float32Array; phi: Float32Array }[];
  /** Activation time per mesh vertex (ms; −1e30 = never activated), same order as the targets. */
  activation: Float32Array[];
  /** Activation time per EP grid tissue cell (ms, compact order of onGrid's index; NaN = never). */
  activationGrid: Float32Array;
}

const ELECTRODES: { name: string; dir: Vec3 }[] = [
  { name: 'anterior', dir: [0, 1, 0] },
  { name: 'left lateral', dir: [-1, 0, 0] },
  { name: 'inferior', dir: [0, 0, -1] },
];
const ELECTRODE_DISTANCE_MM = 120;

export async function runEpOnLabels(
  labels: Volume,
  targets: MeshTarget[],
  p: EpRunRequest,
  onFrame: (tMs: number, perMesh: Float32Array[], grid: Float32Array) => void,
  onProgress: (f: number, msg: string) => void,
  signal: AbortSignal,
  onGrid?: (g: GridGeometry) => void,
  image?: Volume,
): Promise<EpSummary> {
  onProgress(0.01, `building the EP grid at ${p.dxMm} mm`);
  const tissue = epTissue(labels, image, p.labels, p.cavityLabels);
  // Rule-based helical fibres (solvers/ep/labels.ts) where its dx range allows, else uniform fibres along x.
  const fineGrid = p.dxMm >= 0.25 && p.dxMm <= 2;
  const ruleBased = tissue.cavities.length > 0 && fineGrid;
  const healthy = fineGrid
    ? epDomainFromLabels(tissue.labels, tissue.tissue, p.dxMm, { cavityValues: tissue.cavities, repairConnectivity: true })
    : epGridFromLabels(tissue.labels, tissue.tissue, p.dxMm);
  const site = p.stimulus ?? defaultPacingSite(healthy);
  const centre = tissueCentroid(healthy);
  const lesions: Lesion[] = [];
  for (let i = 0; i + 1 < p.lesion.length; i++)
    lesions.push({ sigmaScale: 0, region: { kind: 'segment', a: p.lesion[i]!, b: p.lesion[i + 1]!, radiusMm: p.lesionRadiusMm } });
  if (p.lesion.length === 1)
    lesions.push({ sigmaScale: 0, region: { kind: 'sphere', center: p.lesion[0]!, radiusMm: p.lesionRadiusMm } });
  // Lesions applied here (not inside runEp) so the sampling plan uses the same compact order as the frames;
  // removed voxels make the ablation line show as no-data (grey) on the surface.
  const grid = applyLesions(healthy, lesions);
  const gridLike = {
    dims: grid.dims,
    origin: [grid.ijkToWorld[3]!, grid.ijkToWorld[7]!, grid.ijkToWorld[11]!] as Vec3,
    h: grid.dxMm,
    index: grid.index,
  };
  const plans: SamplePlan[] = targets.map((t) => planSampling(gridLike, t.positions));
  onGrid?.({ dims: grid.dims, gridToWorld: Float64Array.from(grid.ijkToWorld), index: Int32Array.from(grid.index) });
  const tune = p.tuneConductivity !== false;
  if (tune || p.targetCv) onProgress(0.02, 'tuning the conductivity to this grid');
  const cond = epConductivity({ ...p, tuneConductivity: tune });
  const compute = await createCompute(p.backend);
  onProgress(0.03, `${grid.n} tissue voxels; solving on ${compute.info.backend}`);
  const stimuli = epStimuli(p, { kind: 'sphere', center: site, radiusMm: Math.max(p.stimulusRadiusMm, 1.5 * p.dxMm) });
  let result: EpResult;
  try {
    result = await runEp(
      {
        grid,
        model: p.model,
        dtMs: p.dtMs,
        durationMs: p.durationMs,
        conductivity: cond.conductivity,
        stimuli,
        electrodes: ELECTRODES.map((e) => e.dir.map((d, a) => centre[a]! + ELECTRODE_DISTANCE_MM * d) as Vec3),
        ecgEveryMs: 1,
      },
      compute,
      {
        signal,
        frameEveryMs: p.frameEveryMs,
        onProgress: (f) => onProgress(0.03 + 0.95 * f, `t ≈ ${(f * p.durationMs).toFixed(0)} / ${p.durationMs} ms`),
        onFrame: (t, vm) => onFrame(t, plans.map((plan) => applySampling(plan, vm)), vm),
      },
    );
  } finally {
    compute.destroy();
  }
  const activation = plans.map((plan) => applySampling(plan, result.activationMs));
  return {
    status: result.status,
    message: result.message,
    backend: result.backend + (result.backendNote ? ` (${result.backendNote})` : ''),
    backendReason: compute.info.reason,
    cells: result.grid.n,
    wallMs: result.wallMs,
    steps: result.steps,
    totalActivationMs: result.totalActivationMs,
    activatedFraction: result.activatedFraction,
    sigmaUsed: { l: cond.conductivity.sigmaL, t: cond.conductivity.sigmaT, tuned: !!cond.tuned },
    stimuliEndMs: result.stimuliEndMs,
    s2StartMs: p.s1s2 ? stimuli[1]?.startMs : undefined,
    reactivatedFraction: result.reactivatedFraction,
    secondActivationFraction: result.secondActivationFraction,
    lastUpstrokeMs: result.lastUpstrokeMs,
    excitedFractionEnd: result.excitedFractionEnd,
    stimulus: site,
    fibres: ruleBased ? 'rule-based' : 'uniform',
    tissueNote: tissue.note,
    ecg: result.ecg.map((l, i) => ({ name: ELECTRODES[i]?.name ?? `lead ${i + 1}`, t: Float32Array.from(l.t), phi: Float32Array.from(l.phi) })),
    activation,
    activationGrid: result.activationMs,
  };
}
