// Public face of the solver panels: EP (cell model, stimulus, lesion line, Run/Cancel) and stress (organ presets).
export { EpPanel } from './EpPanel';
export { EP_DEFAULTS, EP_LIMITS, parseEpParams, type EpPanelParams } from './epParams';
export { StressPanel, STRESS_PRESETS } from './StressPanel';
