// Solver worker (Comlink): runs the EP and stress workflows off the main thread on a copy of the current scan
// (label map / image handed over from the pipeline worker). Progress is reported through a callback; cancel is a
// SharedArrayBuffer flag polled from the progress/frame callbacks (see cancel.ts). Field frames (per mesh and on
// the solver grid, for the slice overlays) are transferred.
// Units: mV, ms, mm, kPa/MPa; frames: world RAS mm.
import * as Comlink from 'comlink';
import type { Volume } from '../../volume/types';
import { signalFromFlag, type CancelFlag } from './cancel';
import { runEpOnLabels, type EpRunRequest, type EpSummary, type MeshTarget } from './solver-ep-run';
import { runStressOnScan, type StressParams, type StressSummary } from './solver-stress-run';
import { stressFieldArrays } from './stress-surface';
import type { GridGeometry } from './slice-field';

export type Progress = (fraction: number, message: string) => void;
/** Vm frame: per-mesh samples and the compact grid values (omitted by callers that passed no grid sink). */
export type FrameSink = (tMs: number, perMesh: Float32Array[], grid?: Float32Array) => void;
export type GridSink = (g: GridGeometry) => void;

const scan: { labels?: Volume; image?: Volume; subregions?: Volume } = {};

function transferSummary<T extends object>(value: T, arrays: Float32Array[]): T {
  return Comlink.transfer(value, arrays.map((a) => a.buffer as ArrayBuffer));
}

const api = {
  /** Hands the current scan's volumes (labels, image, VerSe sub-regions) to the worker (buffers transferred). */
  setScan(labels: Volume | undefined, image?: Volume, subregions?: Volume): void {
    scan.labels = labels;
    scan.image = image;
    scan.subregions = subregions;
  },
  hasScan(): boolean {
    return !!scan.labels;
  },
  async runEp(
    params: EpRunRequest,
    targets: MeshTarget[],
    onFrame: FrameSink,
    progress: Progress,
    flag?: CancelFlag,
    onGrid?: GridSink,
  ): Promise<EpSummary> {
    if (!scan.labels) throw new Error('no scan is loaded in the solver worker');
    const { signal, poll } = signalFromFlag(flag);
    const summary = await runEpOnLabels(
      scan.labels,
      targets,
      params,
      (t, perMesh, grid) => {
        poll();
        const out = onGrid ? [...perMesh, grid] : perMesh;
        void onFrame(t, Comlink.transfer(perMesh, out.map((a) => a.buffer as ArrayBuffer)), onGrid ? grid : undefined);
      },
      (f, msg) => {
        poll();
        void progress(f, msg);
      },
      signal,
      onGrid ? (g) => void onGrid(Comlink.transfer(g, [g.index!.buffer as ArrayBuffer])) : undefined,
      scan.image,
    );
    return transferSummary(summary, [...summary.activation, summary.activationGrid]);
  },
  async runStress(params: StressParams, targets: MeshTarget[], progress: Progress, flag?: CancelFlag): Promise<StressSummary> {
    if (!scan.labels) throw new Error('no scan is loaded in the solver worker');
    const { signal, poll } = signalFromFlag(flag);
    const summary = await runStressOnScan(scan.labels, scan.image, targets, params, (f, msg) => {
      poll();
      void progress(f, msg);
    }, signal, scan.subregions);
    const g = summary.grid;
    const arrays = summary.fields.flatMap(stressFieldArrays);
    return Comlink.transfer(summary, [...arrays, g.vonMises, g.maxPrincipal, g.dispMag].map((a) => a.buffer as ArrayBuffer).concat(g.index!.buffer as ArrayBuffer));
  },
};

export type SolverApi = typeof api;
Comlink.expose(api);
