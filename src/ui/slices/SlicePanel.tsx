// Slice panel: axial, coronal and sagittal views of the current scan with window presets (lung, bone, soft
// tissue, auto), label overlay opacity and the "planes in 3D" toggle. Window values in HU.
import { useTools, type WindowPreset } from '../tools/toolStore';
import { SliceView, useSliceInfoLoader } from './SliceView';
import { useSliceInfo } from './sliceStore';
import { WINDOWS } from './windowing';

const PRESETS: WindowPreset[] = ['soft', 'lung', 'bone', 'auto'];

export function SlicePanel() {
  useSliceInfoLoader();
  const show = useTools((s) => s.showSlices);
  const info = useSliceInfo((s) => s.info);
  const preset = useTools((s) => s.windowPreset);
  const overlay = useTools((s) => s.overlayOpacity);
  const planes3d = useTools((s) => s.slicePlanes3d);
  const set = useTools((s) => s.set);
  if (!show) return null;
  return (
    <section className="slice-panel" aria-label="Slices">
      <div className="slice-controls">
        {PRESETS.map((p) => (
          <button key={p} type="button" className={p === preset ? 'active' : undefined} onClick={() => set({ windowPreset: p })}>
            {p === 'auto' ? 'Auto' : WINDOWS[p].label}
          </button>
        ))}
        <label>
          overlay
          <input type="range" min={0} max={1} step={0.05} value={overlay} aria-label="label overlay opacity" onChange={(e) => set({ overlayOpacity: Number(e.target.value) })} />
        </label>
        <label>
          <input type="checkbox" checked={planes3d} onChange={(e) => set({ slicePlanes3d: e.target.checked })} /> in 3D
        </label>
      </div>
      {info ? (
        (['axial', 'coronal', 'sagittal'] as const).map((p) => <SliceView key={`${p}:${info.name}`} plane={p} info={info} />)
      ) : (
        <p className="muted">No scan loaded.</p>
      )}
    </section>
  );
}
