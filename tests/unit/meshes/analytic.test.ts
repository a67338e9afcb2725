// Analytic checks of the surface pipeline on a 256³, 1 mm grid: a sphere (R = 90 mm) and a torus
// (R = 70 mm, r = 25 mm) as signed distance fields (isoSurface at 0, no smoothing: the zero level of an exact
// distance field is already the true surface, so smoothing could only bias it) and as binary masks
// (reconstructLabel with Slicer's smoothing). Reference values: sphere A = 4πR², V = 4/3πR³; torus
// (Pappus) A = 4π²Rr, V = 2π²Rr². Units: mm, mm², ml. Frame: identity affine, world = IJK mm.
import { describe, expect, it } from 'vitest';
import { isoSurface, reconstructLabel } from '../../../src/meshes';
import type { Vec3, Volume } from '../../../src/volume/types';

const N = 256;
/** Distance-field surface: linear interpolation of an exact SDF on 1 mm voxels, chord error ~h²/8R ≈ 0.002 mm. */
const SDF_TOL = 0.002;
/** Binary masks after smoothing, the targets: area within 2 %, volume within 1 %. */
const MASK_AREA_TOL = 0.02;
const MASK_VOLUME_TOL = 0.01;

const identity = new Float64Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
const c = (N - 1) / 2;

function field(sdf: (x: number, y: number, z: number) => number): Float32Array {
  const out = new Float32Array(N * N * N);
  let idx = 0;
  for (let k = 0; k < N; k++)
    for (let j = 0; j < N; j++) for (let i = 0; i < N; i++) out[idx++] = sdf(i - c, j - c, k - c);
  return out;
}

function vol(data: Float32Array | Uint8Array, modality: 'field' | 'label'): Volume {
  const dims: Vec3 = [N, N, N];
  return {
    name: 'analytic',
    dims,
    spacing: [1, 1, 1],
    ijkToWorld: identity,
    data,
    modality,
    units: modality === 'field' ? 'mm' : 'label',
  };
}

function maskOf(sdf: Float32Array): Uint8Array {
  const m = new Uint8Array(sdf.length);
  for (let v = 0; v < sdf.length; v++) m[v] = sdf[v]! < 0 ? 1 : 0;
  return m;
}

const rel = (a: number, b: number): number => Math.abs(a - b) / b;

const shapes = [
  {
    name: 'sphere',
    sdf: (x: number, y: number, z: number) => Math.hypot(x, y, z) - 90,
    area: 4 * Math.PI * 90 ** 2,
    volumeMl: ((4 / 3) * Math.PI * 90 ** 3) / 1000,
  },
  {
    name: 'torus',
    sdf: (x: number, y: number, z: number) => Math.hypot(Math.hypot(x, y) - 70, z) - 25,
    area: 4 * Math.PI ** 2 * 70 * 25,
    volumeMl: (2 * Math.PI ** 2 * 70 * 25 ** 2) / 1000,
  },
];

describe.each(shapes)('$name at 256³, 1 mm', (shape) => {
  const sdf = field(shape.sdf);

  it('distance-field surface matches the analytic area and volume', () => {
    const { mesh } = isoSurface(vol(sdf, 'field'), 0, shape.name, { smoothIterations: 0 });
    const m = mesh.metrics!;
    console.log(
      `${shape.name} SDF: area ${m.areaMm2.toFixed(1)} (exact ${shape.area.toFixed(1)}), volume ${m.volumeMl.toFixed(3)} ml (exact ${shape.volumeMl.toFixed(3)})`,
    );
    expect(m.watertight).toBe(true);
    expect(rel(m.areaMm2, shape.area)).toBeLessThan(SDF_TOL);
    expect(rel(m.volumeMl, shape.volumeMl)).toBeLessThan(SDF_TOL);
  });

  it('binary-mask surface: smoothing brings the staircase area back without shrinking the volume', () => {
    const labels = vol(maskOf(sdf), 'label');
    const raw = reconstructLabel(labels, 1, shape.name, { smoothIterations: 0 }).mesh.metrics!;
    const smooth = reconstructLabel(labels, 1, shape.name).mesh.metrics!;
    console.log(
      `${shape.name} mask: area raw ${raw.areaMm2.toFixed(1)} (${(100 * (raw.areaMm2 / shape.area - 1)).toFixed(2)} %), ` +
        `smoothed ${smooth.areaMm2.toFixed(1)} (${(100 * (smooth.areaMm2 / shape.area - 1)).toFixed(2)} %); volume raw ` +
        `${raw.volumeMl.toFixed(2)} (${(100 * (raw.volumeMl / shape.volumeMl - 1)).toFixed(2)} %), smoothed ${smooth.volumeMl.toFixed(2)} ` +
        `(${(100 * (smooth.volumeMl / shape.volumeMl - 1)).toFixed(2)} %), voxels ${smooth.voxelVolumeMl!.toFixed(2)} ml`,
    );
    expect(raw.watertight && smooth.watertight).toBe(true);
    // the staircase surface is too large before smoothing, and smoothing moves it toward the truth
    expect(raw.areaMm2).toBeGreaterThan(shape.area * (1 + MASK_AREA_TOL));
    expect(rel(smooth.areaMm2, shape.area)).toBeLessThan(MASK_AREA_TOL);
    expect(rel(smooth.volumeMl, shape.volumeMl)).toBeLessThan(MASK_VOLUME_TOL);
  });
});
