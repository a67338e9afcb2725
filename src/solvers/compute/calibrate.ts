// CPU-path calibration for createCompute('auto') when no real GPU answers: times a few explicit reaction-diffusion
// steps (calibrate.kernel.ts, the EP solver's gather pattern) on a small grid with the plain typed-array loop
// ('js') and the gpu.js CPU backends ('webasm', 'cpu'), and picks the fastest. Bounded: 3-12 timed steps per
// backend within BACKEND_BUDGET_MS (~0.1-0.3 s in all on an idle machine, kernel builds included); cached per
// realm (one promise). Units: ms per step, cell updates per second.
import { GPU, type IKernelRunShortcut } from 'gpu.js';
import { calibrationKernel, CALIBRATION_K } from './calibrate.kernel';
import { kernelSettings } from './kernel-settings';
import type { BackendName } from './types';

export type CpuBackend = 'js' | 'cpu' | 'webasm';

export interface CalibrationFigure {
  backend: CpuBackend;
  /** Fastest of up to MAX_STEPS timed steps (ms), kernel build excluded; Infinity if the backend failed. */
  msPerStep: number;
  cellsPerS: number;
  /** Build + first call (ms): compile cost, reported, not used for the choice. */
  setupMs: number;
  error?: string;
}

export interface CpuCalibration {
  cells: number;
  steps: number;
  figures: CalibrationFigure[];
  fastest: CpuBackend;
  totalMs: number;
}

/** 32³ cells: big enough that per-call overhead does not dominate a gather loop, small enough to stay cheap. */
export const CALIBRATION_CELLS = 32 * 32 * 32;
const MIN_STEPS = 3;
const MAX_STEPS = 12;
/** Per backend (build + warm-up + timed steps): three backends stay well under a second. */
const BACKEND_BUDGET_MS = 220;
const DT = 0.05;
const A = 0.15;

/** Periodic 6-neighbour Laplacian (weights 1, centre −6) + self slot on an N³ box, in the compact gather layout. */
export function calibrationProblem(N: number): { u: Float32Array; nb: Float32Array; w: Float32Array } {
  const n = N * N * N;
  const nb = new Float32Array(n * CALIBRATION_K);
  const w = new Float32Array(n * CALIBRATION_K);
  const u = new Float32Array(n);
  for (let k = 0; k < N; k++)
    for (let j = 0; j < N; j++)
      for (let i = 0; i < N; i++) {
        const c = i + N * (j + N * k);
        const at = (a: number, b: number, d: number) =>
          ((a + N) % N) + N * (((b + N) % N) + N * ((d + N) % N));
        const list = [
          c,
          at(i + 1, j, k),
          at(i - 1, j, k),
          at(i, j + 1, k),
          at(i, j - 1, k),
          at(i, j, k + 1),
          at(i, j, k - 1),
        ];
        list.forEach((m, s) => {
          nb[c * CALIBRATION_K + s] = m;
          w[c * CALIBRATION_K + s] = s === 0 ? -6 * 0.2 : 0.2;
        });
        u[c] = i < N / 4 ? 1 : 0;
      }
  return { u, nb, w };
}

/** Plain-TS reference of calibrationKernel (float neighbour ids, exactly the kernel's inputs). */
export function calibrationStepRef(
  u: Float32Array,
  nb: Float32Array,
  w: Float32Array,
  out: Float32Array,
): void {
  const n = u.length;
  const K = CALIBRATION_K; // a local: imported bindings are getter calls under some loaders (vitest, tsx)
  for (let c = 0; c < n; c++) {
    const base = c * K;
    let s = 0;
    for (let k = 0; k < K; k++) s += w[base + k]! * u[nb[base + k]!]!;
    const x = u[c]!;
    out[c] = x + DT * (s + x * (1 - x) * (x - A));
  }
}

/**
 * The timed 'js' path: the same step with integer neighbour ids, as the solvers' js loops use. A separate
 * function so V8 only ever sees Int32Array ids here (mixing element kinds in one function deoptimises it).
 */
function jsLoopStep(u: Float32Array, nb: Int32Array, w: Float32Array, out: Float32Array): void {
  const n = u.length;
  const K = CALIBRATION_K; // a local: imported bindings are getter calls under some loaders (vitest, tsx)
  for (let c = 0; c < n; c++) {
    const base = c * K;
    let s = 0;
    for (let k = 0; k < K; k++) s += w[base + k]! * u[nb[base + k]!]!;
    const x = u[c]!;
    out[c] = x + DT * (s + x * (1 - x) * (x - A));
  }
}

export function calibrationKernelOn(gpu: GPU, n: number): IKernelRunShortcut {
  return gpu.createKernel(
    calibrationKernel,
    kernelSettings([n], { dt: DT, a: A }, CALIBRATION_K + 1),
  ) as IKernelRunShortcut;
}

async function timeBackend(b: CpuBackend, deadline: number): Promise<CalibrationFigure> {
  const N = Math.round(Math.cbrt(CALIBRATION_CELLS));
  const { u, nb, w } = calibrationProblem(N);
  const n = u.length;
  const fig = (msPerStep: number, setupMs: number, error?: string): CalibrationFigure => ({
    backend: b,
    msPerStep,
    cellsPerS: Number.isFinite(msPerStep) ? n / (msPerStep / 1e3) : 0,
    setupMs,
    ...(error ? { error } : {}),
  });
  const t0 = performance.now();
  let gpu: GPU | undefined;
  try {
    let step: (x: Float32Array) => Promise<Float32Array>;
    if (b === 'js') {
      const nbI = Int32Array.from(nb);
      const out = [new Float32Array(n), new Float32Array(n)];
      let flip = 0;
      step = async (x) => {
        const o = out[(flip ^= 1)]!;
        jsLoopStep(x, nbI, w, o);
        return o;
      };
    } else {
      gpu = new GPU({ mode: b });
      const k = calibrationKernelOn(gpu, n);
      step = async (x) => (await k(x, nb, w)) as Float32Array;
    }
    let x = await step(u);
    const setupMs = performance.now() - t0;
    // The minimum over the steps: noise on a shared machine only ever adds time, and the JIT's optimised code
    // (compiled on a background thread) may arrive a few steps late.
    let best = Infinity;
    for (let s = 0; s < MAX_STEPS && (s < MIN_STEPS || performance.now() < deadline); s++) {
      const ts = performance.now();
      x = await step(x);
      best = Math.min(best, performance.now() - ts);
    }
    return fig(best, setupMs);
  } catch (e) {
    return fig(Infinity, performance.now() - t0, (e as Error).message.split('\n')[0]);
  } finally {
    if (gpu) void Promise.resolve(gpu.destroy()).catch(() => undefined);
  }
}

/** Times js first (the baseline that always works), then webasm and cpu, each within its own budget. */
export async function calibrateCpuBackends(available: readonly BackendName[]): Promise<CpuCalibration> {
  const t0 = performance.now();
  const order: CpuBackend[] = (['js', 'webasm', 'cpu'] as const).filter(
    (b) => b === 'js' || available.includes(b),
  );
  const figures: CalibrationFigure[] = [];
  for (const b of order) figures.push(await timeBackend(b, performance.now() + BACKEND_BUDGET_MS));
  return {
    cells: CALIBRATION_CELLS,
    steps: MAX_STEPS,
    figures,
    fastest: pickFastest(figures),
    totalMs: performance.now() - t0,
  };
}

/**
 * A gpu.js path must beat the plain loop by JS_MARGIN to be chosen: run-to-run noise on a loaded machine is
 * ~10-20 % here, and the js path has no compile cost and is the exact reference, so near-ties go to js.
 */
export const JS_MARGIN = 1.2;

export function pickFastest(figures: CalibrationFigure[]): CpuBackend {
  const js = figures.find((f) => f.backend === 'js');
  const best = figures.reduce((a, f) => (f.msPerStep < a.msPerStep ? f : a), figures[0]!);
  if (js && best.backend !== 'js' && !(best.msPerStep * JS_MARGIN < js.msPerStep)) return 'js';
  return best.backend;
}

let cached: Promise<CpuCalibration> | undefined;

/** The realm's calibration, measured once (later calls share the first promise). */
export function cpuCalibration(available: readonly BackendName[]): Promise<CpuCalibration> {
  cached ??= calibrateCpuBackends(available);
  return cached;
}

/** Forgets the cached calibration (tests). */
export function resetCpuCalibration(): void {
  cached = undefined;
}

/** One line for ComputeInfo.reason, e.g. "js 0.41 ms/step, webasm 1.9 ms/step, cpu 3.2 ms/step (32768 cells)". */
export function describeCalibration(c: CpuCalibration): string {
  const per = c.figures
    .map(
      (f) =>
        `${f.backend} ${Number.isFinite(f.msPerStep) ? `${f.msPerStep.toPrecision(2)} ms/step` : (f.error ?? 'n/a')}`,
    )
    .join(', ');
  return `measured ${per} on ${c.cells} cells in ${c.totalMs.toFixed(0)} ms; a gpu.js path must beat js by ${JS_MARGIN}×`;
}
