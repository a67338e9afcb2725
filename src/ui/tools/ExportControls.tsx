// Output controls, all local downloads: PNG screenshot (scalar bar and labels composed in); mesh export (format +
// selected/visible organs; VTP and PLY carry the organs' fields); the shown field as per-vertex CSV (frame on
// screen or every frame as a column, for time-varying fields) and the solver's grid fields as VTI.
import { useState } from 'react';
import { MESH_FORMATS, type MeshFormat } from '../../meshes/io';
import { useApp } from '../../app/store';
import { useFields } from '../../app/fieldStore';
import type { FrameChoice } from '../../app/fieldExport';
import { exportFieldCsv, exportGridVti, exportOrgans, hasGridField, screenshot } from './output';

function FieldExport() {
  const [frames, setFrames] = useState<FrameChoice>('current');
  const active = useFields((s) => s.active);
  const info = useFields((s) => s.available.find((a) => a.name === s.active));
  useFields((s) => s.dataVersion);
  if (!active || !info) return <p className="hint">Field export: show a field first (Fields panel).</p>;
  return (
    <div className="tool-row" role="group" aria-label="field export">
      <span className="muted">
        {info.name} ({info.units})
      </span>
      {info.timeVarying && (
        <select value={frames} aria-label="CSV frames" onChange={(e) => setFrames(e.target.value as FrameChoice)}>
          <option value="current">frame on screen</option>
          <option value="all">all frames (columns)</option>
        </select>
      )}
      <button type="button" onClick={() => exportFieldCsv(frames)} title="vertex, x/y/z (RAS mm) and the value per vertex">
        Field CSV
      </button>
      <button type="button" disabled={!hasGridField(active)} onClick={() => exportGridVti()} title="the solver grid (ParaView, Slicer)">
        Grid VTI
      </button>
    </div>
  );
}

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
      {(format === 'vtp' || format === 'ply') && <p className="hint">{format.toUpperCase()} includes the organs&apos; fields (frame on screen).</p>}
      <FieldExport />
    </div>
  );
}
