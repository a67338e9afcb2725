// Help overlay: the keyboard shortcuts (from the same table that implements them) and mouse gestures.
import { useEffect } from 'react';
import { useTools } from '../tools/toolStore';
import { installShortcuts, SHORTCUTS } from './shortcuts';

export function HelpPanel() {
  const show = useTools((s) => s.showHelp);
  useEffect(() => installShortcuts(), []);
  if (!show) return null;
  return (
    <div className="dialog-veil" onClick={() => useTools.getState().set({ showHelp: false })}>
      <div className="dialog help" role="dialog" aria-label="Help" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard and mouse</h2>
        <table className="shortcut-table">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys}>
                <td><kbd>{s.keys}</kbd></td>
                <td>{s.what}</td>
              </tr>
            ))}
            <tr><td>drag</td><td>Rotate · right-drag pan · wheel zoom</td></tr>
            <tr><td>click organ</td><td>Select it and move the slice crosshair there (or add a measurement point)</td></tr>
            <tr><td>click slice</td><td>Move the crosshair (drag to follow); wheel steps through slices</td></tr>
            <tr><td>right-drag slice</td><td>Window/level (also shift+drag): horizontal = width, vertical = level</td></tr>
            <tr><td>drop files</td><td>Open a scan (NIfTI, NRRD, VTI, DICOM folder), label maps, label tables or meshes</td></tr>
          </tbody>
        </table>
        <div className="dialog-buttons">
          <button type="button" onClick={() => useTools.getState().set({ showHelp: false })}>Close</button>
        </div>
      </div>
    </div>
  );
}
