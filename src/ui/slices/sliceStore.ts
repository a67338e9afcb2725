// Geometry of the scan shown in the slice views (fetched from the worker when the scene changes): dims,
// ijkToWorld (row-major, voxel -> world RAS mm), auto window range and label colours. No voxel data.
import { create } from 'zustand';
import type { LabelInfo, Vec3 } from '../../volume/types';

export interface SliceInfo {
  name: string;
  dims: Vec3;
  spacing: Vec3;
  ijkToWorld: Float64Array;
  modality: string;
  range: [number, number];
  labels: LabelInfo[];
}

export const useSliceInfo = create<{ info?: SliceInfo; version: number; setInfo(info: SliceInfo | undefined): void }>((set) => ({
  info: undefined,
  version: 0,
  setInfo: (info) => set((s) => ({ info, version: s.version + 1 })),
}));
