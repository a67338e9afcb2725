// Grid-dependent conductivity tuning (Costa, Hoetzl, Rocha, Prassl & Plank, "Automatic parameterization
// strategy for cardiac electrophysiology simulations", Computing in Cardiology 40:373, 2013): on a coarse grid
// the explicit monodomain front is under-resolved (front width √(D·τ_upstroke) ≈ 0.2 mm vs dx = 1-2 mm), so
// the discrete front is slower than the tissue's and fails to propagate below a critical D/dx² (Keener 1987,
// SIAM J Appl Math 47:556). For each fibre direction we find the scale s with CV_dx,dt(s·σ) = CV*, iterating
// s ← s·(CV*/CV)² (CV ∝ √σ in the continuum), on a 1D cable with the run's model, dx and dt. CV* is either
// given (mm/ms) or the converged CV of the given σ: a fine reference cable (dx 0.2 and 0.1 mm, Richardson
// extrapolated for the second-order stencil, dt ≤ 0.01 ms). Units: σ S/m, CV mm/ms, dx mm, dt ms.
import { cableDomain } from './grid';
import { getModel, type ModelName } from './models';
import { ActivationTracker } from './outputs';
import { cellsInRegion, cubeAt } from './protocol';
import { assembleStencil, checkStability, diffusivity, type Conductivity } from './stencil';
import { jsStepper } from './stepper';

export interface CvPair {
  l: number;
  t: number;
}

export interface TuneOptions {
  model: ModelName;
  dxMm: number;
  dtMs: number;
  conductivity: Conductivity;
  /** Target CVs (mm/ms); default: the converged CVs of `conductivity` (reference cables). */
  targetCv?: CvPair;
  /** Relative CV tolerance of the iteration (default 1 %). */
  tol?: number;
}

export interface TunedConductivity {
  /** The conductivity to run with on this grid (σ scaled per direction). */
  conductivity: Conductivity;
  targetCv: CvPair;
  targetSource: 'given' | 'reference cable';
  /** CV on this grid with the untuned σ (null = no propagation). */
  untunedCv: { l: number | null; t: number | null };
  tunedCv: CvPair;
  scale: CvPair;
  iterations: CvPair;
}

/** Relative CV error the tuning stops at (the 3D wave sees the cable's speed to ~this accuracy along axes). */
export const TUNE_TOL = 0.01;
const MAX_ITER = 24;

/**
 * CV (mm/ms) on a cable of isotropic conductivity sigma, between 1/4 and 3/4 of its length, or null when the
 * front does not reach the far point (it stalls: no new cell activates for the stall time).
 */
export function cableCv(
  model: ModelName,
  dxMm: number,
  dtMs: number,
  sigma: number,
  base: Conductivity,
): number | null {
  const m = getModel(model);
  const L = Math.max(10, 24 * dxMm);
  const grid = cableDomain(L, dxMm);
  const cond = { ...base, sigmaL: sigma, sigmaT: sigma };
  const st = assembleStencil(grid, cond);
  checkStability(st, dtMs, dxMm);
  const stepper = jsStepper(m, st, dtMs);
  const tracker = new ActivationTracker(grid.n, m.activationMv, m.restMv);
  const stimCells = cellsInRegion(grid, cubeAt([0, 0, 0], Math.max(1, 2.01 * dxMm)));
  const stim = new Float32Array(grid.n);
  const dv = 50000 / (base.chi * base.cm);
  const a = Math.round((grid.n - 1) / 4);
  const b = Math.round((3 * (grid.n - 1)) / 4);
  // A front slower than 0.01 mm/ms counts as failed: wait at most 2·dx/0.01 ms for the next cell.
  const stallMs = Math.max(40, (2 * dxMm) / 0.01);
  const vOld = new Float32Array(grid.n);
  let lastNew = 0;
  let seen = 0;
  const steps = Math.round(5000 / dtMs);
  for (let s = 0; s < steps; s++) {
    const t = s * dtMs;
    if (t < 2) for (const c of stimCells) stim[c] = dv;
    else if (t < 2 + dtMs) stim.fill(0);
    vOld.set(stepper.v);
    void stepper.step(stim); // the js stepper is synchronous underneath
    tracker.update(vOld, stepper.v, t + dtMs, dtMs);
    if (tracker.activated !== seen) {
      seen = tracker.activated;
      lastNew = t;
    }
    const tb = tracker.act[b]!;
    if (tb === tb) {
      const ta = tracker.act[a]!;
      return ((b - a) * dxMm) / (tb - ta);
    }
    if (t - lastNew > stallMs && t > 2) return null;
  }
  return null;
}

const refCache = new Map<string, number | null>();

/** Converged CV of sigma for the model: Richardson extrapolation of dx 0.2 / 0.1 mm cables at dt ≤ 0.01 ms,
 *  and at most half the explicit stability limit of the dx 0.1 mm cable (dx²/(2D) in 1D) for large σ. */
export function referenceCv(
  model: ModelName,
  sigma: number,
  base: Conductivity,
  dtMs: number,
): number | null {
  const dt = Math.min(dtMs, 0.01, (0.5 * 0.1 ** 2) / (2 * diffusivity(sigma, base)));
  const key = `${model}|${sigma}|${base.chi}|${base.cm}|${dt}`;
  if (refCache.has(key)) return refCache.get(key)!;
  const c2 = cableCv(model, 0.2, dt, sigma, base);
  const c1 = cableCv(model, 0.1, dt, sigma, base);
  const v = c1 !== null && c2 !== null ? (4 * c1 - c2) / 3 : c1;
  refCache.set(key, v);
  return v;
}

function tuneOne(
  model: ModelName,
  dx: number,
  dt: number,
  sigma: number,
  base: Conductivity,
  target: number,
  tol: number,
): { scale: number; cv: number; untuned: number | null; iterations: number } {
  const run = (s: number) => {
    try {
      return cableCv(model, dx, dt, sigma * s, base);
    } catch (e) {
      throw new Error(
        `EP conductivity tuning: reaching CV ${target.toFixed(3)} mm/ms at dx = ${dx} mm needs σ ≥ ${(sigma * s).toPrecision(3)} S/m, ` +
          `beyond the explicit stability limit (${(e as Error).message.replace(/^EP: /, '')})`,
        { cause: e },
      );
    }
  };
  // CV(s) increases with s: keep a bracket [lo, hi] (lo too slow or failing, hi too fast); propose the
  // fixed-point step s·(CV*/CV)², fall back to the geometric midpoint when it leaves the bracket.
  let lo = 0;
  let hi = Infinity;
  let s = 1;
  let cv = run(s);
  const untuned = cv;
  let it = 0;
  let width = Infinity; // bracket width in log(s)
  let fastest: number | null = null; // slowest CV seen above the target, for the message
  while (it < MAX_ITER && (cv === null || Math.abs(cv - target) / target > tol)) {
    if (cv === null || cv < target) lo = s;
    else {
      hi = s;
      fastest = cv;
    }
    let next = cv === null ? s * 4 : s * (target / cv) ** 2;
    const w = lo > 0 && Number.isFinite(hi) ? Math.log(hi / lo) : Infinity;
    // Near the propagation threshold CV(s) is steep, so the √σ step stalls at one end: bisect unless the
    // bracket at least halved since the last step.
    const stalled = Number.isFinite(w) && w > 0.5 * width;
    if (!(next > lo && next < hi) || stalled)
      next = Number.isFinite(hi) ? (lo > 0 ? Math.sqrt(lo * hi) : hi / 2) : lo * 4;
    width = w;
    s = next;
    cv = run(s);
    it++;
    if (Number.isFinite(hi) && lo > 0 && hi / lo < 1 + 1e-4) break; // a jump in CV(s): the target is not reachable
  }
  if (cv === null || Math.abs(cv - target) / target > 3 * tol)
    throw new Error(
      `EP conductivity tuning: no σ gives CV ${target.toFixed(3)} mm/ms at dx = ${dx} mm, dt = ${dt} ms ` +
        `(the ${model} front there either fails or runs at ≥ ${fastest?.toFixed(3) ?? '?'} mm/ms): use a smaller dx`,
    );
  return { scale: s, cv, untuned, iterations: it };
}

const tuneCache = new Map<string, TunedConductivity>();

export function tuneConductivity(o: TuneOptions): TunedConductivity {
  const c = o.conductivity;
  const tol = o.tol ?? TUNE_TOL;
  const key = JSON.stringify([o.model, o.dxMm, o.dtMs, c, o.targetCv ?? null, tol]);
  const hit = tuneCache.get(key);
  if (hit) return hit;
  let target = o.targetCv;
  if (!target) {
    const l = referenceCv(o.model, c.sigmaL, c, o.dtMs);
    const t = referenceCv(o.model, c.sigmaT, c, o.dtMs);
    if (l === null || t === null)
      throw new Error(
        `EP conductivity tuning: σ = ${c.sigmaL}, ${c.sigmaT} S/m does not propagate even on a 0.1 mm cable`,
      );
    target = { l, t };
  }
  if (!(target.l > 0 && target.t > 0))
    throw new Error(`EP: target CVs must be positive, got ${target.l}, ${target.t} mm/ms`);
  const L = tuneOne(o.model, o.dxMm, o.dtMs, c.sigmaL, c, target.l, tol);
  const T = tuneOne(o.model, o.dxMm, o.dtMs, c.sigmaT, c, target.t, tol);
  const r: TunedConductivity = {
    conductivity: { ...c, sigmaL: c.sigmaL * L.scale, sigmaT: c.sigmaT * T.scale },
    targetCv: target,
    targetSource: o.targetCv ? 'given' : 'reference cable',
    untunedCv: { l: L.untuned, t: T.untuned },
    tunedCv: { l: L.cv, t: T.cv },
    scale: { l: L.scale, t: T.scale },
    iterations: { l: L.iterations, t: T.iterations },
  };
  tuneCache.set(key, r);
  return r;
}
