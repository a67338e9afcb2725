// Session slices for the feature stores that exist today, registered from here so their owners need no edits:
// "tools" (measurements, clipping planes, slice/label display; src/ui/tools/toolStore) and "fields" (field and
// colormap choice, display range, stimulus, lesion line, probes, load regions; src/app/fieldStore).
// Probes refer to organs by NAME (+ label), never by run-time id (ids contain file names). Points: RAS mm.
import { useTools, type ClipPlaneState, type Measurement } from '../../ui/tools/toolStore';
import { useFields, type Probe, type SphereRegion } from '../fieldStore';
import { useApp } from '../store';
import { COLORMAP_NAMES } from '../../scene/fields/colormaps';
import { registerSessionSlice } from './slices';
import { RESTORED_ID_BASE, bool, defined, isObj, listOf, num, oneOf, str, vec3 } from './sanitize';

const AXES = ['axial', 'coronal', 'sagittal'] as const;
const WINDOWS = ['lung', 'bone', 'soft', 'auto'] as const;
const RANGES = ['auto', 'robust', 'manual'] as const;

function toolsGet(): unknown {
  const t = useTools.getState();
  return {
    measurements: t.measurements.map(({ kind, points, value }) => ({ kind, points, value })),
    clipPlanes: t.clipPlanes.map(({ axis, offsetMm, flip }) => ({ axis, offsetMm, flip })),
    caps: t.caps,
    showSlices: t.showSlices,
    slicePlanes3d: t.slicePlanes3d,
    windowPreset: t.windowPreset,
    overlayOpacity: t.overlayOpacity,
    showLabels: t.showLabels,
    crosshair: t.crosshair,
  };
}

function toolsSet(v: unknown): void {
  if (!isObj(v)) return;
  const measurements = listOf<Measurement>(v.measurements, (m, i) => {
    const kind = oneOf(m.kind, ['distance', 'angle'] as const);
    const points = Array.isArray(m.points) ? m.points.map(vec3) : [];
    const value = num(m.value);
    if (
      !kind ||
      value === undefined ||
      points.some((p) => !p) ||
      points.length !== (kind === 'distance' ? 2 : 3)
    )
      return undefined;
    return { id: RESTORED_ID_BASE + i, kind, points: points as Measurement['points'], value };
  });
  const clipPlanes = listOf<ClipPlaneState>(v.clipPlanes, (p, i) => {
    const axis = oneOf(p.axis, AXES);
    const offsetMm = num(p.offsetMm);
    if (!axis || offsetMm === undefined) return undefined;
    return { id: RESTORED_ID_BASE + 500 + i, axis, offsetMm, flip: bool(p.flip) ?? false };
  });
  useTools.setState({
    measurements,
    clipPlanes,
    pending: [],
    ...defined({
      caps: bool(v.caps),
      showSlices: bool(v.showSlices),
      slicePlanes3d: bool(v.slicePlanes3d),
      windowPreset: oneOf(v.windowPreset, WINDOWS),
      overlayOpacity: num(v.overlayOpacity),
      showLabels: bool(v.showLabels),
    }),
    crosshair: vec3(v.crosshair),
  });
}

const region = (v: unknown): SphereRegion | undefined => {
  if (!isObj(v)) return undefined;
  const ras = vec3(v.ras);
  const radiusMm = num(v.radiusMm);
  return ras && radiusMm !== undefined && radiusMm > 0 ? { ras, radiusMm } : undefined;
};

function fieldsGet(): unknown {
  const f = useFields.getState();
  const organs = useApp.getState().organs;
  return {
    active: f.active,
    colormap: f.colormap,
    rangeMode: f.rangeMode,
    min: f.min,
    max: f.max,
    isochrones: f.isochrones,
    isoIntervalMs: f.isoIntervalMs,
    speed: f.speed,
    dispScale: f.dispScale,
    showDeformed: f.showDeformed,
    stimulus: f.stimulus,
    lesion: f.lesion,
    load: f.load,
    fixed: f.fixed,
    probes: f.probes.map((p) => {
      const o = organs.find((x) => x.id === p.organId);
      return { organ: o?.name, label: o?.label, vertex: p.vertex, ras: p.ras, color: p.color };
    }),
  };
}

function fieldsSet(v: unknown): void {
  if (!isObj(v)) return;
  const f = useFields.getState();
  const organs = useApp.getState().organs;
  const probes = listOf<Probe>(v.probes, (p, i) => {
    const name = str(p.organ);
    const label = num(p.label);
    const organ = organs.find((o) => o.name === name && (label === undefined || o.label === label));
    const ras = vec3(p.ras);
    const vertex = num(p.vertex);
    if (!organ || !ras || vertex === undefined) return undefined;
    return { id: RESTORED_ID_BASE + i, organId: organ.id, vertex, ras, color: str(p.color) ?? '#ffd166' };
  });
  const active = str(v.active);
  f.set({
    ...defined({
      colormap: oneOf(v.colormap, COLORMAP_NAMES),
      rangeMode: oneOf(v.rangeMode, RANGES),
      min: num(v.min),
      max: num(v.max),
      isochrones: bool(v.isochrones),
      isoIntervalMs: num(v.isoIntervalMs),
      speed: num(v.speed),
      dispScale: num(v.dispScale),
      showDeformed: bool(v.showDeformed),
    }),
    // Field data is not saved (it is recomputed): only re-select a field that exists now.
    active: active && f.available.some((a) => a.name === active) ? active : f.active,
    stimulus: vec3(v.stimulus),
    lesion: Array.isArray(v.lesion)
      ? v.lesion.map(vec3).filter((p): p is [number, number, number] => !!p)
      : [],
    load: region(v.load),
    fixed: region(v.fixed),
    probes,
  });
}

let registered = false;

export function registerBuiltinSlices(): void {
  if (registered) return;
  registered = true;
  registerSessionSlice('tools', { get: toolsGet, set: toolsSet });
  registerSessionSlice('fields', { get: fieldsGet, set: fieldsSet });
}
