// Time steppers for the monodomain equation on the compact grid: V ← V + dt·(L V + stim − I_ion/C_m) (forward
// Euler, reaction and diffusion from the same old state). 'js' = typed-array loops (all models); gpu.js backends
// run the diffusion + MS/AP reaction kernels; FK and TNNP run only on 'js' (the caller reports the fallback).
// Units: V mV, t ms, stim mV/ms.
import type { IKernelRunShortcut } from 'gpu.js';
import type { Compute } from '../compute/types';
import { kernelSettings } from '../compute/kernel-settings';
import type { CellModel } from './models/types';
import { AP_PARAMS, AP_V_AMP, AP_V_REST } from './models/ap';
import { MS_PARAMS, MS_V_AMP, MS_V_REST } from './models/ms';
import { applyDiffusion, type Stencil } from './stencil';
import { diffusionKernel } from './kernels/diffusion.kernel';
import { apVKernel, apWKernel, msHKernel, msVKernel } from './kernels/reaction.kernel';

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
  return m.name === 'ms' || m.name === 'ap';
}

export function jsStepper(model: CellModel, st: Stencil, dt: number): Stepper {
  const n = st.n;
  const v = new Float32Array(n);
  const states = model.stateNames.map(() => new Float32Array(n));
  model.init(v, states);
  const extra = new Float32Array(n);
  return {
    v,
    states,
    async step(stim) {
      applyDiffusion(st, v, extra);
      for (let c = 0; c < n; c++) extra[c] = extra[c]! + stim[c]!;
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

export function gpuStepper(model: CellModel, st: Stencil, dt: number, compute: Compute): Stepper {
  const gpu = compute.gpu;
  if (!gpu || !gpuSupportsModel(model)) throw new Error(`EP: model '${model.name}' has no gpu.js kernels`);
  const n = st.n;
  const nbF = Float32Array.from(st.nb);
  const v0 = new Float32Array(n);
  const states = model.stateNames.map(() => new Float32Array(n));
  model.init(v0, states);
  const kDiff = gpu.createKernel(diffusionKernel, kernelSettings([n], {}, 19)) as IKernelRunShortcut;
  const consts =
    model.name === 'ms'
      ? { dt, ...MS_PARAMS, vRest: MS_V_REST, vAmp: MS_V_AMP }
      : { dt, ...AP_PARAMS, vRest: AP_V_REST, vAmp: AP_V_AMP };
  const ks = kernelSettings([n], consts);
  const kV = (
    model.name === 'ms' ? gpu.createKernel(msVKernel, ks) : gpu.createKernel(apVKernel, ks)
  ) as IKernelRunShortcut;
  const kS = (
    model.name === 'ms' ? gpu.createKernel(msHKernel, ks) : gpu.createKernel(apWKernel, ks)
  ) as IKernelRunShortcut;
  const self: Stepper = {
    v: v0,
    states,
    async step(stim) {
      const lap = f32(await kDiff(self.v, nbF, st.w));
      const vNew = f32(await kV(self.v, self.states[0]!, lap, stim));
      const sNew = f32(await kS(self.v, self.states[0]!));
      self.v = vNew;
      self.states = [sNew];
    },
    kernels: [kDiff, kV, kS],
    destroy() {
      for (const k of [kDiff, kV, kS]) k.destroy();
    },
  };
  return self;
}
