// Slice panel (right column beside the 3D view): axial, coronal and sagittal views of the current scan with
// window presets (lung, bone, soft tissue, auto) and the current window/level (HU; right-drag a slice to change
// it), label and field overlay opacity, and the slice planes in 3D with their opacity. Sized so the three views
// and their sliders fit a 1280×720 window without scrolling (slices.css).
import { useFields } from '../../app/fieldStore';
import { useTools, type WindowPreset } from '../tools/toolStore';
import { SliceView, useSliceInfoLoader, useWindow } from './SliceView';
import { useSliceInfo, type SliceInfo } from './sliceStore';
import { choosePreset, useSliceView } from './sliceViewStore';
import { levelOf, WINDOWS } from './windowing';
import './slices.css';

const PRESETS: WindowPreset[] = ['soft', 'lung', 'bone', 'auto'];

function WindowReadout({ info }: { info: SliceInfo }) {
  const w = levelOf(useWindow(info));
  const custom = useSliceView((s) => s.custom);
  return (
    <span className="slice-wl muted" data-testid="slice-window" title="right-drag (or shift+drag) a slice: horizontal = width, vertical = level">
      W {w.width.toFixed(0)} L {w.level.toFixed(0)}
      {custom ? ' (drag)' : ''}
    </span>
  );
}

function FieldCaption() {
  const active = useFields((s) => s.active);
  const available = useFields((s) => s.available);
  const info = available.find((a) => a.name === active);
  return info ? <span className="muted">{`${info.name} (${info.units})`}</span> : <span className="muted">no field</span>;
}

export function SlicePanel() {
  useSliceInfoLoader();
  const show = useTools((s) => s.showSlices);
  const info = useSliceInfo((s) => s.info);
  const preset = useTools((s) => s.windowPreset);
  const overlay = useTools((s) => s.overlayOpacity);
  const planes3d = useTools((s) => s.slicePlanes3d);
  const set = useTools((s) => s.set);
  const view = useSliceView();
  const hasField = useFields((s) => !!s.active);
  if (!show) return null;
  return (
    <section className="slice-panel" aria-label="Slices">
      <div className="slice-controls">
        {PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            className={p === preset && !view.custom ? 'active' : undefined}
            onClick={() => choosePreset(p)}
          >
            {p === 'auto' ? 'Auto' : WINDOWS[p].label}
          </button>
        ))}
      </div>
      <div className="slice-controls">
        <label title="label overlay opacity">
          labels
          <input type="range" min={0} max={1} step={0.05} value={overlay} aria-label="label overlay opacity" onChange={(e) => set({ overlayOpacity: Number(e.target.value) })} />
        </label>
        <label title="solver field overlay opacity (colours and range of the scalar bar)">
          field
          <input type="range" min={0} max={1} step={0.05} value={view.fieldOpacity} disabled={!hasField} aria-label="field overlay opacity" onChange={(e) => view.set({ fieldOpacity: Number(e.target.value) })} />
        </label>
      </div>
      <div className="slice-controls">
        <label>
          <input type="checkbox" checked={planes3d} onChange={(e) => set({ slicePlanes3d: e.target.checked })} /> in 3D
        </label>
        <input type="range" min={0.1} max={1} step={0.05} value={view.planeOpacity} disabled={!planes3d} aria-label="3D slice opacity" onChange={(e) => view.set({ planeOpacity: Number(e.target.value) })} />
        {info && <WindowReadout info={info} />}
      </div>
      <div className="slice-controls slice-field-caption">
        overlay: <FieldCaption />
      </div>
      {info ? (
        (['axial', 'coronal', 'sagittal'] as const).map((p) => <SliceView key={`${p}:${info.name}`} plane={p} info={info} />)
      ) : (
        <p className="muted">No scan loaded.</p>
      )}
    </section>
  );
}
