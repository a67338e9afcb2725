// Measurement controls: distance (2 clicks) and angle (3 clicks) tools, the list of measurements (mm, degrees)
// with delete, and a hint for the next click.
import { formatMeasurement, pointsNeeded } from '../../scene/measure/math';
import { useTools, type ToolMode } from './toolStore';

export function toggleTool(mode: Exclude<ToolMode, 'none'>): void {
  const s = useTools.getState();
  s.setMode(s.mode === mode ? 'none' : mode);
}

export function MeasureControls() {
  const mode = useTools((s) => s.mode);
  const pending = useTools((s) => s.pending);
  const list = useTools((s) => s.measurements);
  const { removeMeasurement, clearMeasurements } = useTools.getState();
  return (
    <div className="tool-group">
      <div className="tool-row">
        <button type="button" className={mode === 'distance' ? 'active' : undefined} aria-pressed={mode === 'distance'} onClick={() => toggleTool('distance')}>
          Distance
        </button>
        <button type="button" className={mode === 'angle' ? 'active' : undefined} aria-pressed={mode === 'angle'} onClick={() => toggleTool('angle')}>
          Angle
        </button>
        {list.length > 0 && (
          <button type="button" onClick={clearMeasurements}>
            Clear
          </button>
        )}
      </div>
      {mode !== 'none' && (
        <p className="muted hint">
          Click point {pending.length + 1} of {pointsNeeded(mode)} on an organ (Esc to stop).
        </p>
      )}
      <ul className="measure-list" aria-label="Measurements">
        {list.map((m, i) => (
          <li key={m.id} data-kind={m.kind}>
            <span>
              {m.kind === 'distance' ? 'Distance' : 'Angle'} {i + 1}: <b className="measure-value">{formatMeasurement(m.kind, m.value)}</b>
            </span>
            <button type="button" aria-label={`delete measurement ${i + 1}`} onClick={() => removeMeasurement(m.id)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
