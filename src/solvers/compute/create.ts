// createCompute: picks the backend (or honours an explicit one) and builds the gpu.js instance with its mode set
// explicitly. 'auto' = a real GPU via webgpu (preferred) or webgl2; without a real GPU the plain typed-array
// loop ('js'), which on CPU-only machines beats every gpu.js backend (see bench/ep.bench.ts). No units.
import { GPU } from 'gpu.js';
import { probeBackends } from './probe';
import type { BackendName, BackendProbe, Compute, ComputeInfo } from './types';
import { ALL_BACKENDS } from './types';

export type BackendPreference = 'auto' | BackendName;

function choose(pref: BackendPreference, probe: BackendProbe): { backend: BackendName; reason: string } {
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
  const why = probe.renderer ? `only a software renderer (${probe.renderer})` : 'no GPU';
  return { backend: 'js', reason: `auto: ${why}; plain typed-array loops are the fastest CPU path here` };
}

/** Builds a Compute for the preference; throws an Error naming the backend when it cannot run here. */
export async function createCompute(
  pref: BackendPreference = 'auto',
  probe?: BackendProbe,
): Promise<Compute> {
  const p = probe ?? (await probeBackends());
  const { backend, reason } = choose(pref, p);
  const info: ComputeInfo = {
    backend,
    realGpu: p.realGpu,
    reason,
    available: p.available,
    renderer: p.renderer,
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
