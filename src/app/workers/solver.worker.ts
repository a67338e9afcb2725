// Solver worker (Comlink): runs the EP and stress workflows off the main thread on a copy of the current scan
// (label map / image handed over from the pipeline worker). Progress is reported through a callback; cancel is a
// SharedArrayBuffer flag polled from the progress/frame callbacks (see cancel.ts). Field frames are transferred.
// Units: mV, ms, mm, kPa/MPa; frames: world RAS mm.
import * as Comlink from 'comlink';
import type { Volume } from '../../volume/types';
import { signalFromFlag, type CancelFlag } from './cancel';
import { runEpOnLabels, type EpRunParams, type EpSummary, type MeshTarget } from './solver-ep-run';
import { runStressOnScan, type StressParams, type StressSummary } from './solver-stress-run';

export type Progress = (fraction: number, message: string) => void;
export type FrameSink = (tMs: number, perMesh: Float32Array[]) => void;

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
  async runEp(params: EpRunParams, targets: MeshTarget[], onFrame: FrameSink, progress: Progress, flag?: CancelFlag): Promise<EpSummary> {
    if (!scan.labels) throw new Error('no scan is loaded in the solver worker');
    const { signal, poll } = signalFromFlag(flag);
    const summary = await runEpOnLabels(
      scan.labels,
      targets,
      params,
      (t, perMesh) => {
        poll();
        void onFrame(t, Comlink.transfer(perMesh, perMesh.map((a) => a.buffer as ArrayBuffer)));
      },
      (f, msg) => {
        poll();
        void progress(f, msg);
      },
      signal,
    );
    return transferSummary(summary, summary.activation);
  },
  async runStress(params: StressParams, targets: MeshTarget[], progress: Progress, flag?: CancelFlag): Promise<StressSummary> {
    if (!scan.labels) throw new Error('no scan is loaded in the solver worker');
    const { signal, poll } = signalFromFlag(flag);
    const summary = await runStressOnScan(scan.labels, scan.image, targets, params, (f, msg) => {
      poll();
      void progress(f, msg);
    }, signal, scan.subregions);
    return transferSummary(summary, summary.fields.flatMap((f) => [f.vonMises, f.displacement, f.dispMag, f.maxPrincipal]));
  },
};

export type SolverApi = typeof api;
Comlink.expose(api);
