// Bone from HU: voxels at or above a threshold (default 200 HU: trabecular bone is ~150-300 HU, cortical
// ~1000 HU; on contrast CT, opacified blood (~300 HU) also passes, so callers may need a heart/aorta mask),
// 6-connected components labelled by size (1 = largest). splitTouchingVertebrae assigns each bone voxel to
// the nearest seed label by breadth-first (geodesic, 6-connected) growth inside the bone mask, optionally
// only up to a maximum geodesic distance.
// Units: HU. Frame: voxel IJK (labels on the CT's grid).
import type { LabelInfo, Volume } from '../types';
import { connectedComponents } from './components';
import { assertSameGrid, labelVolume } from './volumes';

export interface BoneOptions {
  thresholdHu?: number;
  /** Components smaller than this are dropped (default: 0.5 ml worth of voxels). */
  minVoxels?: number;
}

export function segmentBone(ct: Volume, opts: BoneOptions = {}): Volume {
  const thr = opts.thresholdHu ?? 200;
  const voxMm3 = ct.spacing[0] * ct.spacing[1] * ct.spacing[2];
  const minVoxels = opts.minVoxels ?? Math.max(1, Math.round(500 / voxMm3));
  const n = ct.data.length;
  const mask = new Uint8Array(n);
  for (let p = 0; p < n; p++) mask[p] = ct.data[p]! >= thr ? 1 : 0;
  const cc = connectedComponents(mask, ct.dims, 6);
  // Uint8 label map: at most 255 components are kept (the largest ones).
  let kept = 0;
  while (kept < cc.sizes.length && kept < 255 && cc.sizes[kept]! >= minVoxels) kept++;
  const out = new Uint8Array(n);
  for (let p = 0; p < n; p++) {
    const c = cc.labels[p]!;
    if (c > 0 && c <= kept) out[p] = c;
  }
  const labels: LabelInfo[] = [];
  for (let c = 1; c <= kept; c++) labels.push({ value: c, name: `bone_${c}`, color: [0.93, 0.9, 0.8] });
  return labelVolume(ct, `${ct.name} bone`, out, labels);
}

export interface SplitOptions {
  /** Bone farther than this (geodesic, in steps of the smallest voxel size) from every seed stays 0. */
  maxGrowMm?: number;
}

/** Bone voxels (bone.data != 0) take the label of the geodesically nearest seed voxel (seeds.data != 0). */
export function splitTouchingVertebrae(bone: Volume, seeds: Volume, opts: SplitOptions = {}): Volume {
  assertSameGrid(bone, seeds, 'seed label map');
  const [nx, ny, nz] = bone.dims;
  const n = nx * ny * nz;
  const out = new Uint8Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  for (let p = 0; p < n; p++) {
    const s = seeds.data[p]!;
    if (s !== 0 && bone.data[p] !== 0) {
      if (s > 255 || !Number.isInteger(s))
        throw new Error(`${seeds.name}: seed label ${s} is not an integer 1..255`);
      out[p] = s;
      queue[tail++] = p;
    }
  }
  if (tail === 0) throw new Error(`${seeds.name}: no seed label overlaps the bone mask of ${bone.name}`);
  let head = 0;
  const sxy = nx * ny;
  const maxSteps =
    opts.maxGrowMm === undefined ? Infinity : Math.floor(opts.maxGrowMm / Math.min(...bone.spacing));
  let steps = 0;
  let layerEnd = tail;
  while (head < tail) {
    if (head === layerEnd) {
      steps++;
      layerEnd = tail;
    }
    if (steps >= maxSteps) break;
    const p = queue[head++]!;
    const i = p % nx;
    const j = ((p - i) / nx) % ny;
    const k = (p - i - nx * j) / sxy;
    const lab = out[p]!;
    for (let d = 0; d < 6; d++) {
      let q: number;
      if (d === 0) q = i > 0 ? p - 1 : -1;
      else if (d === 1) q = i < nx - 1 ? p + 1 : -1;
      else if (d === 2) q = j > 0 ? p - nx : -1;
      else if (d === 3) q = j < ny - 1 ? p + nx : -1;
      else if (d === 4) q = k > 0 ? p - sxy : -1;
      else q = k < nz - 1 ? p + sxy : -1;
      if (q < 0 || out[q] !== 0 || bone.data[q] === 0) continue;
      out[q] = lab;
      queue[tail++] = q;
    }
  }
  const present = new Set<number>();
  for (let p = 0; p < n; p++) if (out[p]) present.add(out[p]!);
  const known = new Map((seeds.labels ?? []).map((l) => [l.value, l]));
  const labels = [...present]
    .sort((a, b) => a - b)
    .map((v) => ({ ...(known.get(v) ?? { value: v, name: `vertebra_${v}` }) }));
  return labelVolume(bone, `${bone.name} split`, out, labels);
}
