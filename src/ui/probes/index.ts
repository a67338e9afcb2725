// Public face of the probe UI: pinned surface probes with their current values, time plots of the shown
// (or Vm) field (uPlot), the probe CSV export and the pseudo-ECG.
export { ProbesPanel, exportProbeCsv } from './ProbesPanel';
export { ProbePlot, type PlotSeries } from './ProbePlot';
export { probeSeries, alignSeries, plotField, probeCsv, exposeFieldDebug } from './series';
