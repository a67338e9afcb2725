// Output controls: PNG screenshot and mesh export (format + selected/visible organs), all as local downloads.
import { useState } from 'react';
import { MESH_FORMATS, type MeshFormat } from '../../meshes/io';
import { useApp } from '../../app/store';
import { exportOrgans, screenshot } from './output';

export function ExportControls() {
  const [format, setFormat] = useState<MeshFormat>('stl');
  const selected = useApp((s) => s.selectedId);
  return (
    <div className="tool-group">
      <div className="tool-row">
        <button type="button" onClick={screenshot}>
          Screenshot (PNG)
        </button>
      </div>
      <div className="tool-row">
        <select value={format} aria-label="mesh format" onChange={(e) => setFormat(e.target.value as MeshFormat)}>
          {MESH_FORMATS.map((f) => (
            <option key={f} value={f}>
              {f.toUpperCase()}
            </option>
          ))}
        </select>
        <button type="button" disabled={!selected} onClick={() => exportOrgans(format, 'selected')}>
          Export selected
        </button>
        <button type="button" onClick={() => exportOrgans(format, 'visible')}>
          Export visible
        </button>
      </div>
    </div>
  );
}
