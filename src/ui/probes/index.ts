// Public face of the probe UI: pinned surface probes with Vm(t) plots (uPlot) and the pseudo-ECG.
export { ProbesPanel } from './ProbesPanel';
export { ProbePlot, type PlotSeries } from './ProbePlot';
export { probeSeries, exposeFieldDebug } from './series';
