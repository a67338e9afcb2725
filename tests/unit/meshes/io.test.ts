// Mesh I/O round trips (STL, OBJ, PLY, GLB, VTP): positions, indices, normals and fields survive within
// float32, closed meshes stay watertight; truncated/garbage files are refused with a message naming the file.
// Units: world mm. The test mesh is a reconstructed ball (a real pipeline output) with a scalar field in mV
// and a vector field in mm.
import { describe, expect, it } from 'vitest';
import {
  exportMesh,
  importMesh,
  meshMetrics,
  MeshReadError,
  MESH_FORMATS,
  writeVti,
} from '../../../src/meshes';
import { testMesh } from './fixtures';

/** Text formats print Math.fround(x) shortest round-trip strings: values come back bit-identical to float32. */
const F32_TOL = 0;
/** Volume/area of a welded STL equal the original's up to float64 summation order. */
const METRIC_REL_TOL = 1e-9;

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
}

const mesh = testMesh();

describe.each(MESH_FORMATS)('%s round trip', (fmt) => {
  it('preserves geometry, normals, fields and watertightness', () => {
    const back = importMesh(`ball.${fmt}`, exportMesh(mesh, fmt));
    const m0 = meshMetrics(mesh);
    const m1 = meshMetrics(back);
    expect(m1.watertight).toBe(true);
    expect(Math.abs(m1.volumeMl / m0.volumeMl - 1)).toBeLessThan(METRIC_REL_TOL);
    expect(Math.abs(m1.areaMm2 / m0.areaMm2 - 1)).toBeLessThan(METRIC_REL_TOL);
    if (fmt === 'stl') {
      // STL stores corners per triangle; welding rebuilds the same vertex count
      expect(back.positions.length).toBe(mesh.positions.length);
      return;
    }
    expect(maxDiff(back.positions, mesh.positions)).toBeLessThanOrEqual(F32_TOL);
    expect(Array.from(back.indices)).toEqual(Array.from(mesh.indices));
    expect(maxDiff(back.normals!, mesh.normals!)).toBeLessThanOrEqual(F32_TOL);
    if (fmt === 'obj') return; // OBJ cannot hold fields
    for (const f of Object.values(mesh.fields)) {
      const g = back.fields[f.name];
      expect(g, `field ${f.name}`).toBeDefined();
      expect(g!.units).toBe(f.units);
      expect(g!.components).toBe(f.components);
      expect(maxDiff(g!.values, f.values)).toBeLessThanOrEqual(F32_TOL);
    }
  });

  it('refuses truncated files with a message naming the file', () => {
    const bytes = exportMesh(mesh, fmt);
    for (const cut of [0, 10, Math.floor(bytes.length / 2), bytes.length - 7]) {
      let err: unknown;
      try {
        const got = importMesh(`cut.${fmt}`, bytes.subarray(0, cut));
        // OBJ has no length or end marker: a cut at a line end is a smaller valid mesh
        if (fmt === 'obj' && cut > 0 && got.indices.length <= mesh.indices.length) continue;
      } catch (e) {
        err = e;
      }
      expect(err, `cut at ${cut}`).toBeInstanceOf(MeshReadError);
      expect((err as MeshReadError).message.startsWith(`cut.${fmt}: `)).toBe(true);
      expect((err as MeshReadError).unexpected).toBeUndefined();
    }
  });

  it('refuses garbage', () => {
    const junk = new Uint8Array(4000).map((_, i) => (i * 7919 + 13) % 251);
    expect(() => importMesh(`junk.${fmt}`, junk)).toThrow(/^junk\./);
  });
});

describe('format details', () => {
  it('reads ASCII STL and ASCII PLY with polygons', () => {
    const stl =
      'solid t\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\nvertex 0 1 0\nendloop\nendfacet\nendsolid t\n';
    const s = importMesh('t.stl', new TextEncoder().encode(stl));
    expect(s.indices.length).toBe(3);
    const ply =
      'ply\nformat ascii 1.0\nelement vertex 4\nproperty float x\nproperty float y\nproperty float z\nproperty float temp\nelement face 1\nproperty list uchar int vertex_indices\nend_header\n0 0 0 1\n1 0 0 2\n1 1 0 3\n0 1 0 4\n4 0 1 2 3\n';
    const p = importMesh('q.ply', new TextEncoder().encode(ply));
    expect(p.indices.length).toBe(6);
    expect(Array.from(p.fields.temp!.values)).toEqual([1, 2, 3, 4]);
  });

  it('refuses a huge triangle count before allocating', () => {
    const b = new Uint8Array(84 + 50);
    new DataView(b.buffer).setUint32(80, 0xfffffff0, true);
    expect(() => importMesh('huge.stl', b)).toThrow(/huge\.stl: .*(limit|truncated)/);
    const ply =
      'ply\nformat binary_little_endian 1.0\nelement vertex 4000000000\nproperty float x\nend_header\n';
    expect(() => importMesh('huge.ply', new TextEncoder().encode(ply))).toThrow(/huge\.ply: /);
    // found by fuzzing: a field comment declaring 4e9 components, and a property-less element with a huge count
    const good = new TextDecoder('latin1').decode(exportMesh(mesh, 'ply'));
    const hostile = good
      .replace(/comment field vm 1 /, 'comment field vm 4000000000 ')
      .replace('element face', 'element junk 100000000\nelement face');
    const back = importMesh(
      'hostile.ply',
      Uint8Array.from(hostile, (ch) => ch.charCodeAt(0)),
    );
    expect(back.indices.length).toBe(mesh.indices.length);
  });

  it('GLB declares mm units and VTI writes a parseable grid', () => {
    const glb = exportMesh(mesh, 'glb');
    const jsonLen = new DataView(glb.buffer).getUint32(12, true);
    const json = JSON.parse(new TextDecoder().decode(glb.subarray(20, 20 + jsonLen)));
    expect(json.asset.extras.units).toBe('mm');
    const vti = new TextDecoder().decode(
      writeVti({
        dims: [2, 3, 4],
        spacing: [1, 1, 2],
        origin: [0, 0, 0],
        arrays: [{ name: 'vm', values: new Float32Array(24), components: 1 }],
      }),
    );
    expect(vti).toContain('WholeExtent="0 1 0 2 0 3"');
    expect(() =>
      writeVti({
        dims: [2, 2, 2],
        spacing: [1, 1, 1],
        origin: [0, 0, 0],
        arrays: [{ name: 'x', values: new Float32Array(3), components: 1 }],
      }),
    ).toThrow(/'x'/);
  });
});
