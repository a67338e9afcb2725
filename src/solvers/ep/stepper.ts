// Time steppers for the monodomain equation on the compact grid: V ← V + dt·(L V + stim − I_ion/C_m) (forward
// Euler, reaction and diffusion from the same old state). 'js' = typed-array loops (all models; diffusion on the
// zero-free packed stencil, packed.ts: applyDiffusion's sums); gpu.js backends
// run the diffusion kernel plus per-model reaction kernels (MS, AP, FK: one per variable; TNNP: two packed
// kernels, ions/Ca and gates, see kernels/tnnp-*.kernel.ts).
// Units: V mV, t ms, stim mV/ms.
import type { GPU, IConstantsThis, IKernelRunShortcut, KernelFunction, ThreadKernelVariable } from 'gpu.js';
import type { Compute } from '../compute/types';
import { kernelSettings } from '../compute/kernel-settings';
import type { CellModel } from './models/types';
import { AP_PARAMS, AP_V_AMP, AP_V_REST } from './models/ap';
import { MS_PARAMS, MS_V_AMP, MS_V_REST } from './models/ms';
import { FK_BR, FK_V0, FK_VAMP } from './models/fk';
import { TNNP_PARAMS } from './models/tnnp-params';
import type { Stencil } from './stencil';
import { applyPacked, packStencil } from './packed';
import { diffusionKernel } from './kernels/diffusion.kernel';
import { apVKernel, apWKernel, msHKernel, msVKernel } from './kernels/reaction.kernel';
import { fkGvKernel, fkGwKernel, fkVKernel } from './kernels/fk.kernel';
import { tnnpGatesKernel } from './kernels/tnnp-gates.kernel';
import { tnnpIonsKernel } from './kernels/tnnp-ions.kernel';

export interface Stepper {
  v: Float32Array;
  states: Float32Array[];
  /** One step with the given per-cell stimulus dV/dt (mV/ms). */
  step(stim: Float32Array): Promise<void>;
  /** gpu.js kernels in use (empty on 'js'), for kernelBackend() introspection. */
  kernels: { kernel?: unknown }[];
  destroy(): void;
}

export function gpuSupportsModel(m: CellModel): boolean {
  return m.name === 'ms' || m.name === 'ap' || m.name === 'fk' || m.name === 'tnnp';
}

export function jsStepper(model: CellModel, st: Stencil, dt: number): Stepper {
  const n = st.n;
  const v = new Float32Array(n);
  const states = model.stateNames.map(() => new Float32Array(n));
  model.init(v, states);
  const extra = new Float32Array(n);
  const packed = packStencil(st); // zero weights dropped: applyDiffusion's sums with fewer loads
  return {
    v,
    states,
    async step(stim) {
      applyPacked(packed, v, stim, extra);
      model.step(v, states, extra, dt);
    },
    kernels: [],
    destroy() {},
  };
}

function f32(r: unknown): Float32Array {
  if (r instanceof Float32Array) return r;
  if (Array.isArray(r)) return Float32Array.from(r as number[]);
  throw new Error('EP: unexpected gpu.js kernel result');
}

type Reaction = {
  kernels: IKernelRunShortcut[];
  /** New V and states from the old ones plus the diffusion term lap and stimulus (mV/ms). */
  step(
    v: Float32Array,
    s: Float32Array[],
    lap: Float32Array,
    stim: Float32Array,
  ): Promise<[Float32Array, Float32Array[]]>;
};

/** MS/AP/FK: one reaction kernel per variable (V first), all reading the old state. */
function perVariableReaction(model: CellModel, dt: number, n: number, gpu: GPU): Reaction {
  const mk = <A extends ThreadKernelVariable[], C extends IConstantsThis>(
    fn: KernelFunction<A, C>,
    consts: Record<string, number>,
  ) => gpu.createKernel(fn, kernelSettings([n], consts)) as IKernelRunShortcut;
  if (model.name === 'fk') {
    const consts = { dt, ...FK_BR, v0: FK_V0, vAmp: FK_VAMP };
    const kV = mk(fkVKernel, consts);
    const kGv = mk(fkGvKernel, consts);
    const kGw = mk(fkGwKernel, consts);
    return {
      kernels: [kV, kGv, kGw],
      async step(v, s, lap, stim) {
        const vNew = f32(await kV(v, s[0]!, s[1]!, lap, stim));
        return [vNew, [f32(await kGv(v, s[0]!)), f32(await kGw(v, s[1]!))]];
      },
    };
  }
  const consts =
    model.name === 'ms'
      ? { dt, ...MS_PARAMS, vRest: MS_V_REST, vAmp: MS_V_AMP }
      : { dt, ...AP_PARAMS, vRest: AP_V_REST, vAmp: AP_V_AMP };
  const ms = model.name === 'ms';
  const kV = ms ? mk(msVKernel, consts) : mk(apVKernel, consts);
  const kS = ms ? mk(msHKernel, consts) : mk(apWKernel, consts);
  return {
    kernels: [kV, kS],
    async step(v, s, lap, stim) {
      const vNew = f32(await kV(v, s[0]!, lap, stim));
      return [vNew, [f32(await kS(v, s[0]!))]];
    },
  };
}

/** TNNP: two packed kernels per step (V + ions/Ca state-major over 7·n, the 12 gates over 12·n). */
function tnnpReaction(dt: number, n: number, gpu: GPU): Reaction {
  const consts = { ...TNNP_PARAMS, dt, n };
  const kI = gpu.createKernel(tnnpIonsKernel, kernelSettings([7 * n], consts)) as IKernelRunShortcut;
  const kG = gpu.createKernel(tnnpGatesKernel, kernelSettings([12 * n], consts)) as IKernelRunShortcut;
  let ions: Float32Array = new Float32Array(7 * n);
  let gates: Float32Array = new Float32Array(12 * n);
  let views: Float32Array[] = [];
  const view = (a: Float32Array, k: number) => a.subarray(k * n, (k + 1) * n);
  return {
    kernels: [kI, kG],
    async step(v, s, lap, stim) {
      // Re-pack only what the caller replaced (first step; run.ts restoring V): views are the packed buffers.
      if (v !== views[0]) ions.set(v, 0);
      for (let k = 0; k < 18; k++)
        if (s[k] !== views[k + 1]) (k < 6 ? ions : gates).set(s[k]!, (k < 6 ? k + 1 : k - 6) * n);
      const ionsNew = f32(await kI(ions, gates, lap, stim));
      gates = f32(await kG(ions, gates));
      ions = ionsNew;
      views = [
        ...Array.from({ length: 7 }, (_, k) => view(ions, k)),
        ...Array.from({ length: 12 }, (_, g) => view(gates, g)),
      ];
      return [views[0]!, views.slice(1)];
    },
  };
}

export function gpuStepper(model: CellModel, st: Stencil, dt: number, compute: Compute): Stepper {
  const gpu = compute.gpu;
  if (!gpu || !gpuSupportsModel(model)) throw new Error(`EP: model '${model.name}' has no gpu.js kernels`);
  const n = st.n;
  const nbF = Float32Array.from(st.nb);
  const v0 = new Float32Array(n);
  const states = model.stateNames.map(() => new Float32Array(n));
  model.init(v0, states);
  const kDiff = gpu.createKernel(diffusionKernel, kernelSettings([n], {}, 19)) as IKernelRunShortcut;
  const reaction = model.name === 'tnnp' ? tnnpReaction(dt, n, gpu) : perVariableReaction(model, dt, n, gpu);
  const kernels = [kDiff, ...reaction.kernels];
  const self: Stepper = {
    v: v0,
    states,
    async step(stim) {
      const lap = f32(await kDiff(self.v, nbF, st.w));
      [self.v, self.states] = await reaction.step(self.v, self.states, lap, stim);
    },
    kernels,
    destroy() {
      for (const k of kernels) k.destroy();
    },
  };
  return self;
}
