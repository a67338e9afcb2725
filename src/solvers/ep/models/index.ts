// Cell models for the monodomain solver (V in mV, t in ms): Mitchell-Schaeffer, Aliev-Panfilov, Fenton-Karma,
// ten Tusscher-Panfilov 2006 (epi). getModel(name) returns the model or throws naming the valid ones.
import type { CellModel, ModelName } from './types';
import { mitchellSchaeffer } from './ms';
import { alievPanfilov } from './ap';
import { fentonKarma } from './fk';
import { tenTusscherPanfilov } from './tnnp';

export type { CellModel, ModelName } from './types';
export { mitchellSchaeffer, MS_PARAMS, MS_V_AMP, MS_V_REST } from './ms';
export { alievPanfilov, AP_PARAMS, AP_V_AMP, AP_V_REST } from './ap';
export { fentonKarma, FK_BR } from './fk';
export { tenTusscherPanfilov, TNNP_INIT, TNNP_STATE } from './tnnp';

export const MODELS: Record<ModelName, CellModel> = {
  ms: mitchellSchaeffer,
  ap: alievPanfilov,
  fk: fentonKarma,
  tnnp: tenTusscherPanfilov,
};

export function getModel(name: string): CellModel {
  const m = (MODELS as Record<string, CellModel | undefined>)[name];
  if (!m) throw new Error(`unknown cell model '${name}' (use ${Object.keys(MODELS).join(', ')})`);
  return m;
}
