// Session document: a versioned, JSON-serialisable snapshot of the VIEW STATE (never voxel data or file
// contents): source file names, organ display parameters, camera, and named slices contributed by other
// features (probes, measurements, clipping, solver parameters, fields...). Camera in the three.js frame, mm
// (+X patient Left, +Y Superior, +Z Anterior; see src/scene/frames.ts); fov in degrees; colours sRGB 0..1.

export const SESSION_FORMAT = 'organ-twin-session';
export const SESSION_VERSION = 1;
export const SESSION_FILE_SUFFIX = '.otwin.json';

export type Vec3 = [number, number, number];

/** What the scene was built from. `phantom` needs no file; `file` names a file the user must re-open. */
export interface SessionSource {
  kind: 'file' | 'phantom';
  /** File name as the user picked it (no path), or the phantom id, e.g. "phantom@1.5mm". */
  name: string;
  role?: 'image' | 'labels' | 'mesh' | 'other';
}

/** Organ display state, matched on restore by name (+ label value when present), not by run-time id. */
export interface SessionOrgan {
  name: string;
  label?: number;
  /** sRGB 0..1 (files may also spell it '#rrggbb'; validate.ts converts). */
  color: Vec3;
  opacity: number;
  visible: boolean;
}

export interface SessionCamera {
  position: Vec3;
  target: Vec3;
  up: Vec3;
  /** Vertical field of view, degrees. */
  fov: number;
}

export interface SessionDoc {
  format: typeof SESSION_FORMAT;
  version: number;
  /** ISO time of capture. */
  savedAt: string;
  /** Scene source label as shown in the header (e.g. "ct.nii.gz" or "phantom@1.5mm"). */
  sourceName: string;
  sources: SessionSource[];
  organs: SessionOrgan[];
  selectedOrgan?: string;
  camera?: SessionCamera;
  /** Feature-owned state (see slices.ts): probes, measurements, clipping, solver parameters, fields, ... */
  slices: Record<string, unknown>;
}

export function emptySession(): SessionDoc {
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    savedAt: new Date(0).toISOString(),
    sourceName: '',
    sources: [],
    organs: [],
    slices: {},
  };
}
