// Probes panel: pin points on the organ surface (click mode), list them with their RAS position, and plot the
// active time-varying field (Vm, mV) at each probe over time with uPlot; the pseudo-ECG leads of the last EP run
// below. Re-reads the series when new frames arrive (dataVersion).
import { useEffect } from 'react';
import { useFields } from '../../app/fieldStore';
import { epResults } from '../../app/solverClient';
import { ProbePlot, type PlotSeries } from './ProbePlot';
import { exposeFieldDebug, probeSeries } from './series';

const ECG_COLOURS = ['#9ad', '#e9a', '#ad9'];

export function ProbesPanel() {
  const probes = useFields((s) => s.probes);
  const pickMode = useFields((s) => s.pickMode);
  const set = useFields((s) => s.set);
  const removeProbe = useFields((s) => s.removeProbe);
  useFields((s) => s.dataVersion);
  useEffect(() => exposeFieldDebug(), []);
  const series: PlotSeries[] = probes.map((p) => ({ label: `P${p.id}`, color: p.color, ...probeSeries(p) }));
  const ecg = epResults.last?.ecg ?? [];
  const ecgSeries: PlotSeries[] = ecg.map((l, i) => ({ label: l.name, color: ECG_COLOURS[i % 3]!, t: l.t, v: l.phi }));
  return (
    <section className="probes-panel" aria-label="probes">
      <h2>Probes</h2>
      <button
        type="button"
        aria-pressed={pickMode === 'probe'}
        onClick={() => set({ pickMode: pickMode === 'probe' ? 'none' : 'probe' })}
      >
        {pickMode === 'probe' ? 'Click on the organ… (done)' : 'Pin probes'}
      </button>
      <ul className="probe-list">
        {probes.map((p) => (
          <li key={p.id}>
            <span style={{ color: p.color }}>●</span> P{p.id} ({p.ras.map((v) => v.toFixed(0)).join(', ')}) mm
            <button type="button" aria-label={`remove probe ${p.id}`} onClick={() => removeProbe(p.id)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {series.length > 0 && series[0]!.t.length > 0 && <ProbePlot series={series} yLabel="Vm (mV)" testId="probe-plot" />}
      {ecgSeries.length > 0 && (
        <>
          <h3>Pseudo-ECG (unscaled)</h3>
          <ProbePlot series={ecgSeries} yLabel="φ (a.u.)" height={120} testId="ecg-plot" />
        </>
      )}
    </section>
  );
}
