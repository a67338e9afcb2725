// Field read-outs and exports on the app side: barycentric hover value (no-data vertices left out), the value at
// a probe vertex in the frame at the playhead, the per-vertex field CSV (frame on screen vs all frames as
// columns, units in the header, RAS mm positions), probe series aligned on one time axis and the probe CSV.
// Units: mV, ms, mm.
import { afterEach, describe, expect, it } from 'vitest';
import { fieldData, useFields, type FieldSeries, type Probe } from '../../../src/app/fieldStore';
import { formatValue, formatWithUnits, valueAtFace, valueAtVertex } from '../../../src/app/fieldValues';
import { organFieldCsv } from '../../../src/app/fieldExport';
import { parseNumericCsv } from '../../../src/meshes';
import { alignSeries, probeCsv } from '../../../src/ui/probes/series';
import type { SurfaceMesh } from '../../../src/meshes/types';

/** Interpolation error allowed (float32 values, float64 maths). */
const TOL = 1e-5;

const mesh: SurfaceMesh = {
  name: 'tri',
  positions: Float32Array.from([0, 0, 0, 10, 0, 0, 0, 10, 0, 0, 0, 10]),
  indices: Uint32Array.from([0, 1, 2, 0, 2, 3]),
  fields: {},
};
const vm: FieldSeries = {
  name: 'Vm',
  units: 'mV',
  nVertices: 4,
  frames: [Float32Array.from([-80, -80, -80, -80]), Float32Array.from([20, -40, -1e30, 0]), Float32Array.from([-10, -20, -30, -60])],
  times: [0, 5, 10],
};

afterEach(() => {
  fieldData.series.clear();
  useFields.setState({ probes: [] });
});

describe('field values at a point', () => {
  it('barycentric interpolation skips no-data vertices and renormalises', () => {
    expect(Math.abs(valueAtFace(vm.frames[2]!, [0, 1, 2], [0.2, 0.3, 0.5]) - (-2 - 6 - 15))).toBeLessThan(TOL);
    // vertex 2 has no data at 5 ms: weights 0.2 and 0.3 → (0.2·20 + 0.3·(−40)) / 0.5
    expect(Math.abs(valueAtFace(vm.frames[1]!, [0, 1, 2], [0.2, 0.3, 0.5]) - -16)).toBeLessThan(TOL);
    expect(valueAtFace(vm.frames[1]!, [2, 2, 2], [1, 0, 0])).toBeNaN();
  });

  it('the frame at the playhead: last frame at or before t', () => {
    expect(valueAtVertex(vm, 0, 7)).toBe(20);
    expect(valueAtVertex(vm, 0, 10)).toBe(-10);
    expect(valueAtVertex(vm, 0, 1e6)).toBe(-10);
    expect(valueAtVertex(vm, 2, 6)).toBeNaN();
  });

  it('formats 3–4 significant digits with units, never -0', () => {
    expect(formatValue(-45.27)).toBe('-45.3');
    expect(formatValue(0.016634)).toBe('0.0166');
    expect(formatValue(-0.0001)).toBe('-1.00e-4');
    expect(formatValue(-0.00001 + 0.00001)).toBe('0.00');
    expect(formatWithUnits(123.4, 'mV')).toBe('123 mV');
    expect(formatWithUnits(NaN, 'mV')).toBe('no data');
  });
});

describe('per-vertex field CSV', () => {
  it('frame on screen: one value column named with its time and units', () => {
    fieldData.series.set('h', new Map([['Vm', vm]]));
    const { header, rows } = parseNumericCsv(organFieldCsv('h', mesh, 'Vm', 'current', 6)!);
    expect(header).toEqual(['vertex', 'x_RAS [mm]', 'y_RAS [mm]', 'z_RAS [mm]', 'Vm @ 5 ms [mV]']);
    expect(rows.map((r) => r.slice(1, 4))).toEqual([[0, 0, 0], [10, 0, 0], [0, 10, 0], [0, 0, 10]]);
    expect(rows.map((r) => r[4])).toEqual([20, -40, NaN, 0]);
  });

  it('all frames: one column per frame time', () => {
    fieldData.series.set('h', new Map([['Vm', vm]]));
    const { header, rows } = parseNumericCsv(organFieldCsv('h', mesh, 'Vm', 'all', 0)!);
    expect(header.slice(4)).toEqual(['Vm @ 0 ms [mV]', 'Vm @ 5 ms [mV]', 'Vm @ 10 ms [mV]']);
    expect(rows[1]!.slice(4)).toEqual([-80, -40, -20]);
    expect(organFieldCsv('h', mesh, 'activation', 'all', 0)).toBeUndefined();
  });
});

describe('probe series', () => {
  it('aligns several series on the union of their times', () => {
    const a = alignSeries([
      { t: [0, 5, 10], v: [1, 2, 3] },
      { t: [5, 15], v: [7, 8] },
    ]);
    expect(a.t).toEqual([0, 5, 10, 15]);
    expect(a.v[0]).toEqual([1, 2, 3, NaN]);
    expect(a.v[1]).toEqual([NaN, 7, NaN, 8]);
  });

  it('probe CSV: t [ms] and one column per probe (time-varying), one row per probe (static)', () => {
    const act: FieldSeries = { name: 'von Mises', units: 'MPa', nVertices: 4, frames: [Float32Array.from([0.5, 1.5, 2.5, 3.5])], times: [] };
    fieldData.series.set('h', new Map([['Vm', vm], ['von Mises', act]]));
    const probes: Probe[] = [
      { id: 1, organId: 'h', vertex: 0, ras: [0, 0, 0], color: '#fff' },
      { id: 2, organId: 'h', vertex: 2, ras: [0, 10, 0], color: '#f00' },
    ];
    const timed = parseNumericCsv(probeCsv(probes, { name: 'Vm', units: 'mV', timeVarying: true }));
    expect(timed.header).toEqual(['t [ms]', 'P1 Vm (h RAS 0.0 0.0 0.0 mm) [mV]', 'P2 Vm (h RAS 0.0 10.0 0.0 mm) [mV]']);
    expect(timed.rows).toEqual([[0, -80, -80], [5, 20, NaN], [10, -10, -30]]);
    const lines = probeCsv(probes, { name: 'von Mises', units: 'MPa', timeVarying: false }).trim().split('\n');
    expect(lines[0]).toBe('probe,organ,vertex,x_RAS [mm],y_RAS [mm],z_RAS [mm],von Mises [MPa]');
    expect(lines[2]!.split(',').map((c, i) => (i < 2 ? c : Number(c)))).toEqual(['P2', 'h', 2, 0, 10, 0, 2.5]);
  });
});
