// The pinned probes: colour, name, RAS position and the shown field's value at the probe now (the frame at the
// playhead for time-varying fields), refreshed ~10×/s during playback without re-rendering the plots.
// Units: positions world RAS mm; values in the field's units.
import { getSeries, useFields } from '../../app/fieldStore';
import { formatWithUnits, valueAtVertex } from '../../app/fieldValues';
import { usePlayheadMs } from '../fields/usePlayhead';

export function ProbeList() {
  const probes = useFields((s) => s.probes);
  const active = useFields((s) => s.active);
  const removeProbe = useFields((s) => s.removeProbe);
  useFields((s) => s.dataVersion);
  const t = usePlayheadMs();
  return (
    <ul className="probe-list">
      {probes.map((p) => {
        const s = active ? getSeries(p.organId, active) : undefined;
        const value = s ? formatWithUnits(valueAtVertex(s, p.vertex, t), s.units) : undefined;
        return (
          <li key={p.id} data-probe={p.id}>
            <span style={{ color: p.color }}>●</span> P{p.id}{' '}
            <span className="muted">({p.ras.map((v) => v.toFixed(0).replace(/^-0$/, '0')).join(', ')}) mm</span>
            {value !== undefined && (
              <span className="probe-value" data-testid={`probe-value-${p.id}`}>
                {value}
              </span>
            )}
            <button type="button" aria-label={`remove probe ${p.id}`} onClick={() => removeProbe(p.id)}>
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}
