// Public face of the field UI: scalar bar overlay, timeline, field selector panel, tick/range helpers, the
// playback-time hook for panels that show values at the current time.
export { ScalarBar } from './ScalarBar';
export { Timeline } from './Timeline';
export { FieldPanel } from './FieldPanel';
export { usePlayheadMs } from './usePlayhead';
export { niceTicks, niceStep, formatTick, robustRange, fullRange, NO_DATA } from './ticks';
