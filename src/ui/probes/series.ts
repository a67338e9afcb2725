// Probe time series read from the streamed surface frames (outside React): value of the active time-varying field
// at the probe's vertex for each frame. Also exposes a small read-only debug/test hook on window.__organTwin
// (probe series, field list, last EP/stress summaries). Units: t ms, values in the field's units (Vm: mV).
import { fieldData, useFields, type Probe } from '../../app/fieldStore';
import { epResults, stressResults } from '../../app/solverClient';

export interface ProbeSeriesData {
  t: number[];
  v: number[];
}

export function probeSeries(probe: Probe, fieldName = 'Vm'): ProbeSeriesData {
  const s = fieldData.series.get(probe.organId)?.get(fieldName);
  if (!s) return { t: [], v: [] };
  const v = s.frames.map((f) => f[probe.vertex] ?? NaN);
  return { t: s.times.slice(0, v.length), v: v.map((x) => (x > -1e29 ? x : NaN)) };
}

declare global {
  interface Window {
    __organTwin?: Record<string, unknown>;
  }
}

export function exposeFieldDebug(): void {
  if (typeof window === 'undefined') return;
  window.__organTwin = {
    ...(window.__organTwin ?? {}),
    probeSeries: (i: number, field = 'Vm') => {
      const p = useFields.getState().probes[i];
      return p ? probeSeries(p, field) : undefined;
    },
    fields: () => useFields.getState().available,
    fieldState: () => {
      const { active, min, max, colormap, durationMs, probes } = useFields.getState();
      return { active, min, max, colormap, durationMs, probes: probes.length };
    },
    epSummary: () => epResults.last,
    stressSummary: () => stressResults.last,
  };
}
