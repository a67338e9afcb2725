// Anatomy tools panel (left column, below the organ list): view toggles (slices, labels, help), clipping,
// measurement and output sections.
import { useTools } from './toolStore';
import './anatomy.css';
import { ClipControls } from './ClipControls';
import { MeasureControls } from './MeasureControls';
import { ExportControls } from './ExportControls';

export function ToolsPanel() {
  const showSlices = useTools((s) => s.showSlices);
  const showLabels = useTools((s) => s.showLabels);
  const set = useTools((s) => s.set);
  return (
    <div className="tools-panel">
      <h2>View</h2>
      <div className="tool-row">
        <label>
          <input type="checkbox" checked={showSlices} onChange={(e) => set({ showSlices: e.target.checked })} /> slices
        </label>
        <label>
          <input type="checkbox" checked={showLabels} onChange={(e) => set({ showLabels: e.target.checked })} /> anatomy labels
        </label>
        <button type="button" onClick={() => set({ showHelp: true })}>
          Help (H)
        </button>
      </div>
      <h2>Clipping</h2>
      <ClipControls />
      <h2>Measure</h2>
      <MeasureControls />
      <h2>Output</h2>
      <ExportControls />
    </div>
  );
}
