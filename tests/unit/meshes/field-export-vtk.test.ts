// Field exports read back by vtk.js's own XML readers (an independent implementation of Kitware's format):
// a VTP mesh carrying the app's fields as point data (scalar with units in the name, NaN for no data, a 3-vector,
// the frame's time as FieldData TimeValue) and a VTI of solver grid fields built from compact tissue arrays
// (NaN outside tissue, time-varying field at the playhead's frame, rotated grids via Direction).
// Units: world RAS mm, ms, mV.
import vtkXMLImageDataReader from '@kitware/vtk.js/IO/XML/XMLImageDataReader.js';
import vtkXMLPolyDataReader from '@kitware/vtk.js/IO/XML/XMLPolyDataReader.js';
import { afterEach, describe, expect, it } from 'vitest';
import { exportMesh, importMesh } from '../../../src/meshes';
import { fieldData } from '../../../src/app/fieldStore';
import { meshWithFields } from '../../../src/app/fieldExport';
import { affineToVti, gridFieldsToVti, type GridFieldLike } from '../../../src/app/gridExport';
import { testMesh } from './fixtures';

const toBuffer = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

afterEach(() => {
  fieldData.series.clear();
  fieldData.displacement.clear();
});

describe('VTP with field point data', () => {
  it('carries the frame on screen of a time-varying field, static fields and the displacement vector', () => {
    const base = testMesh();
    base.fields = {};
    const nV = base.positions.length / 3;
    const frames = [0, 1, 2].map((k) => new Float32Array(nV).map((_, v) => -80 + 10 * k + (v % 7)));
    frames[1]![2] = -1e30; // a vertex outside the EP grid
    const act = new Float32Array(nV).map((_, v) => v * 0.25);
    const disp = new Float32Array(3 * nV).map((_, i) => Math.sin(i) * 0.01);
    fieldData.series.set('h', new Map([
      ['Vm', { name: 'Vm', units: 'mV', nVertices: nV, frames, times: [0, 5, 10] }],
      ['activation', { name: 'activation', units: 'ms', nVertices: nV, frames: [act], times: [] }],
    ]));
    fieldData.displacement.set('h', disp);
    const { mesh, timeMs } = meshWithFields('h', base, 'activation', 7); // 7 ms shows the 5 ms frame
    expect(timeMs).toBe(5);
    const bytes = exportMesh(mesh, 'vtp', { timeMs });

    const r = vtkXMLPolyDataReader.newInstance();
    r.parseAsArrayBuffer(toBuffer(bytes));
    const pd = r.getOutputData(0);
    expect(pd.getNumberOfPoints()).toBe(nV);
    const pdata = pd.getPointData();
    const vm = Array.from(pdata.getArrayByName('Vm [mV]').getData() as Float32Array);
    expect(vm[2]).toBeNaN();
    vm.forEach((x, v) => v !== 2 && expect(x).toBe(frames[1]![v]));
    expect(Array.from(pdata.getArrayByName('activation [ms]').getData() as Float32Array)).toEqual(Array.from(act));
    expect(pdata.getScalars()?.getName()).toBe('activation [ms]'); // the active field is the default scalars
    const dv = pdata.getArrayByName('displacement vector [mm]');
    expect(dv.getNumberOfComponents()).toBe(3);
    expect(Array.from(dv.getData() as Float32Array)).toEqual(Array.from(disp));
    expect(new TextDecoder().decode(bytes)).toMatch(/<FieldData>\s*<DataArray type="Float64" Name="TimeValue" NumberOfTuples="1" format="ascii">5</);

    // our own reader gets the fields back under their names and units
    const back = importMesh('heart.vtp', bytes);
    expect(back.fields.Vm?.units).toBe('mV');
    expect(back.fields['displacement vector']?.components).toBe(3);
  });
});

describe('VTI of solver grid fields', () => {
  const dims: [number, number, number] = [3, 2, 2];
  const n = 12;
  const index = new Int32Array(n).fill(-1);
  [1, 4, 7, 10].forEach((g, c) => (index[g] = c));
  const affine = Float64Array.from([0.5, 0, 0, -10, 0, 0.5, 0, 20, 0, 0, 0.5, 30, 0, 0, 0, 1]);
  const vm: GridFieldLike = {
    name: 'Vm', units: 'mV', dims, gridToWorld: affine, index,
    frames: [Float32Array.from([-80, -80, -80, -80]), Float32Array.from([10, -20, -1e30, 5])],
    times: [0, 2],
  };
  const act: GridFieldLike = { name: 'activation', units: 'ms', dims, gridToWorld: affine, index, frames: [Float32Array.from([0, 1, NaN, 3])], times: [] };
  const other: GridFieldLike = { ...act, name: 'elsewhere', gridToWorld: Float64Array.from([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]) };

  it('scatters compact arrays (NaN outside tissue), writes the frame at the playhead and same-grid fields only', () => {
    const { bytes, timeMs } = gridFieldsToVti(vm, [vm, act, other], 3);
    expect(timeMs).toBe(2);
    const r = vtkXMLImageDataReader.newInstance();
    r.parseAsArrayBuffer(toBuffer(bytes));
    const im = r.getOutputData(0);
    expect(Array.from(im.getDimensions())).toEqual(dims);
    expect(Array.from(im.getSpacing())).toEqual([0.5, 0.5, 0.5]);
    expect(Array.from(im.getOrigin())).toEqual([-10, 20, 30]);
    const names = im.getPointData().getArrays().map((a: { getName(): string }) => a.getName());
    expect(names).toEqual(['Vm @ 2 ms [mV]', 'activation [ms]']);
    const v = Array.from(im.getPointData().getArrayByName('Vm @ 2 ms [mV]').getData() as Float32Array);
    const expected = new Array<number>(n).fill(NaN);
    expected[1] = 10;
    expected[4] = -20;
    expected[10] = 5; // grid point 7 holds the no-data sentinel → NaN
    v.forEach((x, g) => (Number.isNaN(expected[g]!) ? expect(x).toBeNaN() : expect(x).toBe(expected[g])));
  });

  it('rotated grids: spacing from the column norms, unit Direction matrix', () => {
    const c = Math.cos(0.3), s = Math.sin(0.3);
    const m = Float64Array.from([2 * c, -3 * s, 0, 1, 2 * s, 3 * c, 0, 2, 0, 0, 4, 3, 0, 0, 0, 1]);
    const v = affineToVti(m);
    expect(v.origin).toEqual([1, 2, 3]);
    v.spacing.forEach((h, i) => expect(Math.abs(h - [2, 3, 4][i]!)).toBeLessThan(1e-12));
    const want = [c, -s, 0, s, c, 0, 0, 0, 1];
    v.direction!.forEach((d, i) => expect(Math.abs(d - want[i]!)).toBeLessThan(1e-12));
    expect(affineToVti(affine).direction).toBeUndefined();
  });
});
