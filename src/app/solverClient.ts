// Main-thread side of the solver worker: hands it the current scan (from the pipeline worker, buffers transferred),
// sends the organ meshes' positions, runs EP / stress as cancellable tasks (TaskBar progress), appends streamed Vm
// frames into fieldData (outside React; per mesh, and on the solver grid in fieldData.grids for the slice overlays)
// and publishes field names to the field store. Solver problems (stability
// guard, divergence, no tissue) become notices; the app stays usable. Units: ms, mV, mm, kPa/MPa; world RAS mm.
import * as Comlink from 'comlink';
import type { SolverApi } from './workers/solver.worker';
import type { EpRunRequest, EpSummary } from './workers/solver-ep-run';
import type { StressParams, StressSummary } from './workers/solver-stress-run';
import { pipeline, runTask } from './pipelineClient';
import { restartingWorker } from './restartingWorker';
import { meshRegistry } from './meshRegistry';
import { useApp } from './store';
import { fieldData, playhead, useFields, type FieldSeries } from './fieldStore';
import { appendGridFrame, staticGridField, timeGridField, type GridField } from './gridField';
import type { GridGeometry } from './workers/slice-field';
import { requestFieldRedraw } from '../scene/fields/commands';
import { labelEpRun } from './epStatus';

// A new scan invalidates every field (they are keyed by the old organ ids) and the worker's copy of the scan.
useApp.subscribe((s, prev) => {
  if (s.sourceName === prev.sourceName) return;
  useFields.getState().clearAll();
  useFields.getState().set({ probes: [], stimulus: undefined, lesion: [], load: undefined, fixed: undefined });
});

let scanOf = '';

const handle = restartingWorker<SolverApi>(
  () => new Worker(new URL('./workers/solver.worker.ts', import.meta.url), { type: 'module' }),
  'solver',
  'The scene and your session are kept; run the solver again.',
  () => (scanOf = ''), // the new worker has no scan yet
);

function solver(): Comlink.Remote<SolverApi> {
  return handle.remote();
}

/** The live solver worker, if any (debug hook for crash-recovery tests; see src/app/session/debug.ts). */
export function solverWorkerForDebug(): Worker | undefined {
  return handle.current();
}

async function ensureScan(needImage: boolean): Promise<Comlink.Remote<SolverApi>> {
  const s = solver();
  const key = useApp.getState().sourceName + (needImage ? '+image' : '');
  if (scanOf === key && (await s.hasScan())) return s;
  const labels = await pipeline().getVolume('labels');
  if (!labels) throw new Error('no scan is loaded');
  const image = needImage ? await pipeline().getVolume('image') : undefined;
  // the VerSe sub-region map (if the scan had one) gives the stress solver the vertebral-body rim (cortical shell)
  const subregions = needImage ? await pipeline().getVolume('subregions') : undefined;
  const bufs = [labels, image, subregions].flatMap((v) => (v ? [v.data.buffer as ArrayBuffer] : []));
  await s.setScan(Comlink.transfer(labels, bufs), image, subregions);
  scanOf = key;
  return s;
}

/** Organ ids whose mesh name matches, with a copy of their positions (RAS mm). */
export function organTargets(match: (name: string) => boolean): { organId: string; positions: Float32Array }[] {
  return useApp
    .getState()
    .organs.filter((o) => match(o.name))
    .map((o) => ({ organId: o.id, positions: meshRegistry.get(o.id)!.positions.slice() }));
}

function putSeries(organId: string, s: FieldSeries): void {
  let byName = fieldData.series.get(organId);
  if (!byName) fieldData.series.set(organId, (byName = new Map()));
  byName.set(s.name, s);
}

/** Minimum interval between field-store publishes while a solver streams frames (ms). */
const PUBLISH_MS = 250;

function isCancel(err: unknown): boolean {
  return err instanceof Error && /cancel/i.test(err.message);
}

export interface EpOutcome extends Omit<EpSummary, 'activation' | 'activationGrid'> {
  organIds: string[];
}

/** Last EP run's summary (ECG, backend) for panels and tests; null before the first run. */
export const epResults: { last: EpOutcome | null } = { last: null };

export async function runEpWorkflow(params: EpRunRequest, match: (name: string) => boolean): Promise<EpOutcome | undefined> {
  const notify = useApp.getState().notify;
  const targets = organTargets(match);
  if (targets.length === 0) {
    notify('error', 'EP: no heart mesh in the scene (expected an organ named like "heart_myocardium")');
    return undefined;
  }
  // The previous results stay until the new run delivers its first frame (a run that fails early loses nothing).
  const vm: FieldSeries[] = targets.map((t) => ({ name: 'Vm', units: 'mV', nVertices: t.positions.length / 3, frames: [], times: [] }));
  let started = false;
  // Grid geometry, frames and the summary come over different message ports (no ordering between them): grid
  // frames wait for the geometry, and the activation grid for whichever of geometry and summary comes last.
  let geometry: GridGeometry | undefined;
  let vmGrid: GridField | undefined;
  const early: [number, Float32Array][] = [];
  let activationGrid: Float32Array | undefined;
  const attachGrids = () => {
    if (!geometry) return;
    if (started && !vmGrid) {
      fieldData.grids.set('Vm', (vmGrid = timeGridField('Vm', 'mV', geometry)));
      for (const [t, f] of early.splice(0)) appendGridFrame(vmGrid, t, f);
    }
    if (activationGrid) {
      fieldData.grids.set('activation', staticGridField('activation', 'ms', geometry, activationGrid));
      activationGrid = undefined;
      schedulePublish();
    }
  };
  const start = () => {
    started = true;
    useFields.getState().clearAll();
    targets.forEach((t, i) => putSeries(t.organId, vm[i]!));
    attachGrids();
    playhead.timeMs = 0;
    useFields.getState().set({ active: 'Vm', colormap: 'voltage', rangeMode: 'manual', min: -90, max: 30, isochrones: false });
  };
  // Publish at most every PUBLISH_MS, with a trailing publish so the last frames (and frames arriving after the
  // summary) always reach the store.
  let lastPublish = 0;
  let lastT = 0;
  let finished = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    lastPublish = performance.now();
    useFields.getState().publish();
    if (!finished && !useFields.getState().playing) playhead.timeMs = lastT;
    requestFieldRedraw();
  };
  function schedulePublish() {
    if (performance.now() - lastPublish > PUBLISH_MS) flush();
    else timer ??= setTimeout(flush, PUBLISH_MS);
  }
  const onGrid = Comlink.proxy((g: GridGeometry) => {
    geometry = g;
    attachGrids();
  });
  const onFrame = Comlink.proxy((t: number, perMesh: Float32Array[], grid?: Float32Array) => {
    if (!started) start();
    perMesh.forEach((f, i) => {
      vm[i]!.frames.push(f);
      vm[i]!.times.push(t);
    });
    if (grid) {
      if (vmGrid) appendGridFrame(vmGrid, t, grid);
      else early.push([t, grid]);
    }
    lastT = t;
    schedulePublish();
  });
  try {
    // a whole-heart label (not named myocardium, no cavities) needs the CT: the worker subtracts the blood pool
    const named = useApp.getState().organs.filter((o) => o.label !== undefined && params.labels.includes(o.label));
    const s = await ensureScan(params.cavityLabels.length === 0 && !named.some((o) => /myocard/i.test(o.name)));
    const summary = await runTask('ep', `EP (${params.model}, dx ${params.dxMm} mm)`, (progress, flag) =>
      s.runEp(params, Comlink.transfer(targets, targets.map((t) => t.positions.buffer as ArrayBuffer)), onFrame, progress, flag, onGrid),
    );
    finished = true;
    if (!started) start();
    activationGrid = summary.activationGrid;
    attachGrids();
    summary.activation.forEach((a, i) =>
      putSeries(targets[i]!.organId, { name: 'activation', units: 'ms', nVertices: a.length, frames: [a], times: [] }),
    );
    const { activation: _a, activationGrid: _g, ...rest } = summary;
    epResults.last = { ...rest, organIds: targets.map((t) => t.organId) };
    useFields.getState().publish();
    requestFieldRedraw();
    if (summary.status === 'diverged') notify('error', summary.message ?? 'EP diverged');
    else if (summary.status === 'cancelled') notify('info', `EP ${summary.message ?? 'cancelled'}; frames so far are kept.`);
    else
      notify(
        'info',
        `EP done on ${summary.backend}: ${summary.cells} voxels, ${(summary.wallMs / 1000).toFixed(1)} s, ` +
          `${(100 * summary.activatedFraction).toFixed(0)} % activated in ${summary.totalActivationMs.toFixed(0)} ms`,
      );
    labelEpRun(summary.status, started, summary.message);
    return epResults.last;
  } catch (err) {
    if (started) useFields.getState().publish();
    const why = err instanceof Error ? err.message : String(err);
    if (isCancel(err)) notify('info', 'EP cancelled; frames so far are kept.');
    else notify('error', `EP: ${why}`);
    labelEpRun(isCancel(err) ? 'cancelled' : 'failed', started, why);
    return undefined;
  }
}

export const stressResults: { last: (Omit<StressSummary, 'fields' | 'grid'> & { organIds: string[] }) | null } = { last: null };

export async function runStressWorkflow(params: StressParams, organIds: string[]): Promise<void> {
  const notify = useApp.getState().notify;
  const targets = organTargets(() => false);
  for (const id of organIds) {
    const m = meshRegistry.get(id);
    if (m) targets.push({ organId: id, positions: m.positions.slice() });
  }
  if (targets.length === 0) {
    notify('error', 'Stress: the selected organ has no mesh in the scene');
    return;
  }
  try {
    const s = await ensureScan(params.material === 'hu');
    const summary = await runTask('stress', `Stress (${params.preset})`, (progress, flag) =>
      s.runStress(params, targets, progress, flag),
    );
    useFields.getState().clearAll();
    summary.fields.forEach((f, i) => {
      const id = targets[i]!.organId;
      const n = f.vonMises.length;
      putSeries(id, { name: 'von Mises', units: summary.units, nVertices: n, frames: [f.vonMises], times: [] });
      putSeries(id, { name: 'max principal', units: summary.units, nVertices: n, frames: [f.maxPrincipal], times: [], signed: true });
      putSeries(id, { name: 'displacement', units: 'mm', nVertices: n, frames: [f.dispMag], times: [] });
      // strains (%, signed) and strain energy density (kJ/m³ bone, J/m³ soft tissue) next to the stresses
      for (const x of f.extra) putSeries(id, { name: x.name, units: x.units, nVertices: n, frames: [x.values], times: [], signed: x.units === '%' });
      fieldData.displacement.set(id, f.displacement);
    });
    const g = summary.grid;
    fieldData.grids.set('von Mises', staticGridField('von Mises', summary.units, g, g.vonMises));
    fieldData.grids.set('max principal', staticGridField('max principal', summary.units, g, g.maxPrincipal));
    fieldData.grids.set('displacement', staticGridField('displacement', 'mm', g, g.dispMag));
    const { fields: _f, grid: _g, ...rest } = summary;
    stressResults.last = { ...rest, organIds: targets.map((t) => t.organId) };
    const maxD = summary.maxDispMm;
    useFields.getState().set({ active: 'von Mises', colormap: 'viridis', rangeMode: 'robust', dispScale: maxD > 0 ? Math.max(1, Math.min(1000, 3 / maxD)) : 1 });
    useFields.getState().publish();
    requestFieldRedraw();
    notify(
      summary.converged ? 'info' : 'error',
      `Stress (${summary.description}) on ${summary.backend}: ${summary.elements} elements, ${summary.iterations} PCG iterations` +
        `${summary.converged ? '' : ' — NOT converged, results are approximate'}, max displacement ${maxD.toPrecision(3)} mm`,
    );
  } catch (err) {
    if (isCancel(err)) notify('info', 'Stress run cancelled; nothing changed.');
    else notify('error', `Stress: ${err instanceof Error ? err.message : String(err)}`);
  }
}
