// Fuzz of the mesh importers (fast-check): truncations, bit flips, byte overwrites and huge counts written
// into headers of valid STL/OBJ/PLY/GLB/VTP files. Each case must give a valid mesh or a MeshReadError
// naming the file — never a TypeError/RangeError, an unexpected exception converted by importMesh, or a
// hang. Units: bytes. The seed mesh is a small reconstructed ball (see io.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exportMesh,
  importMesh,
  MeshReadError,
  MESH_FORMATS,
  reconstructLabel,
  type SurfaceMesh,
} from '../../../src/meshes';
import type { Volume } from '../../../src/volume/types';

const RUNS_PER_FORMAT = 1000;

function seedMesh(): SurfaceMesh {
  const N = 8;
  const data = new Uint8Array(N * N * N);
  for (let k = 0; k < N; k++)
    for (let j = 0; j < N; j++)
      for (let i = 0; i < N; i++)
        data[i + N * (j + N * k)] = Math.hypot(i - 3.5, j - 3.5, k - 3.5) < 2.6 ? 1 : 0;
  const vol: Volume = {
    name: 'b',
    dims: [N, N, N],
    spacing: [1, 1, 1],
    ijkToWorld: new Float64Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]),
    data,
    modality: 'label',
    units: 'label',
  };
  const m = reconstructLabel(vol, 1, 'b', { smoothIterations: 5 }).mesh;
  const nV = m.positions.length / 3;
  m.fields = { vm: { name: 'vm', units: 'mV', components: 1, values: new Float32Array(nV).fill(-80) } };
  return m;
}

const mesh = seedMesh();

type Mutation =
  | { kind: 'cut'; at: number }
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'put'; at: number; value: number }
  | { kind: 'digits'; at: number; text: string };

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bit: fc.integer({ min: 0, max: 7 }),
  }),
  fc.record({
    kind: fc.constant('put' as const),
    at: fc.double({ min: 0, max: 0.05, noNaN: true }),
    value: fc.constantFrom(0xffffffff, 0x7fffffff, 0x80000000, 0, 1, 3, 0xffff),
  }),
  fc.record({
    kind: fc.constant('digits' as const),
    at: fc.double({ min: 0, max: 0.05, noNaN: true }),
    text: fc.constantFrom('99999999999', '4000000000', '-1', '1e9', 'NaN', '0'),
  }),
);

function apply(bytes: Uint8Array, muts: Mutation[]): Uint8Array {
  let b = bytes.slice();
  for (const m of muts) {
    const at = Math.min(b.length - 1, Math.floor(m.at * b.length));
    if (b.length === 0) break;
    if (m.kind === 'cut') b = b.slice(0, at);
    else if (m.kind === 'flip') b[at] = b[at]! ^ (1 << m.bit);
    else if (m.kind === 'put') {
      if (at + 4 <= b.length) new DataView(b.buffer).setUint32(at, m.value, true);
    } else {
      // overwrite the first number at/after `at` (headers of text formats) with a hostile one
      const text = new TextDecoder('latin1').decode(b);
      const re = /\d+/g;
      re.lastIndex = at;
      const hit = re.exec(text);
      if (hit)
        b = new Uint8Array([
          ...b.subarray(0, hit.index),
          ...new TextEncoder().encode(m.text),
          ...b.subarray(hit.index + hit[0].length),
        ]);
    }
  }
  return b;
}

describe.each(MESH_FORMATS)('%s importer fuzz', (fmt) => {
  const valid = exportMesh(mesh, fmt);
  it(`valid mesh or a clear error in ${RUNS_PER_FORMAT} mutated files`, () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (muts) => {
        const bytes = apply(valid, muts);
        let got: SurfaceMesh | undefined;
        try {
          got = importMesh(`fz.${fmt}`, bytes);
        } catch (e) {
          if (
            !(e instanceof MeshReadError) ||
            e.unexpected !== undefined ||
            !e.message.startsWith(`fz.${fmt}: `)
          )
            throw e;
          return;
        }
        // accepted: it must be a structurally valid mesh
        const nV = got.positions.length / 3;
        expect(Number.isInteger(nV) && got.indices.length % 3 === 0 && got.indices.length > 0).toBe(true);
        expect(got.indices.every((v) => v < nV)).toBe(true);
        expect(got.positions.every((x) => Number.isFinite(x))).toBe(true);
      }),
      { numRuns: RUNS_PER_FORMAT, seed: 20261123 },
    );
  });
});
