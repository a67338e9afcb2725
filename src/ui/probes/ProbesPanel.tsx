// Probes panel: pin points on the organ surface (click mode), list them with their position and current value
// (ProbeList), plot a time-varying field at every probe over time with uPlot (the shown field if it varies in
// time, else Vm), export the probes as CSV, and the pseudo-ECG leads of the last EP run below. Re-reads the
// series when new frames arrive (dataVersion). Units: ms, the field's units (Vm: mV).
import { useEffect } from 'react';
import { useFields } from '../../app/fieldStore';
import { useApp } from '../../app/store';
import { epResults } from '../../app/solverClient';
import { download, safeName } from '../download';
import { ProbePlot, type PlotSeries } from './ProbePlot';
import { ProbeList } from './ProbeList';
import { alignSeries, exposeFieldDebug, plotField, probeCsv, probeSeries } from './series';

const ECG_COLOURS = ['#9ad', '#e9a', '#ad9'];

/** Downloads the probes' CSV for the shown field (or the plotted one when none is shown). */
export function exportProbeCsv(): string | undefined {
  const { probes, active, available } = useFields.getState();
  const field = available.find((a) => a.name === active) ?? available.find((a) => a.name === plotField()?.name);
  if (!field || probes.length === 0) {
    useApp.getState().notify('error', 'Probe CSV: pin a probe and show a field first');
    return undefined;
  }
  const name = `${safeName(useApp.getState().sourceName)}-probes-${safeName(field.name)}.csv`;
  download(name, new Blob([probeCsv(probes, field)], { type: 'text/csv' }));
  return name;
}

export function ProbesPanel() {
  const probes = useFields((s) => s.probes);
  const pickMode = useFields((s) => s.pickMode);
  const set = useFields((s) => s.set);
  useFields((s) => s.dataVersion);
  useFields((s) => s.active);
  useEffect(() => exposeFieldDebug(), []);
  const field = plotField();
  const aligned = field ? alignSeries(probes.map((p) => probeSeries(p, field.name))) : undefined;
  const series: PlotSeries[] = aligned ? probes.map((p, i) => ({ label: `P${p.id}`, color: p.color, t: aligned.t, v: aligned.v[i]! })) : [];
  const ecg = epResults.last?.ecg ?? [];
  const ecgSeries: PlotSeries[] = ecg.map((l, i) => ({ label: l.name, color: ECG_COLOURS[i % 3]!, t: l.t, v: l.phi }));
  return (
    <section className="probes-panel" aria-label="probes">
      <h2>Probes</h2>
      <div className="row">
        <button
          type="button"
          aria-pressed={pickMode === 'probe'}
          onClick={() => set({ pickMode: pickMode === 'probe' ? 'none' : 'probe' })}
        >
          {pickMode === 'probe' ? 'Click on the organ… (done)' : 'Pin probes'}
        </button>
        {probes.length > 0 && (
          <button type="button" onClick={() => exportProbeCsv()} title="time in ms and one column per probe">
            Probe CSV
          </button>
        )}
      </div>
      <ProbeList />
      {field && series.length > 0 && aligned!.t.length > 0 && (
        <ProbePlot series={series} yLabel={`${field.name} (${field.units})`} testId="probe-plot" />
      )}
      {ecgSeries.length > 0 && (
        <>
          <h3>Pseudo-ECG (unscaled)</h3>
          <ProbePlot series={ecgSeries} yLabel="φ (a.u.)" height={120} testId="ecg-plot" />
        </>
      )}
    </section>
  );
}
