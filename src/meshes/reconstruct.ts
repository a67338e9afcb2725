// Surface reconstruction, 3D Slicer's recipe: crop to the label's bounding box + 1 voxel of padding, binary
// mask, marching cubes in INDEX space (unit spacing, iso 0.5), windowed sinc smoothing, transform through
// the full ijkToWorld affine, outward orientation, meshoptimizer decimation, area-weighted normals, metrics.
// Units: mm, ml, ms (timings). Output frame: world RAS mm. Pure: no DOM, vtk.js stays in ./surface.
import type { Volume } from '../volume/types';
import type { SurfaceMesh } from './types';
import { cropField, cropMask, isoBox, labelBoxes, unionBoxes, type Box, type Crop } from './surface/crop';
import { marchingCubes, windowedSinc, type RawMesh } from './surface/vtkStages';
import { orientOutward, transformPositions, vertexNormals } from './geometry';
import { decimateReport, meshesReady } from './decimate';
import { meshMetrics } from './metrics';

export interface ReconstructOptions {
  /** Windowed sinc iterations, default 20 (0 = off). */
  smoothIterations?: number;
  /** Default 10^(-4·0.5) (3D Slicer's "smoothing factor" 0.5). */
  passBand?: number;
  /**
   * Fraction of triangles to REMOVE (0 = none, 0.5 = half), default 0. A milder fraction is used when the
   * requested one cannot keep a closed surface closed; metrics.decimatedFraction says what was removed.
   */
  decimate?: number;
  /** Default true. */
  computeNormals?: boolean;
  /** Pad the crop by one voxel so surfaces touching the volume edge close. Default true. */
  pad?: boolean;
}

/** Wall-clock ms per stage. */
export interface StageTimings {
  extract: number;
  smooth: number;
  decimate: number;
  normals: number;
  transform: number;
  metrics: number;
}

export interface ReconstructResult {
  mesh: SurfaceMesh;
  timingsMs: StageTimings;
}

const DEFAULTS = {
  smoothIterations: 20,
  passBand: 10 ** (-4 * 0.5),
  decimate: 0,
  computeNormals: true,
  pad: true,
};

function emptyTimings(): StageTimings {
  return { extract: 0, smooth: 0, decimate: 0, normals: 0, transform: 0, metrics: 0 };
}

function voxelVolumeMm3(v: Volume): number {
  const a = v.ijkToWorld;
  // |det| of the 3x3 linear part = voxel volume (also for sheared/permuted affines)
  const det =
    a[0]! * (a[5]! * a[10]! - a[6]! * a[9]!) -
    a[1]! * (a[4]! * a[10]! - a[6]! * a[8]!) +
    a[2]! * (a[4]! * a[9]! - a[5]! * a[8]!);
  return Math.abs(det);
}

/** Shared tail of the pipeline: from a cropped scalar grid to a world-space SurfaceMesh. */
function surfaceFromCrop(
  vol: Volume,
  crop: Crop | undefined,
  iso: number,
  name: string,
  o: typeof DEFAULTS,
  t: StageTimings,
): SurfaceMesh {
  let t0 = performance.now();
  let raw: RawMesh = crop
    ? marchingCubes(crop.dims, crop.data, iso)
    : { positions: new Float32Array(0), indices: new Uint32Array(0) };
  t.extract += performance.now() - t0;
  if (o.smoothIterations > 0 && raw.indices.length > 0) {
    t0 = performance.now();
    raw = {
      positions: windowedSinc(raw, { iterations: Math.round(o.smoothIterations), passBand: o.passBand }),
      indices: raw.indices,
    };
    t.smooth += performance.now() - t0;
  }
  t0 = performance.now();
  if (crop) transformPositions(raw.positions, vol.ijkToWorld, crop.offset);
  orientOutward(raw);
  t.transform += performance.now() - t0;
  let decimated: number | undefined;
  if (o.decimate > 0 && raw.indices.length > 0) {
    t0 = performance.now();
    const d = decimateReport(raw, o.decimate); // includes its retries (more locks, milder ratios)
    raw = d.mesh;
    decimated = d.achieved;
    t.decimate += performance.now() - t0;
  }
  const mesh: SurfaceMesh = { name, positions: raw.positions, indices: raw.indices, fields: {} };
  if (o.computeNormals) {
    t0 = performance.now();
    mesh.normals = vertexNormals(raw);
    t.normals += performance.now() - t0;
  }
  t0 = performance.now();
  mesh.metrics = meshMetrics(raw);
  if (decimated !== undefined) mesh.metrics.decimatedFraction = decimated;
  t.metrics += performance.now() - t0;
  return mesh;
}

function resolve(opts: ReconstructOptions | undefined): typeof DEFAULTS {
  const o = { ...DEFAULTS };
  for (const k of Object.keys(DEFAULTS) as (keyof typeof DEFAULTS)[]) {
    const v = opts?.[k];
    if (v !== undefined) (o as Record<string, unknown>)[k] = v;
  }
  if (!Number.isFinite(o.smoothIterations) || o.smoothIterations < 0)
    throw new Error(`smoothIterations must be >= 0, got ${o.smoothIterations}`);
  if (!(o.passBand > 0 && o.passBand <= 2)) throw new Error(`passBand must be in (0, 2], got ${o.passBand}`);
  if (!(o.decimate >= 0 && o.decimate < 1)) throw new Error(`decimate must be in [0, 1), got ${o.decimate}`);
  return o;
}

function labelSurface(
  labels: Volume,
  boxes: Map<number, Box>,
  value: number | number[],
  name: string,
  o: typeof DEFAULTS,
): ReconstructResult {
  const values = Array.isArray(value) ? value : [value];
  const timingsMs = emptyTimings();
  const t0 = performance.now();
  const box = unionBoxes(values.map((v) => boxes.get(v)));
  const crop = box ? cropMask(labels, values, box, o.pad ? 1 : 0) : undefined;
  timingsMs.extract += performance.now() - t0;
  const mesh = surfaceFromCrop(labels, crop, 0.5, name, o, timingsMs);
  if (values.length === 1) mesh.label = values[0];
  mesh.metrics!.voxelVolumeMl = ((box?.count ?? 0) * voxelVolumeMm3(labels)) / 1000;
  const info = labels.labels?.find((l) => l.value === values[0]);
  if (info?.color) mesh.color = [...info.color];
  return { mesh, timingsMs };
}

/** Surface of the voxels whose label is `value` (or any of `value[]`). An absent label gives an empty mesh. */
export function reconstructLabel(
  labels: Volume,
  value: number | number[],
  name: string,
  opts?: ReconstructOptions,
): ReconstructResult {
  const o = resolve(opts);
  const t0 = performance.now();
  const boxes = labelBoxes(labels);
  const scanMs = performance.now() - t0;
  const r = labelSurface(labels, boxes, value, name, o);
  r.timingsMs.extract += scanMs;
  return r;
}

/** Iso-surface of a scalar volume (distance field, CT threshold); inside is the side away from the border. */
export function isoSurface(
  volume: Volume,
  iso: number,
  name: string,
  opts?: ReconstructOptions,
): ReconstructResult {
  const o = resolve(opts);
  const timingsMs = emptyTimings();
  const t0 = performance.now();
  const { box, borderAbove } = isoBox(volume, iso);
  const padValue = borderAbove ? iso + Math.max(1, Math.abs(iso)) : iso - Math.max(1, Math.abs(iso));
  const crop = box ? cropField(volume, box, o.pad ? 1 : 0, padValue) : undefined;
  timingsMs.extract += performance.now() - t0;
  return { mesh: surfaceFromCrop(volume, crop, iso, name, o, timingsMs), timingsMs };
}

export interface OrganSelection {
  value: number | number[];
  name: string;
  color?: [number, number, number];
}

/**
 * Reconstructs several labels with one scan for their bounding boxes. Async so it can wait for the
 * decimation wasm and yield between organs (progress messages and cancellation reach a worker).
 * Throws the signal's reason (an AbortError) when cancelled.
 */
export async function reconstructOrgans(
  labels: Volume,
  selection: OrganSelection[],
  opts?: ReconstructOptions,
  progress?: (fraction: number, message: string) => void,
  signal?: AbortSignal,
): Promise<{ meshes: SurfaceMesh[]; timingsMs: Record<string, StageTimings> }> {
  const o = resolve(opts);
  if (o.decimate > 0) await meshesReady();
  signal?.throwIfAborted();
  progress?.(0, 'scanning labels');
  const t0 = performance.now();
  const boxes = labelBoxes(labels);
  let scanMs = performance.now() - t0; // the one label scan is charged to the first mesh's extract stage
  const meshes: SurfaceMesh[] = [];
  const timingsMs: Record<string, StageTimings> = {};
  for (let s = 0; s < selection.length; s++) {
    const sel = selection[s]!;
    progress?.(s / selection.length, `reconstructing ${sel.name}`);
    await new Promise((r) => setTimeout(r, 0));
    signal?.throwIfAborted();
    const r = labelSurface(labels, boxes, sel.value, sel.name, o);
    r.timingsMs.extract += scanMs;
    scanMs = 0;
    if (sel.color) r.mesh.color = [...sel.color];
    meshes.push(r.mesh);
    timingsMs[sel.name] = r.timingsMs;
  }
  progress?.(1, 'done');
  return { meshes, timingsMs };
}
