// Cell-model interface shared by the EP solver. Membrane potential V is always mV in the solver; models with
// dimensionless variables map them internally. Time in ms; `extra` is the non-ionic dV/dt in mV/ms
// (diffusion + stimulus/C_m). One call advances every cell; per-cell state arrays are structure-of-arrays.
export type ModelName = 'ms' | 'ap' | 'fk' | 'tnnp';

export interface CellModel {
  name: ModelName;
  /** Citation of the paper the equations and parameters come from. */
  source: string;
  stateNames: string[];
  /** Resting potential, mV. */
  restMv: number;
  /** Activation = first upcrossing of this potential, mV. */
  activationMv: number;
  /** Largest dt (ms) the model's own forward-Euler/Rush-Larsen update tolerates (guard, not a promise). */
  maxDtMs: number;
  /** Fills V (mV) and states with the resting state. */
  init(v: Float32Array, s: Float32Array[]): void;
  /** Advances cells [0, v.length) by dt ms: V += dt·(−I_ion/C_m + extra). */
  step(v: Float32Array, s: Float32Array[], extra: Float32Array, dt: number): void;
}
