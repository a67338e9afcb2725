// Scalar bar (HTML overlay over the 3D view): field name and units, the colormap as a vertical gradient with
// 1-2-5 ticks, then a label/control grid: colormap, range mode (full / robust 1–99 % / manual), min and max
// (inputs as wide as the bar so 4-significant-digit values show whole). Units: the field's own.
import { useEffect } from 'react';
import { useFields } from '../../app/fieldStore';
import { colormapCss, COLORMAP_NAMES, type ColormapName } from '../../scene/fields/colormaps';
import { formatTick, niceTicks } from './ticks';
import { activeRange } from './range';
import './fields.css';

export function ScalarBar() {
  const active = useFields((s) => s.active);
  const available = useFields((s) => s.available);
  const colormap = useFields((s) => s.colormap);
  const min = useFields((s) => s.min);
  const max = useFields((s) => s.max);
  const mode = useFields((s) => s.rangeMode);
  const dataVersion = useFields((s) => s.dataVersion);
  const set = useFields((s) => s.set);
  const info = available.find((a) => a.name === active);
  const signed = !!info?.signed;

  useEffect(() => {
    if (!active || mode === 'manual') return;
    const r = activeRange(active, mode);
    if (!r) return;
    // Signed fields (principal stress) get a range symmetric about 0 so the diverging map's white means zero.
    const m = Math.max(Math.abs(r[0]), Math.abs(r[1]));
    set(signed ? { min: -m, max: m } : { min: r[0], max: r[1] });
  }, [active, mode, dataVersion, signed, set]);

  if (!active || !info) return null;
  const ticks = niceTicks(min, max, 5);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : Math.abs(max - min) || 1;
  const span = max - min || 1;
  return (
    <div className="scalar-bar" data-testid="scalar-bar" aria-label={`${info.name} legend in ${info.units}`}>
      <div className="scalar-bar-title">
        {info.name} <span className="scalar-bar-units">({info.units})</span>
      </div>
      <div className="scalar-bar-body">
        <div className="scalar-bar-ramp" style={{ background: colormapCss(colormap) }} />
        <div className="scalar-bar-ticks">
          {ticks.map((t) => (
            <span key={t} style={{ bottom: `${(100 * (t - min)) / span}%` }}>
              {formatTick(t, step)} {info.units}
            </span>
          ))}
        </div>
      </div>
      <div className="scalar-bar-controls">
        <label htmlFor="scalar-bar-colormap">map</label>
        <select id="scalar-bar-colormap" aria-label="colormap" value={colormap} onChange={(e) => set({ colormap: e.target.value as ColormapName })}>
          {COLORMAP_NAMES.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
        <label htmlFor="scalar-bar-range">range</label>
        <select id="scalar-bar-range" aria-label="range mode" value={mode} onChange={(e) => set({ rangeMode: e.target.value as 'auto' })}>
          <option value="auto">full range</option>
          <option value="robust">robust 1–99 %</option>
          <option value="manual">manual</option>
        </select>
        <label htmlFor="scalar-bar-min">min</label>
        <input id="scalar-bar-min" type="number" aria-label="range min" value={Number(min.toPrecision(4))} step={step / 2}
          onChange={(e) => set({ rangeMode: 'manual', min: Number(e.target.value) })} />
        <label htmlFor="scalar-bar-max">max</label>
        <input id="scalar-bar-max" type="number" aria-label="range max" value={Number(max.toPrecision(4))} step={step / 2}
          onChange={(e) => set({ rangeMode: 'manual', max: Number(e.target.value) })} />
      </div>
    </div>
  );
}
