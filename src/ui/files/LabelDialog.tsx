// Dialog shown after a scan is read: lists its labels (name, organ class, voxels, ml, source file) with
// heart/lung/vertebra pre-selected, HU segmentation options where such labels are missing, a myocardium /
// blood-pool split for a whole-heart label on a CT, a decimation choice, and starts the reconstruction
// (progress + cancel in the task bar). Volumes in ml.
import { useState } from 'react';
import { cancelScan, reconstructScan } from '../../app/loadFiles';
import { useFiles } from './fileStore';
import type { ScanSummary } from '../../app/workers/scan';
import { toHex as hex } from '../../app/colorHex';

/** Fraction of triangles removed; decimation keeps surfaces closed and volumes within 1 %. */
const DECIMATION = [
  { value: 0, label: 'none (full resolution)' },
  { value: 0.5, label: '50 % fewer triangles' },
  { value: 0.75, label: '75 % fewer triangles' },
];

function Body({ summary }: { summary: ScanSummary }) {
  const [chosen, setChosen] = useState(
    () => new Set(summary.labels.filter((l) => l.preselect).map((l) => l.value)),
  );
  const ct = summary.modality === 'CT';
  const [lungs, setLungs] = useState(ct && !summary.hasLungs);
  const [bone, setBone] = useState(ct && !summary.hasBone && summary.labels.length === 0);
  const [decimate, setDecimate] = useState(0.5);
  const [bloodPool, setBloodPool] = useState(false);
  const toggle = (v: number, on: boolean) => setChosen((s) => { const n = new Set(s); if (on) n.add(v); else n.delete(v); return n; }); // prettier-ignore
  // With the split on, the whole-heart surface is replaced by its two parts (myocardium, blood pool).
  const splitHeart = bloodPool && summary.bloodPoolLabel !== undefined;
  const keep = (v: number) => chosen.has(v) && !(splitHeart && v === summary.bloodPoolLabel);
  const count =
    summary.labels.filter((l) => keep(l.value)).length +
    (splitHeart ? 2 : 0) +
    (lungs ? 1 : 0) +
    (bone ? 1 : 0);
  return (
    <div className="dialog" role="dialog" aria-label="Choose organs">
      <h2>Choose organs to reconstruct</h2>
      <p className="muted">
        {summary.name}: {summary.dims.join('×')} voxels at{' '}
        {summary.spacing.map((s) => s.toFixed(2)).join('×')} mm, {summary.modality}
      </p>
      {summary.labels.length === 0 ? (
        <p className="muted">No label map was given. Add one, or segment from HU below.</p>
      ) : (
        <table className="label-table">
          <thead>
            <tr>
              <th />
              <th>label</th>
              <th>class</th>
              <th>voxels</th>
              <th>ml</th>
              <th>file</th>
            </tr>
          </thead>
          <tbody>
            {summary.labels.map((l) => (
              <tr key={l.value}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`reconstruct ${l.name}`}
                    checked={chosen.has(l.value)}
                    disabled={l.voxels === 0}
                    onChange={(e) => toggle(l.value, e.target.checked)}
                  />
                </td>
                <td>
                  <span className="swatch" style={{ background: hex(l.color) }} /> {l.name}{' '}
                  <span className="muted">({l.value})</span>
                </td>
                <td>{l.organClass}</td>
                <td>{l.voxels.toLocaleString('en')}</td>
                <td>{l.volumeMl.toFixed(1)}</td>
                <td className="muted">{l.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {ct && (
        <div className="seg-options">
          <label>
            <input type="checkbox" checked={lungs} onChange={(e) => setLungs(e.target.checked)} /> segment
            lungs from HU (&lt; −400 HU inside the body)
          </label>
          <label>
            <input type="checkbox" checked={bone} onChange={(e) => setBone(e.target.checked)} /> segment bone
            from HU (≥ 200 HU)
          </label>
          {summary.bloodPoolLabel !== undefined && (
            <label title="Contrast CT: the bright blood pool inside the heart label is separated from the myocardium by an Otsu threshold">
              <input
                type="checkbox"
                aria-label="split heart into myocardium and blood pool"
                checked={bloodPool}
                onChange={(e) => setBloodPool(e.target.checked)}
              />{' '}
              split the heart into myocardium and contrast blood pool
            </label>
          )}
        </div>
      )}
      <div className="seg-options">
        <label
          className="tool-row"
          title="Removes triangles for a lighter scene; surfaces stay closed and volumes change by less than 1 %"
        >
          decimate surfaces
          <select
            aria-label="decimation"
            value={decimate}
            onChange={(e) => setDecimate(Number(e.target.value))}
          >
            {DECIMATION.map((d) => (
              <option key={d.value} value={d.value}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="dialog-buttons">
        <button
          type="button"
          onClick={() => document.querySelector<HTMLInputElement>('[data-testid=open-labels]')?.click()}
        >
          Add label map…
        </button>
        <button type="button" onClick={cancelScan}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={count === 0}
          onClick={() => {
            const selection = summary.labels
              .filter((l) => keep(l.value))
              .map((l) => ({ value: l.value, name: l.name, color: l.color }));
            void reconstructScan(selection, { lungs, bone, decimate, bloodPool });
          }}
        >
          Reconstruct {count} {count === 1 ? 'organ' : 'organs'}
        </button>
      </div>
    </div>
  );
}

export function LabelDialog() {
  const summary = useFiles((s) => s.summary);
  if (!summary) return null;
  return (
    <div className="dialog-veil">
      <Body key={`${summary.name}:${summary.labels.length}`} summary={summary} />
    </div>
  );
}
