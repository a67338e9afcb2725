// The two vtk.js stages of the surface pipeline: marching cubes and windowed-sinc smoothing. Both run in
// the crop's INDEX space with unit spacing (Slicer's recipe), so smoothing is isotropic in voxels and the
// affine (with its spacing, permutations and flips) is applied afterwards. Units: voxels. vtk.js objects
// never leave this file: plain typed arrays in, plain typed arrays out.
import vtkImageData from '@kitware/vtk.js/Common/DataModel/ImageData.js';
import vtkDataArray from '@kitware/vtk.js/Common/Core/DataArray.js';
import vtkPolyData from '@kitware/vtk.js/Common/DataModel/PolyData.js';
import vtkImageMarchingCubes from '@kitware/vtk.js/Filters/General/ImageMarchingCubes.js';
import vtkWindowedSincPolyDataFilter from '@kitware/vtk.js/Filters/General/WindowedSincPolyDataFilter.js';
import type { Vec3 } from '../../volume/types';

export interface RawMesh {
  /** xyz per vertex (index space of the crop until transformed). */
  positions: Float32Array;
  /** Three vertex ids per triangle. */
  indices: Uint32Array;
}

/** vtk.js prints console.time/log chatter ("mcubes: …ms", passband warnings); keep stdout clean. */
function quietly<T>(fn: () => T): T {
  const c = console as unknown as Record<string, unknown>;
  const saved = { time: c.time, timeEnd: c.timeEnd, log: c.log };
  c.time = c.timeEnd = c.log = () => undefined;
  try {
    return fn();
  } finally {
    Object.assign(c, saved);
  }
}

/** Marching cubes (merged points) on a scalar grid with unit spacing and origin 0. */
export function marchingCubes(dims: Vec3, scalars: Uint8Array | Float32Array, iso: number): RawMesh {
  const image = vtkImageData.newInstance();
  image.setDimensions(dims[0], dims[1], dims[2]);
  image.setSpacing([1, 1, 1]);
  image.setOrigin([0, 0, 0]);
  image
    .getPointData()
    .setScalars(vtkDataArray.newInstance({ numberOfComponents: 1, values: scalars, name: 's' }));
  const mc = vtkImageMarchingCubes.newInstance({
    contourValue: iso,
    computeNormals: false,
    mergePoints: true,
  });
  mc.setInputData(image);
  const poly = quietly(() => mc.getOutputData());
  const positions = poly.getPoints().getData() as Float32Array;
  const cells = poly.getPolys().getData() as Uint32Array;
  return { positions: new Float32Array(positions), indices: cellsToTriangles(cells) };
}

/** vtk cell array [3, a, b, c, 3, ...] (triangles only, as marching cubes makes) -> flat a, b, c. */
function cellsToTriangles(cells: Uint32Array): Uint32Array {
  const n = cells.length / 4;
  const out = new Uint32Array(n * 3);
  for (let t = 0; t < n; t++) {
    out[3 * t] = cells[4 * t + 1]!;
    out[3 * t + 1] = cells[4 * t + 2]!;
    out[3 * t + 2] = cells[4 * t + 3]!;
  }
  return out;
}

export interface SmoothParams {
  iterations: number;
  passBand: number;
}

/**
 * Windowed sinc smoothing with 3D Slicer's closed-surface settings: no boundary or feature-edge smoothing,
 * non-manifold smoothing on, normalized coordinates. Returns new positions (same topology).
 */
export function windowedSinc(mesh: RawMesh, p: SmoothParams): Float32Array {
  const n = mesh.indices.length / 3;
  const cells = new Uint32Array(n * 4);
  for (let t = 0; t < n; t++) {
    cells[4 * t] = 3;
    cells[4 * t + 1] = mesh.indices[3 * t]!;
    cells[4 * t + 2] = mesh.indices[3 * t + 1]!;
    cells[4 * t + 3] = mesh.indices[3 * t + 2]!;
  }
  const poly = vtkPolyData.newInstance();
  poly.getPoints().setData(mesh.positions, 3);
  poly.getPolys().setData(cells);
  const f = vtkWindowedSincPolyDataFilter.newInstance({
    numberOfIterations: p.iterations,
    passBand: p.passBand,
    boundarySmoothing: 0,
    featureEdgeSmoothing: 0,
    nonManifoldSmoothing: 1,
    normalizeCoordinates: 1,
  });
  f.setInputData(poly);
  const out = quietly(() => f.getOutputData());
  return Float32Array.from(out.getPoints().getData() as ArrayLike<number>);
}
