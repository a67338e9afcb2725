// Hover read-out over the 3D view: organ under the pointer, the shown field's value there with units (from the
// providers registered with registerHoverValue, e.g. scene/fields/hoverValue.ts), and the point in RAS mm.
// The value follows playback (re-read ~10×/s while the time changes) and new solver frames (dataVersion).
import { hoverValue, useHover } from '../../scene/annotations/hover';
import { displayName } from '../../scene/annotations/names';
import { useFields } from '../../app/fieldStore';
import { usePlayheadMs } from '../fields/usePlayhead';

const mm = (v: number) => v.toFixed(0).replace(/^-0$/, '0');

export function HoverReadout() {
  const hit = useHover((s) => s.hit);
  useFields((s) => s.dataVersion);
  useFields((s) => s.active);
  usePlayheadMs();
  if (!hit) return null;
  const value = hoverValue(hit);
  const [x, y, z] = hit.pointRas;
  return (
    <div className="hover-readout" role="status" data-testid="hover-readout">
      <b>{displayName(hit.name)}</b>
      {value !== undefined && <span className="hover-value"> · {value}</span>}
      <span className="muted">
        {' '}
        R {mm(x)} A {mm(y)} S {mm(z)} mm
      </span>
    </div>
  );
}
