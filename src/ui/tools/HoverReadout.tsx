// Hover read-out over the 3D view: organ under the pointer, the point in RAS mm, and a field value when a
// provider is registered (registerHoverValue in src/scene/annotations/hover.ts).
import { useHover } from '../../scene/annotations/hover';
import { displayName } from '../../scene/annotations/names';

export function HoverReadout() {
  const hit = useHover((s) => s.hit);
  const value = useHover((s) => s.value);
  if (!hit) return null;
  const [x, y, z] = hit.pointRas;
  return (
    <div className="hover-readout" role="status">
      <b>{displayName(hit.name)}</b>
      {value !== undefined && <span> · {value}</span>}
      <span className="muted">
        {' '}
        R {x.toFixed(0)} A {y.toFixed(0)} S {z.toFixed(0)} mm
      </span>
    </div>
  );
}
