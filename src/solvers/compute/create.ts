// createCompute: picks the backend (or honours an explicit one) and builds the gpu.js instance with its mode set
// explicitly. 'auto' = a real GPU via webgpu (preferred) or webgl2; without a real GPU the fastest CPU path as
// measured by a short cached calibration (calibrate.ts: plain typed-array loop vs gpu.js webasm and cpu), whose
// figures go into ComputeInfo.reason / .calibration. An explicit backend never calibrates (deterministic tests).
// Units: ms per calibration step.
import { GPU } from 'gpu.js';
import { probeBackends } from './probe';
import { cpuCalibration, describeCalibration, type CpuCalibration } from './calibrate';
import type { BackendName, BackendProbe, Compute, ComputeInfo } from './types';
import { ALL_BACKENDS } from './types';

export type BackendPreference = 'auto' | BackendName;

export interface CreateComputeOptions {
  /** Use this CPU calibration instead of measuring (tests, or a value persisted from an earlier session). */
  calibration?: CpuCalibration;
}

function choose(
  pref: BackendPreference,
  probe: BackendProbe,
): { backend: BackendName; reason: string } | 'calibrate' {
  if (pref !== 'auto') {
    if (!ALL_BACKENDS.includes(pref))
      throw new Error(`unknown compute backend '${String(pref)}' (use auto, ${ALL_BACKENDS.join(', ')})`);
    if (!probe.available.includes(pref))
      throw new Error(
        `compute backend '${pref}' is not available here (available: ${probe.available.join(', ')})`,
      );
    return { backend: pref, reason: `requested '${pref}'` };
  }
  if (probe.realGpu) {
    const soft = (b: string) => probe.notes.some((n) => n.startsWith(`${b}:`));
    if (probe.available.includes('webgpu') && !soft('webgpu'))
      return { backend: 'webgpu', reason: `auto: real GPU via WebGPU (${probe.renderer ?? 'adapter'})` };
    if (probe.available.includes('webgl2') && !soft('webgl2'))
      return { backend: 'webgl2', reason: `auto: real GPU via WebGL2 (${probe.renderer ?? 'renderer'})` };
  }
  return 'calibrate';
}

function cpuChoice(probe: BackendProbe, cal: CpuCalibration): { backend: BackendName; reason: string } {
  const why = probe.renderer ? `only a software renderer (${probe.renderer})` : 'no GPU';
  return {
    backend: cal.fastest,
    reason: `auto: ${why}; fastest CPU path '${cal.fastest}' (${describeCalibration(cal)})`,
  };
}

/** Builds a Compute for the preference; throws an Error naming the backend when it cannot run here. */
export async function createCompute(
  pref: BackendPreference = 'auto',
  probe?: BackendProbe,
  opts: CreateComputeOptions = {},
): Promise<Compute> {
  const p = probe ?? (await probeBackends());
  const picked = choose(pref, p);
  const calibration =
    picked === 'calibrate' ? (opts.calibration ?? (await cpuCalibration(p.available))) : undefined;
  const { backend, reason } = picked === 'calibrate' ? cpuChoice(p, calibration!) : picked;
  const info: ComputeInfo = {
    backend,
    realGpu: p.realGpu,
    reason,
    available: p.available,
    renderer: p.renderer,
    ...(calibration ? { calibration } : {}),
  };
  if (backend === 'js') return { info, destroy() {} };
  const gpu = new GPU({ mode: backend });
  let destroyed = false;
  return {
    info,
    gpu,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      void Promise.resolve(gpu.destroy()).catch(() => undefined);
    },
  };
}
