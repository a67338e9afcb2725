// Voxelises the phantom's paint operations onto an axis-aligned grid: CT in HU (Int16) and the label map
// (Uint8) on the same grid. Works one image row (fixed j, k) at a time: each shape reports its exact
// x-interval on the row, and the voxels whose centres fall inside are filled with TypedArray.fill (no
// per-voxel closures). Deterministic: textures/noise come from an integer hash of the voxel index.
// Units: mm, HU. Frame: world RAS+, axis-aligned affine with positive spacing, torso centred at the origin.
import type { LabelledVolume, Vec3, Volume } from '../types';
import { BODY_HALF_Z, FOV_MM, phantomOps, type PaintOp } from './anatomy';
import { PHANTOM_LABELS } from './labels';

export interface PhantomOptions {
  /** Isotropic voxel size in mm, 0.5..3 (default 1.0). */
  voxelMm?: number;
}

export const VOXEL_MIN_MM = 0.5;
export const VOXEL_MAX_MM = 3;

export interface PhantomGrid {
  dims: Vec3;
  spacing: Vec3;
  origin: Vec3;
  ijkToWorld: Float64Array;
}

export function phantomGrid(opts: PhantomOptions = {}): PhantomGrid {
  const v = opts.voxelMm ?? 1;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < VOXEL_MIN_MM || v > VOXEL_MAX_MM) {
    throw new Error(
      `phantom: voxelMm must be a number between ${VOXEL_MIN_MM} and ${VOXEL_MAX_MM} mm, got ${String(v)}`,
    );
  }
  const dims = FOV_MM.map((f) => Math.max(1, Math.round(f / v))) as Vec3;
  const origin = dims.map((n) => (-(n - 1) * v) / 2) as Vec3;
  // prettier-ignore
  const ijkToWorld = new Float64Array([v, 0, 0, origin[0], 0, v, 0, origin[1], 0, 0, v, origin[2], 0, 0, 0, 1]);
  return { dims, spacing: [v, v, v], origin, ijkToWorld };
}

/** 32-bit integer hash (lowbias32 style), deterministic across platforms. */
function hash32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

function sinTable(n: number, x0: number, v: number, periodMm: number, phase: number): Float64Array {
  const t = new Float64Array(n);
  for (let i = 0; i < n; i++) t[i] = Math.sin((2 * Math.PI * (x0 + i * v)) / periodMm + phase);
  return t;
}

/** Generates the phantom CT (HU) and its label map. */
export function generatePhantom(opts: PhantomOptions = {}): LabelledVolume {
  const g = phantomGrid(opts);
  const [nx, ny, nz] = g.dims;
  const v = g.spacing[0];
  const [x0, y0, z0] = g.origin;
  const n = nx * ny * nz;
  const hu = new Int16Array(n).fill(-1000);
  const lab = new Uint8Array(n);
  const ops = phantomOps();
  const out = new Float64Array(2);
  // Lung texture: a smooth separable pattern (+-25 HU) plus white noise (+-20 HU).
  const sx = sinTable(nx, x0, v, 17, 0);
  const sy = sinTable(ny, y0, v, 13, 1);
  const sz = sinTable(nz, z0, v, 19, 2);

  for (let k = 0; k < nz; k++) {
    const z = z0 + k * v;
    if (Math.abs(z) > BODY_HALF_Z) continue;
    const active: PaintOp[] = ops.filter((op) => z >= op.shape.zMin && z <= op.shape.zMax);
    for (let j = 0; j < ny; j++) {
      const y = y0 + j * v;
      const base = nx * (j + ny * k);
      for (const op of active) {
        if (!op.shape.row(y, z, out)) continue;
        const i0 = Math.max(0, Math.ceil((out[0]! - x0) / v));
        const i1 = Math.min(nx - 1, Math.floor((out[1]! - x0) / v));
        if (i0 > i1) continue;
        lab.fill(op.label, base + i0, base + i1 + 1);
        if (op.texture === 'lung') {
          const syz = 25 * sy[j]! * sz[k]!;
          for (let i = i0; i <= i1; i++) {
            const noise = (hash32(base + i) % 41) - 20;
            hu[base + i] = Math.round(op.hu + syz * sx[i]! + noise);
          }
        } else hu.fill(op.hu, base + i0, base + i1 + 1);
      }
      // Mild acquisition noise (+-6 HU, uniform) on everything inside the body.
      for (let i = 0; i < nx; i++) {
        const idx = base + i;
        if (lab[idx] !== 0) hu[idx] = hu[idx]! + ((hash32(idx ^ 0x5bd1e995) % 13) - 6);
      }
    }
  }

  const common = { name: 'phantom', dims: g.dims, spacing: g.spacing, ijkToWorld: g.ijkToWorld };
  const image: Volume = {
    ...common,
    ijkToWorld: g.ijkToWorld.slice(),
    data: hu,
    modality: 'CT',
    units: 'HU',
  };
  const labels: Volume = {
    ...common,
    dims: [...g.dims],
    spacing: [...g.spacing],
    ijkToWorld: g.ijkToWorld.slice(),
    data: lab,
    modality: 'label',
    units: 'label',
    labels: PHANTOM_LABELS.map((l) => ({ ...l })),
  };
  return { image, labels };
}
