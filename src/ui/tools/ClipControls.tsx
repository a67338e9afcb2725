// Clipping-plane controls: add an axial/coronal/sagittal plane, move it (RAS mm along its axis), flip the kept
// side, remove it; caps on/off. Planes apply to every organ (see src/scene/clipping).
import { useTools, type PlaneAxis } from './toolStore';
import { axisRange } from './bounds';

const AXES: PlaneAxis[] = ['axial', 'coronal', 'sagittal'];

export function addClipPlane(axis: PlaneAxis = 'axial'): void {
  const [lo, hi] = axisRange(axis);
  useTools.getState().addClipPlane(axis, Math.round((lo + hi) / 2));
}

export function ClipControls() {
  const planes = useTools((s) => s.clipPlanes);
  const caps = useTools((s) => s.caps);
  const { updateClipPlane, removeClipPlane, set } = useTools.getState();
  return (
    <div className="tool-group">
      <div className="tool-row">
        {AXES.map((a) => (
          <button key={a} type="button" onClick={() => addClipPlane(a)}>
            + {a}
          </button>
        ))}
      </div>
      {planes.map((p) => {
        const [lo, hi] = axisRange(p.axis);
        return (
          <div key={p.id} className="clip-plane" data-axis={p.axis}>
            <div className="tool-row">
              <span>{p.axis}</span>
              <span className="muted">{p.offsetMm.toFixed(0)} mm</span>
              <label>
                <input type="checkbox" checked={p.flip} onChange={(e) => updateClipPlane(p.id, { flip: e.target.checked })} /> flip
              </label>
              <button type="button" aria-label={`remove ${p.axis} plane`} onClick={() => removeClipPlane(p.id)}>
                ×
              </button>
            </div>
            <input
              type="range"
              min={lo}
              max={hi}
              step={1}
              value={p.offsetMm}
              aria-label={`${p.axis} clip offset`}
              onChange={(e) => updateClipPlane(p.id, { offsetMm: Number(e.target.value) })}
            />
          </div>
        );
      })}
      {planes.length > 0 && (
        <label>
          <input type="checkbox" checked={caps} onChange={(e) => set({ caps: e.target.checked })} /> capped cross-sections
        </label>
      )}
    </div>
  );
}
