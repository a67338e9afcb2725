// Analytic test domains voxelised into cubic elements of edge h (mm): box, cylinder (axis = world z) and the
// octant of a thick-walled sphere (for the Lamé check with symmetry rollers). An element is active when its
// centre lies inside the shape. Frame: world = grid axes (identity rotation), mm; box and cylinder stand on z = 0
// centred on the z axis; the shell octant covers x, y, z ≥ 0 with the centre at the origin.
import type { Vec3 } from '../../volume/types';
import type { HexDomain } from './types';

export interface UniformMaterial {
  /** Young's modulus, MPa. */
  E: number;
  /** Poisson ratio. */
  nu: number;
}

function checkPositive(name: string, v: number): void {
  if (!(v > 0) || !Number.isFinite(v)) throw new Error(`${name} must be a positive number of mm, got ${v}`);
}

/** Builds a domain from an inside-test on element centres (world mm) over a grid at `origin` with `dims`. */
export function voxelise(
  dims: Vec3,
  h: number,
  origin: Vec3,
  inside: (x: number, y: number, z: number) => boolean,
  mat: UniformMaterial,
): HexDomain {
  checkPositive('element size', h);
  const [nx, ny, nz] = dims;
  if (nx * ny * nz > 64e6)
    throw new Error(`mechanics: grid ${nx}×${ny}×${nz} is too large; use a larger element size`);
  const list: number[] = [];
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        if (inside(origin[0] + (i + 0.5) * h, origin[1] + (j + 0.5) * h, origin[2] + (k + 0.5) * h))
          list.push(i + nx * (j + ny * k));
      }
  const elements = Int32Array.from(list);
  const nodeToWorld = new Float64Array(16);
  nodeToWorld[0] = nodeToWorld[5] = nodeToWorld[10] = h;
  nodeToWorld[3] = origin[0];
  nodeToWorld[7] = origin[1];
  nodeToWorld[11] = origin[2];
  nodeToWorld[15] = 1;
  return {
    dims,
    h,
    nodeToWorld,
    elements,
    E: new Float32Array(elements.length).fill(mat.E),
    nu: new Float32Array(elements.length).fill(mat.nu),
  };
}

function cells(len: number, h: number, what: string): number {
  const n = Math.round(len / h);
  if (n < 1) throw new Error(`${what} (${len} mm) is smaller than the element size (${h} mm)`);
  return n;
}

/** Box L×W×H mm (x×y×z) on z = 0, centred on the z axis. Sizes are rounded to whole elements. */
export function boxDomain(L: number, W: number, H: number, h: number, mat: UniformMaterial): HexDomain {
  for (const [n, v] of [
    ['box length', L],
    ['box width', W],
    ['box height', H],
  ] as const)
    checkPositive(n, v);
  const nx = cells(L, h, 'box length');
  const ny = cells(W, h, 'box width');
  const nz = cells(H, h, 'box height');
  return voxelise([nx, ny, nz], h, [(-nx * h) / 2, (-ny * h) / 2, 0], () => true, mat);
}

/** Cylinder of radius r and height H (mm) on z = 0 around the z axis (staircase side). */
export function cylinderDomain(r: number, H: number, h: number, mat: UniformMaterial): HexDomain {
  checkPositive('cylinder radius', r);
  checkPositive('cylinder height', H);
  const half = Math.ceil(r / h);
  const nz = cells(H, h, 'cylinder height');
  return voxelise(
    [2 * half, 2 * half, nz],
    h,
    [-half * h, -half * h, 0],
    (x, y) => x * x + y * y <= r * r,
    mat,
  );
}

/** Octant (x, y, z ≥ 0) of a spherical shell a ≤ r ≤ b (mm) centred at the origin. */
export function shellOctantDomain(a: number, b: number, h: number, mat: UniformMaterial): HexDomain {
  checkPositive('inner radius', a);
  if (!(b > a)) throw new Error(`shell outer radius b (${b} mm) must exceed inner radius a (${a} mm)`);
  const n = Math.ceil(b / h);
  return voxelise(
    [n, n, n],
    h,
    [0, 0, 0],
    (x, y, z) => {
      const r2 = x * x + y * y + z * z;
      return r2 >= a * a && r2 <= b * b;
    },
    mat,
  );
}
