// Public face of the field UI: scalar bar overlay, timeline, field selector panel, tick/range helpers.
export { ScalarBar } from './ScalarBar';
export { Timeline } from './Timeline';
export { FieldPanel } from './FieldPanel';
export { niceTicks, niceStep, formatTick, robustRange, fullRange, NO_DATA } from './ticks';
