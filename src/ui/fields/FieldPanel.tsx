// Field display panel: which field colours the organs (or none: anatomy colours), isochrone lines for activation
// maps (interval in ms), and a clear button. The colormap and range live on the scalar bar overlay.
import { useFields } from '../../app/fieldStore';
import { defaultColormap } from '../../scene/fields/colormaps';

export function FieldPanel() {
  const { available, active, isochrones, isoIntervalMs, set, clearAll } = useFields();
  if (available.length === 0) return null;
  const info = available.find((a) => a.name === active);
  return (
    <section className="field-panel" aria-label="fields">
      <h2>Fields</h2>
      <label>
        show
        <select aria-label="field" value={active ?? ''}
          onChange={(e) => {
            const f = available.find((a) => a.name === e.target.value);
            set(f ? { active: f.name, colormap: defaultColormap(f.name, f.units, /principal/i.test(f.name)), rangeMode: 'auto' } : { active: undefined });
          }}>
          <option value="">anatomy colours</option>
          {available.map((a) => (
            <option key={a.name} value={a.name}>{a.name} ({a.units})</option>
          ))}
        </select>
      </label>
      {info?.units === 'ms' && (
        <label className="row">
          <input type="checkbox" checked={isochrones} onChange={(e) => set({ isochrones: e.target.checked })} /> isochrones every
          <input type="number" aria-label="isochrone interval" min={1} max={100} step={1} value={isoIntervalMs}
            onChange={(e) => Number(e.target.value) > 0 && set({ isoIntervalMs: Number(e.target.value) })} /> ms
        </label>
      )}
      <button type="button" onClick={clearAll}>Clear results</button>
    </section>
  );
}
