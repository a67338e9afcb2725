// Independent check that our .vtp and .vti files are valid VTK XML: vtk.js's own XML readers (a separate
// implementation of Kitware's format) parse them back to the same points, cells and arrays.
// Units: world mm; array values as written.
import vtkXMLImageDataReader from '@kitware/vtk.js/IO/XML/XMLImageDataReader.js';
import vtkXMLPolyDataReader from '@kitware/vtk.js/IO/XML/XMLPolyDataReader.js';
import { describe, expect, it } from 'vitest';
import { exportMesh, writeVti } from '../../../src/meshes';
import { testMesh } from './fixtures';

const toBuffer = (b: Uint8Array): ArrayBuffer =>
  b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

describe('VTK XML compatibility (read back with vtk.js)', () => {
  it('VTP: points, triangles, normals and fields', () => {
    const mesh = testMesh();
    const r = vtkXMLPolyDataReader.newInstance();
    r.parseAsArrayBuffer(toBuffer(exportMesh(mesh, 'vtp')));
    const pd = r.getOutputData(0);
    expect(pd.getNumberOfPoints()).toBe(mesh.positions.length / 3);
    expect(pd.getPolys().getNumberOfCells()).toBe(mesh.indices.length / 3);
    expect(Array.from(pd.getPoints().getData() as Float32Array)).toEqual(Array.from(mesh.positions));
    const names = pd
      .getPointData()
      .getArrays()
      .map((a: { getName(): string }) => a.getName());
    expect(names).toEqual(expect.arrayContaining(['Normals', 'vm [mV]', 'disp [mm]']));
    const disp = pd.getPointData().getArrayByName('disp [mm]');
    expect(disp.getNumberOfComponents()).toBe(3);
    expect(Array.from(disp.getData() as Float32Array)).toEqual(Array.from(mesh.fields.disp!.values));
  });

  it('VTI: dims, spacing, origin and values', () => {
    const values = new Float32Array(24).map((_, i) => i * 0.5 - 3);
    const bytes = writeVti({
      dims: [2, 3, 4],
      spacing: [1, 1.5, 2],
      origin: [-10, 5, 0],
      arrays: [{ name: 'vm', values, components: 1 }],
    });
    const r = vtkXMLImageDataReader.newInstance();
    r.parseAsArrayBuffer(toBuffer(bytes));
    const im = r.getOutputData(0);
    expect(Array.from(im.getDimensions())).toEqual([2, 3, 4]);
    expect(Array.from(im.getSpacing())).toEqual([1, 1.5, 2]);
    expect(Array.from(im.getOrigin())).toEqual([-10, 5, 0]);
    expect(Array.from(im.getPointData().getArrayByName('vm').getData() as Float32Array)).toEqual(
      Array.from(values),
    );
  });
});
