// Public face of the solver panels: EP (cell model, stimulus, lesion line, Run/Cancel) and stress (organ presets).
export { EpPanel, EP_DEFAULTS } from './EpPanel';
export { StressPanel, STRESS_PRESETS } from './StressPanel';
