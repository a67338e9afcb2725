// Anatomy-tool state (zustand): active pointer tool, measurements, clipping planes, crosshair, slice display
// and label toggles. Small values only (points are 3 numbers). Frame: world RAS+ mm for every point.
import { create } from 'zustand';
import type { Vec3 } from '../../volume/types';

export type ToolMode = 'none' | 'distance' | 'angle';
export type PlaneAxis = 'axial' | 'coronal' | 'sagittal';
export type WindowPreset = 'lung' | 'bone' | 'soft' | 'auto';

export interface Measurement {
  id: number;
  kind: 'distance' | 'angle';
  /** 2 points (distance) or 3 points (angle, vertex in the middle), world RAS mm. */
  points: Vec3[];
  /** mm for distances, degrees for angles. */
  value: number;
}

export interface ClipPlaneState {
  id: number;
  axis: PlaneAxis;
  /** Position along the axis' world coordinate (RAS mm: x for sagittal, y coronal, z axial). */
  offsetMm: number;
  /** false keeps the side with smaller coordinate (inferior / posterior / right), true the other side. */
  flip: boolean;
}

interface ToolState {
  mode: ToolMode;
  pending: Vec3[];
  measurements: Measurement[];
  clipPlanes: ClipPlaneState[];
  caps: boolean;
  crosshair?: Vec3;
  showSlices: boolean;
  slicePlanes3d: boolean;
  windowPreset: WindowPreset;
  overlayOpacity: number;
  showLabels: boolean;
  showHelp: boolean;
  setMode(mode: ToolMode): void;
  addPending(p: Vec3): void;
  addMeasurement(m: Omit<Measurement, 'id'>): void;
  removeMeasurement(id: number): void;
  clearMeasurements(): void;
  addClipPlane(axis: PlaneAxis, offsetMm: number): void;
  updateClipPlane(id: number, patch: Partial<ClipPlaneState>): void;
  removeClipPlane(id: number): void;
  set(patch: Partial<Pick<ToolState, 'caps' | 'crosshair' | 'showSlices' | 'slicePlanes3d' | 'windowPreset' | 'overlayOpacity' | 'showLabels' | 'showHelp' | 'pending'>>): void;
}

let nextId = 0;

export const useTools = create<ToolState>((set) => ({
  mode: 'none',
  pending: [],
  measurements: [],
  clipPlanes: [],
  caps: true,
  crosshair: undefined,
  showSlices: false,
  slicePlanes3d: false,
  windowPreset: 'soft',
  overlayOpacity: 0.45,
  showLabels: false,
  showHelp: false,
  setMode: (mode) => set({ mode, pending: [] }),
  addPending: (p) => set((s) => ({ pending: [...s.pending, p] })),
  addMeasurement: (m) => set((s) => ({ measurements: [...s.measurements, { ...m, id: ++nextId }], pending: [] })),
  removeMeasurement: (id) => set((s) => ({ measurements: s.measurements.filter((m) => m.id !== id) })),
  clearMeasurements: () => set({ measurements: [], pending: [] }),
  addClipPlane: (axis, offsetMm) =>
    set((s) => ({ clipPlanes: [...s.clipPlanes, { id: ++nextId, axis, offsetMm, flip: false }] })),
  updateClipPlane: (id, patch) =>
    set((s) => ({ clipPlanes: s.clipPlanes.map((p) => (p.id === id ? { ...p, ...patch } : p)) })),
  removeClipPlane: (id) => set((s) => ({ clipPlanes: s.clipPlanes.filter((p) => p.id !== id) })),
  set: (patch) => set(patch),
}));
