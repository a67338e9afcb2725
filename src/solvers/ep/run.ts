// runEp: the monodomain EP driver. C_m dV/dt = ∇·(σ/χ ∇V) − I_ion + I_stim/χ on the compact grid, forward Euler.
// Units: V mV, t ms, x mm (world RAS), σ S/m, χ 1/cm, C_m µF/cm², I_stim µA/cm³ → dV/dt = I_stim/(χ C_m) mV/ms.
// Guards: explicit stability limit and memory budget before the stencil is allocated; NaN/blow-up stops the run
// with the last good state (V, activation/APD, probes, ECG and frames only ever hold checked steps: the state is
// checked before anything is recorded); AbortSignal cancels (checked between steps; the loop yields to the event
// loop ~every 50 ms wall time).
import type { Vec3 } from '../../volume/types';
import type { BackendName, Compute } from '../compute/types';
import { cellWorld, nearestCell, type EpGrid } from './grid';
import { getModel, type ModelName } from './models';
import { ActivationTracker, PseudoEcg, type EcgLead, type ProbeSeries } from './outputs';
import { applyLesions, cellsInRegion, stimulusOn, type Lesion, type Stimulus } from './protocol';
import { lastStimulusEndMs } from './pacing';
import { cvFromActivation } from './cv';
import {
  assembleStencil,
  checkStability,
  NIEDERER_CONDUCTIVITY,
  stencilLambdaMax,
  type Conductivity,
} from './stencil';
import { checkEpBudget } from './budget';
import { gpuStepper, gpuSupportsModel, jsStepper, type Stepper } from './stepper';

export interface EpConfig {
  grid: EpGrid;
  model: ModelName;
  dtMs: number;
  durationMs: number;
  conductivity?: Conductivity;
  stimuli: Stimulus[];
  lesions?: Lesion[];
  /** Probe points (world mm): Vm time series at the nearest tissue voxel. */
  probes?: Vec3[];
  probeEveryMs?: number;
  /** Virtual electrodes (world mm) for the pseudo-ECG. */
  electrodes?: Vec3[];
  ecgEveryMs?: number;
  /** Two points for the CV readout (defaults to grid.cvPoints). */
  cvPoints?: [Vec3, Vec3];
  /** Stop once every tissue voxel has activated (and stimuli are over) — for activation-only studies. */
  stopWhenAllActivated?: boolean;
  /** Memory budget (bytes) for the run; default the app-wide budget (volume/budget.ts). */
  memoryBudgetBytes?: number;
}

export interface EpCallbacks {
  onFrame?(tMs: number, vm: Float32Array): void;
  onProgress?(fraction: number): void;
  signal?: AbortSignal;
  frameEveryMs?: number;
  /** After each step, before the state is checked: live V (mV, compact). For monitoring; tests inject faults here. */
  onStep?(tMs: number, v: Float32Array): void;
}

export interface EpResult {
  status: 'completed' | 'cancelled' | 'diverged';
  message?: string;
  /** Compact per-cell arrays (see grid.cells); NaN where never activated / never repolarised. */
  activationMs: Float32Array;
  apd90Ms: Float32Array;
  /** Last good membrane potential (mV), compact. */
  vm: Float32Array;
  tEndMs: number;
  probes: ProbeSeries[];
  ecg: EcgLead[];
  /** Latest minus earliest activation time (ms) over activated cells. */
  totalActivationMs: number;
  lastActivationMs: number;
  activatedFraction: number;
  cvAlongFibreMmPerMs?: number;
  /** How the CV was measured: between the cvPoints, or the median of 1/|∇T| where the front runs along fibres. */
  cvMethod?: 'axis points' | 'activation gradient';
  /** End of the last stimulus pulse (ms). */
  stimuliEndMs: number;
  /** Latest threshold upcrossing of any cell (ms; −Infinity if none). */
  lastUpstrokeMs: number;
  /** Fraction of cells that upcrossed at least twice after the last stimulus ended (re-entry). */
  reactivatedFraction: number;
  /** Fraction of cells first activated before the last stimulus pulse started that upcross again after it ended:
   *  the last pulse (e.g. an S2) captured and its wave re-excited tissue (0 when it fell on refractory tissue). */
  secondActivationFraction: number;
  /** Fraction of cells above the activation threshold at the end of the run. */
  excitedFractionEnd: number;
  backend: BackendName;
  backendNote?: string;
  wallMs: number;
  steps: number;
  grid: EpGrid;
}

/** |V| at or beyond this (mV) — or NaN — is a blow-up: physiological Vm stays within ±200 mV. */
export const MAX_ABS_VM = 500;

export async function runEp(cfg: EpConfig, compute: Compute, cb: EpCallbacks = {}): Promise<EpResult> {
  const t0 = performance.now();
  const model = getModel(cfg.model);
  const { dtMs: dt, durationMs } = cfg;
  if (!(dt > 0) || !Number.isFinite(dt)) throw new Error(`EP: dt must be a positive number of ms, got ${dt}`);
  if (!(durationMs > 0) || !Number.isFinite(durationMs))
    throw new Error(`EP: duration must be positive, got ${durationMs} ms`);
  if (dt > model.maxDtMs)
    throw new Error(`EP: dt = ${dt} ms is above the ${model.name} model's limit of ${model.maxDtMs} ms`);
  const cond = cfg.conductivity ?? NIEDERER_CONDUCTIVITY;
  for (const s of cfg.stimuli)
    if (s.strength !== undefined && !Number.isFinite(s.strength))
      throw new Error(`EP: stimulus strength must be a finite number of µA/cm³, got ${s.strength}`);
  const grid = applyLesions(cfg.grid, cfg.lesions ?? []);
  // Both before the stencil (~200 bytes per cell) and the model state are allocated.
  checkStability(stencilLambdaMax(grid, cond), dt, grid.dxMm);
  checkEpBudget({
    dims: grid.dims,
    cells: grid.n,
    dxMm: grid.dxMm,
    what: `a ${model.name} run on ${grid.n} tissue voxels`,
    nStates: model.stateNames.length,
    model: model.name,
    budgetBytes: cfg.memoryBudgetBytes,
  });
  const st = assembleStencil(grid, cond);
  checkStability(st, dt, grid.dxMm);

  let backend: BackendName = compute.info.backend;
  let backendNote: string | undefined;
  if (backend !== 'js' && !gpuSupportsModel(model)) {
    backendNote = `model '${model.name}' has no gpu.js kernels yet; ran on 'js' instead of '${backend}'`;
    backend = 'js';
  }
  const stepper: Stepper = backend === 'js' ? jsStepper(model, st, dt) : gpuStepper(model, st, dt, compute);

  const stimCells = cfg.stimuli.map((s) => {
    const cells = cellsInRegion(grid, s.region);
    if (cells.length === 0) {
      const r = s.region;
      const c: Vec3 =
        r.kind === 'box'
          ? ([0, 1, 2].map((a) => 0.5 * (r.min[a]! + r.max[a]!)) as Vec3)
          : r.kind === 'sphere'
            ? r.center
            : r.a;
      const near = cellWorld(grid, nearestCell(grid, c));
      const d = Math.hypot(near[0] - c[0], near[1] - c[1], near[2] - c[2]);
      throw new Error(
        `EP: a stimulus region (centre ${c.map((q) => q.toFixed(1)).join(', ')} mm) contains no tissue voxel; ` +
          `the nearest tissue is ${d.toFixed(1)} mm away at ${near.map((q) => q.toFixed(1)).join(', ')} mm`,
      );
    }
    return cells;
  });
  const stim = new Float32Array(grid.n);
  const probes: ProbeSeries[] = (cfg.probes ?? []).map((p) => ({
    pos: p,
    cell: nearestCell(grid, p),
    t: [],
    vm: [],
  }));
  const ecg = cfg.electrodes?.length ? new PseudoEcg(grid, cfg.electrodes) : undefined;
  const lastStimEnd = lastStimulusEndMs(cfg.stimuli);
  const tracker = new ActivationTracker(grid.n, model.activationMv, model.restMv, lastStimEnd);
  const nSteps = Math.round(durationMs / dt);
  const every = (ms: number | undefined, def: number) => Math.max(1, Math.round((ms ?? def) / dt));
  const probeStride = every(cfg.probeEveryMs, 1);
  const ecgStride = every(cfg.ecgEveryMs, 1);
  const frameStride = cb.onFrame ? every(cb.frameEveryMs, 5) : 0;
  const checkStride = every(undefined, 1);
  const lastGood = Float32Array.from(stepper.v);
  let lastGoodStep = 0;
  const vOld = new Float32Array(grid.n);
  let status: EpResult['status'] = 'completed';
  let message: string | undefined;
  let step = 0;
  let tYield = performance.now();
  /** Checks the state after step `s` (ends at s·dt); on a blow-up restores the last good one and says so. */
  const checkState = (s: number): boolean => {
    const v = stepper.v;
    let bad = -1;
    for (let c = 0; c < v.length; c++) {
      const x = v[c]!;
      if (!(x > -MAX_ABS_VM && x < MAX_ABS_VM)) {
        bad = c;
        break;
      }
    }
    if (bad < 0) {
      lastGood.set(v);
      lastGoodStep = s;
      tracker.commit();
      return true;
    }
    const p = cellWorld(grid, bad);
    const tGood = lastGoodStep * dt;
    status = 'diverged';
    message =
      `EP diverged at t = ${(s * dt).toFixed(2)} ms (V = ${v[bad]} mV at ${p.map((q) => q.toFixed(1)).join(', ')} mm); ` +
      `reduce dt (now ${dt} ms); the result keeps the last good state (t = ${tGood.toFixed(2)} ms)`;
    stepper.v = Float32Array.from(lastGood);
    tracker.rollback();
    return false;
  };
  const record = (t: number) => {
    for (const p of probes) {
      p.t.push(t);
      p.vm.push(stepper.v[p.cell]!);
    }
  };
  record(0);
  for (; step < nSteps; step++) {
    if (cb.signal?.aborted) {
      status = 'cancelled';
      message = `cancelled at t = ${(step * dt).toFixed(2)} ms`;
      break;
    }
    const t = step * dt;
    stim.fill(0);
    cfg.stimuli.forEach((s, i) => {
      if (!stimulusOn(s, t)) return;
      const dv = (s.strength ?? 50000) / (cond.chi * cond.cm);
      for (const c of stimCells[i]!) stim[c] = stim[c]! + dv;
    });
    vOld.set(stepper.v);
    await stepper.step(stim);
    const s1 = step + 1;
    const tn = s1 * dt;
    cb.onStep?.(tn, stepper.v);
    tracker.update(vOld, stepper.v, tn, dt);
    const probeDue = s1 % probeStride === 0;
    const ecgDue = !!ecg && s1 % ecgStride === 0;
    const frameDue = frameStride > 0 && s1 % frameStride === 0;
    const allDone = !!cfg.stopWhenAllActivated && tracker.activated === grid.n && tn > lastStimEnd;
    // Nothing is recorded from an unchecked state.
    if (probeDue || ecgDue || frameDue || allDone || s1 % checkStride === 0 || s1 === nSteps)
      if (!checkState(s1)) break;
    if (probeDue) record(tn);
    if (ecgDue) ecg!.sample(stepper.v, tn);
    if (frameDue) cb.onFrame?.(tn, Float32Array.from(stepper.v));
    if (allDone) {
      step++;
      break;
    }
    if (performance.now() - tYield > 50) {
      cb.onProgress?.((step + 1) / nSteps);
      await new Promise((r) => setTimeout(r, 0));
      tYield = performance.now();
    }
  }
  // A cancelled run ends on a state not checked yet: check it (a blow-up since then keeps the last good one).
  if (status === 'cancelled' && lastGoodStep !== step && !checkState(step)) status = 'diverged';
  const tEndMs = status === 'diverged' ? lastGoodStep * dt : step * dt;
  cb.onProgress?.(1);
  const act = tracker.act;
  let lo = Infinity;
  let hi = -Infinity;
  for (let c = 0; c < act.length; c++) {
    const a = act[c]!;
    if (a === a) {
      lo = Math.min(lo, a);
      hi = Math.max(hi, a);
    }
  }
  let cv: number | undefined;
  let cvMethod: EpResult['cvMethod'];
  const cvp = cfg.cvPoints ?? grid.cvPoints;
  if (cvp) {
    const a = nearestCell(grid, cvp[0]);
    const b = nearestCell(grid, cvp[1]);
    const pa = cellWorld(grid, a);
    const pb = cellWorld(grid, b);
    const dtAct = act[b]! - act[a]!;
    if (dtAct > 0) cv = Math.hypot(pb[0] - pa[0], pb[1] - pa[1], pb[2] - pa[2]) / dtAct;
    cvMethod = 'axis points';
  } else {
    cv = cvFromActivation(grid, act).alongFibre;
    cvMethod = 'activation gradient';
  }
  const vm = Float32Array.from(stepper.v);
  let twice = 0;
  let excited = 0;
  let second = 0;
  const lastStimStart = Math.max(0, ...cfg.stimuli.map((s) => s.startMs + ((s.count ?? 1) - 1) * (s.cycleLengthMs ?? 0)));
  for (let c = 0; c < grid.n; c++) {
    if (tracker.late[c]! >= 2) twice++;
    if (tracker.late[c]! >= 1 && act[c]! < lastStimStart) second++;
    if (vm[c]! >= model.activationMv) excited++;
  }
  stepper.destroy();
  return {
    status,
    message,
    activationMs: act,
    apd90Ms: tracker.apd,
    vm,
    tEndMs,
    probes,
    ecg: ecg?.leads ?? [],
    totalActivationMs: hi >= lo ? hi - lo : NaN,
    lastActivationMs: hi >= lo ? hi : NaN,
    activatedFraction: tracker.activated / grid.n,
    cvAlongFibreMmPerMs: cv,
    cvMethod,
    stimuliEndMs: lastStimEnd,
    lastUpstrokeMs: tracker.lastUpMs,
    reactivatedFraction: twice / grid.n,
    secondActivationFraction: second / grid.n,
    excitedFractionEnd: excited / grid.n,
    backend,
    backendNote,
    wallMs: performance.now() - t0,
    steps: step,
    grid,
  };
}
