// VTK XML ImageData (.vti) writer for grid fields (the solvers' "fields as VTI"): inline binary arrays,
// point data on a regular grid. Units: origin/spacing in mm (world RAS when direction is given or axes are
// aligned); array units as named by the caller; optional time of the data (ms) as FieldData "TimeValue".
// Opens in ParaView.
import { dataArrayXml, escapeXml, timeValueXml } from './vtkxml';

export interface VtiGrid {
  dims: [number, number, number];
  spacing: [number, number, number];
  origin: [number, number, number];
  /** Optional 3x3 row-major direction matrix (VTK >= 9 reads it). */
  direction?: number[];
  arrays: { name: string; values: Float32Array; components: number }[];
  /** Time the arrays belong to (ms), for time-varying fields. */
  timeMs?: number;
}

export function writeVti(grid: VtiGrid): Uint8Array {
  const [nx, ny, nz] = grid.dims;
  const n = nx * ny * nz;
  for (const a of grid.arrays)
    if (a.values.length !== n * a.components)
      throw new Error(
        `writeVti: array '${a.name}' has ${a.values.length} values, expected ${n * a.components}`,
      );
  const ext = `0 ${nx - 1} 0 ${ny - 1} 0 ${nz - 1}`;
  const dir = grid.direction ? ` Direction="${grid.direction.join(' ')}"` : '';
  const first = grid.arrays[0];
  const scalars = first ? ` Scalars="${escapeXml(first.name)}"` : '';
  const xml =
    '<?xml version="1.0"?>\n' +
    '<VTKFile type="ImageData" version="0.1" byte_order="LittleEndian" header_type="UInt32">\n' +
    `  <ImageData WholeExtent="${ext}" Origin="${grid.origin.join(' ')}" Spacing="${grid.spacing.join(' ')}"${dir}>\n` +
    timeValueXml(grid.timeMs, '    ') +
    `    <Piece Extent="${ext}">\n` +
    `      <PointData${scalars}>\n` +
    grid.arrays.map((a) => dataArrayXml(a.name, a.values, a.components, '        ')).join('') +
    '      </PointData>\n' +
    '      <CellData>\n      </CellData>\n' +
    '    </Piece>\n' +
    '  </ImageData>\n' +
    '</VTKFile>\n';
  return new TextEncoder().encode(xml);
}
