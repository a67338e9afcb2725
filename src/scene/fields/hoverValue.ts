// Hover read-out provider for fields: the shown field on the hovered organ, interpolated barycentrically over the
// picked triangle (vertices without data left out) in the frame at the playhead, as "Vm −45.3 mV". Runs on
// pointer moves (at most once per animation frame) and on read-out refreshes, never in the render loop.
// Units: the field's own; times ms. Registered once by the Viewer (registerHoverValue).
import { getSeries, playhead, useFields } from '../../app/fieldStore';
import { formatWithUnits, frameIndexAt, valueAtFace } from '../../app/fieldValues';
import type { HoverHit } from '../annotations/hover';

export function fieldHoverValue(hit: HoverHit): string | undefined {
  const active = useFields.getState().active;
  const s = active ? getSeries(hit.organId, active) : undefined;
  if (!s) return undefined;
  const f = frameIndexAt(s, playhead.timeMs);
  const frame = f >= 0 ? s.frames[f] : undefined;
  if (!frame) return undefined;
  return `${s.name} ${formatWithUnits(valueAtFace(frame, hit.face, hit.barycoord), s.units)}`;
}
