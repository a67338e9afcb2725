// Field, time and probe state. React side (zustand `useFields`): which field is shown, colormap, display range,
// isochrones, playback flags, pick mode, stimulus/lesion/probe/load points (small values only). Outside React:
// `fieldData` (per-organ per-field frame buffers, appended live while a solver streams) and `playhead` (the
// current time, written by the player every frame without React renders) and `fieldData.grids` (the same fields
// on the solver's own grid, for the slice overlays; see gridField.ts). Units: times ms, points world RAS mm,
// field values in their own units (mV, ms, kPa, MPa, mm); displacement vectors RAS mm per vertex.
import { create } from 'zustand';
import type { Vec3 } from '../volume/types';
import type { ColormapName } from '../scene/fields/colormaps';
import type { GridField } from './gridField';

export type RangeMode = 'auto' | 'robust' | 'manual';
export type PickMode = 'none' | 'stimulus' | 'lesion' | 'probe' | 'load' | 'fixed';

export interface FieldSeries {
  name: string;
  units: string;
  nVertices: number;
  /** One Float32Array per frame (nVertices scalars). */
  frames: Float32Array[];
  /** Frame times, ms (empty for static fields). */
  times: number[];
  /** Diverging field (signed values): prefer a diverging colormap centred on 0. */
  signed?: boolean;
}

export interface Probe {
  id: number;
  organId: string;
  vertex: number;
  ras: Vec3;
  color: string;
}

export interface SphereRegion {
  ras: Vec3;
  radiusMm: number;
}

/** Big buffers: organId → field name → series. Displacements: organId → RAS mm xyz per vertex. Grid fields by name. */
export const fieldData = {
  series: new Map<string, Map<string, FieldSeries>>(),
  displacement: new Map<string, Float32Array>(),
  grids: new Map<string, GridField>(),
  version: 0,
};

/** Current playback time (ms) and frame index; written by the player in the frame loop. */
export const playhead = { timeMs: 0, frame: 0 };

export function getSeries(organId: string, name: string): FieldSeries | undefined {
  return fieldData.series.get(organId)?.get(name);
}

/** Frame index whose time is the last one ≤ t (times ascending). */
export function frameAt(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  if (hi < 0 || t <= times[0]!) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (times[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const PROBE_COLOURS = ['#ffd166', '#06d6a0', '#ef476f', '#118ab2', '#f78c6b', '#c77dff'];

interface FieldsState {
  /** Field name shown on every organ that has it (undefined: plain anatomy colours). */
  active?: string;
  /** Names of the available fields with units (for the selector). */
  available: { name: string; units: string; timeVarying: boolean; signed: boolean }[];
  colormap: ColormapName;
  rangeMode: RangeMode;
  min: number;
  max: number;
  isochrones: boolean;
  isoIntervalMs: number;
  playing: boolean;
  speed: number;
  /** Last frame time available (ms) — grows while a solver streams. */
  durationMs: number;
  /** Bumped whenever data or display settings change so the scene re-uploads. */
  dataVersion: number;
  dispScale: number;
  showDeformed: boolean;
  pickMode: PickMode;
  stimulus?: Vec3;
  lesion: Vec3[];
  probes: Probe[];
  load?: SphereRegion;
  fixed?: SphereRegion;
  set(patch: Partial<Omit<FieldsState, 'set' | 'addProbe' | 'removeProbe' | 'publish' | 'clearAll'>>): void;
  addProbe(organId: string, vertex: number, ras: Vec3): void;
  removeProbe(id: number): void;
  /** Re-reads fieldData's field list and duration after a solver wrote into it. */
  publish(): void;
  clearAll(): void;
}

let probeId = 0;

export const useFields = create<FieldsState>((set, get) => ({
  active: undefined,
  available: [],
  colormap: 'viridis',
  rangeMode: 'auto',
  min: 0,
  max: 1,
  isochrones: false,
  isoIntervalMs: 10,
  playing: false,
  speed: 1,
  durationMs: 0,
  dataVersion: 0,
  dispScale: 1,
  showDeformed: false,
  pickMode: 'none',
  lesion: [],
  probes: [],
  set: (patch) => set(patch),
  addProbe: (organId, vertex, ras) =>
    set((s) => {
      const id = ++probeId;
      const probe = { id, organId, vertex, ras, color: PROBE_COLOURS[(id - 1) % PROBE_COLOURS.length]! };
      return { probes: [...s.probes, probe] };
    }),
  removeProbe: (id) => set((s) => ({ probes: s.probes.filter((p) => p.id !== id) })),
  publish: () => {
    const seen = new Map<string, { name: string; units: string; timeVarying: boolean; signed: boolean }>();
    let duration = 0;
    for (const byName of fieldData.series.values())
      for (const s of byName.values()) {
        if (!seen.has(s.name)) seen.set(s.name, { name: s.name, units: s.units, timeVarying: s.times.length > 1, signed: !!s.signed });
        const last = s.times[s.times.length - 1];
        if (last !== undefined && last > duration) duration = last;
      }
    fieldData.version++;
    const active = get().active;
    set({
      available: [...seen.values()],
      durationMs: duration,
      dataVersion: fieldData.version,
      active: active && seen.has(active) ? active : undefined,
    });
  },
  clearAll: () => {
    fieldData.series.clear();
    fieldData.displacement.clear();
    fieldData.grids.clear();
    fieldData.version++;
    playhead.timeMs = 0;
    playhead.frame = 0;
    set({ available: [], active: undefined, durationMs: 0, dataVersion: fieldData.version, playing: false });
  },
}));
