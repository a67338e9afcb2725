// Shared test fixture: a small reconstructed ball (real pipeline output, anisotropic affine with a flipped
// axis) carrying a scalar field in mV and a vector field in mm. Units: world RAS mm.
import { reconstructLabel, type SurfaceMesh } from '../../../src/meshes';
import type { Volume } from '../../../src/volume/types';

export function testMesh(): SurfaceMesh {
  const N = 20;
  const data = new Uint8Array(N * N * N);
  for (let k = 0; k < N; k++)
    for (let j = 0; j < N; j++)
      for (let i = 0; i < N; i++)
        data[i + N * (j + N * k)] = Math.hypot(i - 9.5, j - 9.2, k - 9.7) < 7 ? 1 : 0;
  const A = new Float64Array([0.7, 0, 0, -31.3, 0, -0.9, 0, 12.1, 0, 0, 1.3, 101.7, 0, 0, 0, 1]);
  const vol: Volume = {
    name: 'ball',
    dims: [N, N, N],
    spacing: [0.7, 0.9, 1.3],
    ijkToWorld: A,
    data,
    modality: 'label',
    units: 'label',
  };
  const mesh = reconstructLabel(vol, 1, 'ball').mesh;
  const nV = mesh.positions.length / 3;
  const s = new Float32Array(nV).map((_, v) => Math.sin(v) * 80 - 20);
  const vec = new Float32Array(3 * nV).map((_, e) => Math.cos(e) * 0.1);
  mesh.fields = {
    vm: { name: 'vm', units: 'mV', components: 1, values: s },
    disp: { name: 'disp', units: 'mm', components: 3, values: vec },
  };
  return mesh;
}
