// Organ list panel: per-organ colour (a colour input, sRGB '#rrggbb' -> store 0..1; the mesh and the slice label
// overlay follow, sessions keep it), visibility toggle, opacity and mesh statistics (triangles, ml).
import { useApp } from '../app/store';
import { fromHex, toHex } from '../app/colorHex';

export function OrganList() {
  const organs = useApp((s) => s.organs);
  const selectedId = useApp((s) => s.selectedId);
  const update = useApp((s) => s.updateOrgan);
  const select = useApp((s) => s.select);
  if (organs.length === 0) return <p className="muted">No organs yet.</p>;
  return (
    <ul className="organ-list" aria-label="Organs">
      {organs.map((o) => (
        <li key={o.id} className={o.id === selectedId ? 'selected' : undefined}>
          <label className="organ-row">
            <input
              type="checkbox"
              checked={o.visible}
              aria-label={`show ${o.name}`}
              onChange={(e) => update(o.id, { visible: e.target.checked })}
            />
            <input
              type="color"
              className="swatch"
              value={toHex(o.color)}
              aria-label={`colour ${o.name}`}
              onChange={(e) => {
                const color = fromHex(e.target.value);
                if (color) update(o.id, { color });
              }}
            />
            <button type="button" className="link" onClick={() => select(o.id)}>
              {o.name}
            </button>
          </label>
          <span className="organ-meta">
            {o.volumeMl !== undefined ? `${o.volumeMl.toFixed(1)} ml · ` : ''}
            {(o.triangles / 1000).toFixed(1)}k tri
          </span>
          <input
            type="range"
            min={0.1}
            max={1}
            step={0.05}
            value={o.opacity}
            aria-label={`opacity ${o.name}`}
            onChange={(e) => update(o.id, { opacity: Number(e.target.value) })}
          />
        </li>
      ))}
    </ul>
  );
}
