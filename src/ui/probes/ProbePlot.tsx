// A uPlot line chart (time in ms on x) for several series at once: probe Vm(t) traces (mV) or pseudo-ECG leads
// (arbitrary units). Data are passed in by the parent and redrawn with setData; the chart is created once per
// series layout and destroyed on unmount.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface PlotSeries {
  label: string;
  color: string;
  t: ArrayLike<number>;
  v: ArrayLike<number>;
}

export function ProbePlot({ series, yLabel, height = 150, testId }: { series: PlotSeries[]; yLabel: string; height?: number; testId?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const layout = series.map((s) => s.label + s.color).join('|');
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth || 260),
      height,
      legend: { show: true },
      scales: { x: { time: false } },
      axes: [
        { stroke: '#aab', grid: { stroke: '#2a3140' }, label: 'ms' },
        { stroke: '#aab', grid: { stroke: '#2a3140' }, label: yLabel, size: 46 },
      ],
      series: [{ label: 't (ms)' }, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 1.5 }))],
    };
    plot.current = new uPlot(opts, [[]], el);
    return () => {
      plot.current?.destroy();
      plot.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [layout, yLabel, height]);
  useEffect(() => {
    const p = plot.current;
    if (!p || series.length === 0) return;
    const t = Array.from(series[0]!.t);
    const ys = series.map((s) => Array.from(s.v, (x) => (Number.isFinite(x) ? x : null)));
    p.setData([t, ...ys] as uPlot.AlignedData);
  });
  return <div className="probe-plot" ref={host} data-testid={testId} />;
}
