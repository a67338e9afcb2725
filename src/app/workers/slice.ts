// Axis-aligned slice geometry and extraction for the 2D slice views. Each anatomical plane fixes the voxel axis
// closest to its normal (works for permuted/flipped affines; oblique grids are shown along the nearest axes),
// and lays the other two out in radiological display order: axial and coronal with the patient's left on the
// screen's right, sagittal with anterior on the left; superior/anterior up. Frames: voxel IJK <-> world RAS mm.
import { applyAffine, invertAffine } from '../../volume/affine';
import type { Vec3, Volume } from '../../volume/types';

export type SlicePlane = 'axial' | 'coronal' | 'sagittal';

export interface SliceFrame {
  /** Voxel axis held fixed, and the voxel axes along screen x (u) and screen y (v, downwards). */
  fixed: 0 | 1 | 2;
  u: 0 | 1 | 2;
  v: 0 | 1 | 2;
  uFlip: boolean;
  vFlip: boolean;
  width: number;
  height: number;
  count: number;
}

/** World axis (0 R, 1 A, 2 S) and screen direction (+1/-1) along screen x and screen y (down). */
const LAYOUT: Record<SlicePlane, { normal: number; ux: number; uDir: number; vy: number; vDir: number }> = {
  axial: { normal: 2, ux: 0, uDir: -1, vy: 1, vDir: -1 },
  coronal: { normal: 1, ux: 0, uDir: -1, vy: 2, vDir: -1 },
  sagittal: { normal: 0, ux: 1, uDir: -1, vy: 2, vDir: -1 },
};

/** For each voxel axis: the dominant world axis and the sign of its direction cosine. */
export function axisMap(m: Float64Array): { world: number; sign: number }[] {
  const used = new Set<number>();
  const out: { world: number; sign: number }[] = [];
  for (let a = 0; a < 3; a++) {
    const col = [m[a]!, m[4 + a]!, m[8 + a]!];
    let best = -1;
    for (let w = 0; w < 3; w++) if (!used.has(w) && (best < 0 || Math.abs(col[w]!) > Math.abs(col[best]!))) best = w;
    used.add(best);
    out.push({ world: best, sign: col[best]! < 0 ? -1 : 1 });
  }
  return out;
}

export function sliceFrame(dims: Vec3, m: Float64Array, plane: SlicePlane): SliceFrame {
  const map = axisMap(m);
  const L = LAYOUT[plane];
  const find = (w: number) => map.findIndex((x) => x.world === w) as 0 | 1 | 2;
  const fixed = find(L.normal);
  const u = find(L.ux);
  const v = find(L.vy);
  return {
    fixed,
    u,
    v,
    uFlip: map[u]!.sign !== L.uDir,
    vFlip: map[v]!.sign !== L.vDir,
    width: dims[u],
    height: dims[v],
    count: dims[fixed],
  };
}

/** Continuous voxel coordinates of a display pixel (x, y) on slice `index`. */
export function pixelToIjk(f: SliceFrame, index: number, x: number, y: number): Vec3 {
  const ijk: Vec3 = [0, 0, 0];
  ijk[f.fixed] = index;
  ijk[f.u] = f.uFlip ? f.width - 1 - x : x;
  ijk[f.v] = f.vFlip ? f.height - 1 - y : y;
  return ijk;
}

/** Display pixel (x, y) and slice index of voxel coordinates. */
export function ijkToPixel(f: SliceFrame, ijk: Vec3): { x: number; y: number; index: number } {
  const a = ijk[f.u];
  const b = ijk[f.v];
  return { x: f.uFlip ? f.width - 1 - a : a, y: f.vFlip ? f.height - 1 - b : b, index: ijk[f.fixed] };
}

export function worldToIjk(m: Float64Array, p: Vec3): Vec3 {
  return applyAffine(invertAffine(m), p[0], p[1], p[2]);
}

export function ijkToWorld(m: Float64Array, ijk: Vec3): Vec3 {
  return applyAffine(m, ijk[0], ijk[1], ijk[2]);
}

export interface SliceData {
  plane: SlicePlane;
  index: number;
  width: number;
  height: number;
  /** Image values (HU for CT), row-major, screen y down. */
  image: Int16Array | Float32Array;
  /** Label values on the same pixels (0 = none). */
  labels: Uint16Array;
}

export function extractSlice(image: Volume, labels: Volume | undefined, plane: SlicePlane, index: number): SliceData {
  const f = sliceFrame(image.dims, image.ijkToWorld, plane);
  const k = Math.max(0, Math.min(f.count - 1, Math.round(index)));
  const [nx, ny] = image.dims;
  const stride = [1, nx, nx * ny];
  const out = image.data instanceof Int16Array ? new Int16Array(f.width * f.height) : new Float32Array(f.width * f.height);
  const lab = new Uint16Array(f.width * f.height);
  const base = k * stride[f.fixed]!;
  for (let y = 0; y < f.height; y++) {
    const b = f.vFlip ? f.height - 1 - y : y;
    for (let x = 0; x < f.width; x++) {
      const a = f.uFlip ? f.width - 1 - x : x;
      const p = base + a * stride[f.u]! + b * stride[f.v]!;
      out[y * f.width + x] = image.data[p]!;
      if (labels) lab[y * f.width + x] = labels.data[p]!;
    }
  }
  return { plane, index: k, width: f.width, height: f.height, image: out, labels: lab };
}

/** Robust display range (1st..99th percentile of a strided sample), used for MR auto window. */
export function autoRange(v: Volume): [number, number] {
  const step = Math.max(1, Math.floor(v.data.length / 200_000));
  const s: number[] = [];
  for (let p = 0; p < v.data.length; p += step) s.push(v.data[p]!);
  s.sort((a, b) => a - b);
  const lo = s[Math.floor(0.01 * (s.length - 1))] ?? 0;
  const hi = s[Math.floor(0.99 * (s.length - 1))] ?? 1;
  return [lo, hi > lo ? hi : lo + 1];
}
