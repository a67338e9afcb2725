// CSV writers for researchers (pandas, ParaView "Table To Points", Excel): one header row, comma-separated,
// units in the header as "name [units]". Per-vertex tables: vertex index, x/y/z in world RAS mm, then one
// column per value set (e.g. one per frame of a time-varying field). Time-series tables: t [ms], then one
// column per series. No-data (NaN, ±Infinity, the solvers' −1e30 sentinel) is written as NaN.
// Numbers are written with the fewest digits that read back to the same Float32 value.

/** Values at or below this are the solvers' "no data" sentinel (see solver-sampling.ts). */
const NO_DATA_BELOW = -1e29;

export interface CsvColumn {
  /** Column title without units, e.g. 'Vm', 'Vm @ 60 ms', 'P1 Vm'. */
  name: string;
  units: string;
  values: ArrayLike<number>;
}

/** "name [units]" with the characters that would break a CSV cell (comma, quote, newline) replaced. */
export function csvHeader(name: string, units: string): string {
  const clean = (s: string) => s.replace(/[",\r\n]+/g, ' ').replace(/\s+/g, ' ').trim();
  return units ? `${clean(name)} [${clean(units)}]` : clean(name);
}

/** Shortest decimal that parses back to the same float32 (7 significant digits, 9 when needed). */
export function csvNumber(v: number): string {
  if (!Number.isFinite(v) || v <= NO_DATA_BELOW) return 'NaN';
  const f = Math.fround(v);
  for (const p of [7, 8, 9]) {
    const s = String(Number(f.toPrecision(p)));
    if (Math.fround(Number(s)) === f) return s;
  }
  return String(f);
}

function checkLengths(n: number, columns: CsvColumn[], what: string): void {
  for (const c of columns)
    if (c.values.length !== n)
      throw new Error(`${what}: column '${c.name}' has ${c.values.length} values, expected ${n}`);
}

/** Per-vertex table: vertex, x_RAS [mm], y_RAS [mm], z_RAS [mm], then the columns (one value per vertex). */
export function writeVertexCsv(positions: Float32Array, columns: CsvColumn[]): string {
  const n = positions.length / 3;
  checkLengths(n, columns, 'writeVertexCsv');
  const head = ['vertex', 'x_RAS [mm]', 'y_RAS [mm]', 'z_RAS [mm]', ...columns.map((c) => csvHeader(c.name, c.units))];
  const lines: string[] = [head.join(',')];
  const row: string[] = new Array<string>(4 + columns.length);
  for (let v = 0; v < n; v++) {
    row[0] = String(v);
    row[1] = csvNumber(positions[3 * v]!);
    row[2] = csvNumber(positions[3 * v + 1]!);
    row[3] = csvNumber(positions[3 * v + 2]!);
    for (let c = 0; c < columns.length; c++) row[4 + c] = csvNumber(columns[c]!.values[v]!);
    lines.push(row.join(','));
  }
  return lines.join('\n') + '\n';
}

/** Time-series table: t [ms], then one column per series (all sampled at the same times). */
export function writeTimeSeriesCsv(timesMs: ArrayLike<number>, columns: CsvColumn[]): string {
  const n = timesMs.length;
  checkLengths(n, columns, 'writeTimeSeriesCsv');
  const lines: string[] = [['t [ms]', ...columns.map((c) => csvHeader(c.name, c.units))].join(',')];
  for (let i = 0; i < n; i++) lines.push([csvNumber(timesMs[i]!), ...columns.map((c) => csvNumber(c.values[i]!))].join(','));
  return lines.join('\n') + '\n';
}

/** Reads back a table written by the functions above (header + numeric rows; NaN cells stay NaN). */
export function parseNumericCsv(text: string): { header: string[]; rows: number[][] } {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = (lines[0] ?? '').split(',');
  const rows = lines.slice(1).map((l, i) => {
    const cells = l.split(',');
    if (cells.length !== header.length)
      throw new Error(`CSV row ${i + 2} has ${cells.length} cells, the header has ${header.length}`);
    return cells.map(Number);
  });
  return { header, rows };
}
