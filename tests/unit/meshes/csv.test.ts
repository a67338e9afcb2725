// CSV writers round trip: per-vertex tables (vertex, x/y/z RAS mm, value columns with units) and time-series
// tables (t ms + one column per series) read back to the same Float32 values; no-data (NaN, the −1e30 sentinel)
// reads back as NaN; header cells carry "[units]" and never break the comma layout. Units: mm, ms, mV.
import { describe, expect, it } from 'vitest';
import { csvHeader, csvNumber, parseNumericCsv, writeTimeSeriesCsv, writeVertexCsv } from '../../../src/meshes';
import { testMesh } from './fixtures';

describe('CSV writers', () => {
  it('per-vertex table: header with units, every number reads back to the same float32', () => {
    const mesh = testMesh();
    const nV = mesh.positions.length / 3;
    const vm = mesh.fields.vm!.values.slice();
    vm[3] = -1e30; // no data
    vm[5] = NaN;
    const other = new Float32Array(nV).map((_, v) => 1e-6 * v + 123456.7);
    const text = writeVertexCsv(mesh.positions, [
      { name: 'Vm @ 60 ms', units: 'mV', values: vm },
      { name: 'big, odd "name"', units: 'kPa', values: other },
    ]);
    const { header, rows } = parseNumericCsv(text);
    expect(header).toEqual(['vertex', 'x_RAS [mm]', 'y_RAS [mm]', 'z_RAS [mm]', 'Vm @ 60 ms [mV]', 'big odd name [kPa]']);
    expect(rows.length).toBe(nV);
    for (let v = 0; v < nV; v++) {
      const r = rows[v]!;
      expect(r[0]).toBe(v);
      for (let a = 0; a < 3; a++) expect(Math.fround(r[1 + a]!)).toBe(mesh.positions[3 * v + a]);
      if (v === 3 || v === 5) expect(r[4]).toBeNaN();
      else expect(Math.fround(r[4]!)).toBe(vm[v]);
      expect(Math.fround(r[5]!)).toBe(other[v]);
    }
  });

  it('time-series table: t [ms] then one column per series', () => {
    const t = [0, 0.5, 1, 1.5, 200];
    const a = Float32Array.from([-80, -79.5, 20.25, 10, -80]);
    const b = [1 / 3, NaN, Infinity, -1e-8, 7];
    const { header, rows } = parseNumericCsv(
      writeTimeSeriesCsv(t, [
        { name: 'P1 Vm', units: 'mV', values: a },
        { name: 'P2 Vm', units: 'mV', values: b },
      ]),
    );
    expect(header).toEqual(['t [ms]', 'P1 Vm [mV]', 'P2 Vm [mV]']);
    expect(rows.map((r) => r[0])).toEqual(t);
    expect(rows.map((r) => r[1])).toEqual(Array.from(a));
    expect(Math.fround(rows[0]![2]!)).toBe(Math.fround(1 / 3));
    expect(rows[1]![2]).toBeNaN();
    expect(rows[2]![2]).toBeNaN();
    expect(Math.fround(rows[3]![2]!)).toBe(Math.fround(-1e-8));
  });

  it('rejects columns of the wrong length and formats numbers compactly', () => {
    expect(() => writeTimeSeriesCsv([0, 1], [{ name: 'x', units: '', values: [1] }])).toThrow(/column 'x' has 1 values, expected 2/);
    expect(csvNumber(60)).toBe('60');
    expect(csvNumber(-0.1)).toBe('-0.1');
    expect(csvNumber(-1e30)).toBe('NaN');
    expect(csvHeader('a,b', '')).toBe('a b');
  });
});
