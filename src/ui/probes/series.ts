// Probe data read from the streamed surface frames (outside React): a field's value at each probe's vertex per
// frame, several probes aligned on one time axis (union of their frame times, NaN where a probe has no frame),
// the field a probe plot shows, and the probe CSV (time-varying: t [ms] + one column per probe; static: one row
// per probe with organ, vertex and RAS position). Also exposes a small read-only debug/test hook on
// window.__organTwin. Units: t ms, values in the field's units (Vm: mV), positions world RAS mm.
import { fieldData, useFields, type Probe } from '../../app/fieldStore';
import { useApp } from '../../app/store';
import { epResults, stressResults } from '../../app/solverClient';
import { isData } from '../../app/fieldValues';
import { csvHeader, csvNumber, writeTimeSeriesCsv, type CsvColumn } from '../../meshes/io';

export interface ProbeSeriesData {
  t: number[];
  v: number[];
}

export function probeSeries(probe: Probe, fieldName = 'Vm'): ProbeSeriesData {
  const s = fieldData.series.get(probe.organId)?.get(fieldName);
  if (!s) return { t: [], v: [] };
  const v = s.frames.map((f) => f[probe.vertex] ?? NaN);
  return { t: s.times.slice(0, v.length), v: v.map((x) => (isData(x) ? x : NaN)) };
}

/** Several series on one time axis: the sorted union of their times; NaN where a series has no sample. */
export function alignSeries(list: ProbeSeriesData[]): { t: number[]; v: number[][] } {
  const times = [...new Set(list.flatMap((s) => s.t))].sort((a, b) => a - b);
  const at = new Map(times.map((t, i) => [t, i]));
  const v = list.map((s) => {
    const out = new Array<number>(times.length).fill(NaN);
    s.t.forEach((t, i) => (out[at.get(t)!] = s.v[i] ?? NaN));
    return out;
  });
  return { t: times, v };
}

/** The field a probe plot shows: the active one if it varies in time, else Vm (or any time-varying field). */
export function plotField(): { name: string; units: string } | undefined {
  const { active, available } = useFields.getState();
  const timed = available.filter((a) => a.timeVarying);
  return timed.find((a) => a.name === active) ?? timed.find((a) => a.name === 'Vm') ?? timed[0];
}

function organName(id: string): string {
  return useApp.getState().organs.find((o) => o.id === id)?.name ?? id;
}

function probeTitle(p: Probe, field: string): string {
  const [x, y, z] = p.ras.map((c) => c.toFixed(1));
  return `P${p.id} ${field} (${organName(p.organId)} RAS ${x} ${y} ${z} mm)`;
}

/** CSV of the probes for `field`: a time table for time-varying fields, one row per probe for static ones. */
export function probeCsv(probes: Probe[], field: { name: string; units: string; timeVarying: boolean }): string {
  if (field.timeVarying) {
    const { t, v } = alignSeries(probes.map((p) => probeSeries(p, field.name)));
    const cols: CsvColumn[] = probes.map((p, i) => ({ name: probeTitle(p, field.name), units: field.units, values: v[i]! }));
    return writeTimeSeriesCsv(t, cols);
  }
  const head = ['probe', 'organ', 'vertex', 'x_RAS [mm]', 'y_RAS [mm]', 'z_RAS [mm]', csvHeader(field.name, field.units)];
  const rows = probes.map((p) => {
    const value = fieldData.series.get(p.organId)?.get(field.name)?.frames[0]?.[p.vertex];
    return [`P${p.id}`, csvHeader(organName(p.organId), ''), String(p.vertex), ...p.ras.map(csvNumber), csvNumber(value ?? NaN)].join(',');
  });
  return [head.join(','), ...rows].join('\n') + '\n';
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
