// VTK XML PolyData (.vtp) writer and reader. Writer: inline binary (base64) arrays, Float32 points, Int32
// connectivity/offsets, point data = normals + one array per single-frame field (the app passes the frame on
// screen of a time-varying field, with its time as the ParaView "TimeValue" field data, ms); opens in ParaView.
// Reader: ascii/binary/zlib-compressed inline arrays, polygons and triangle strips as triangles.
// Units: world RAS mm for points (noted in a FieldData-free comment); field units travel in array names
// as "<name> [<units>]".
import type { Field, SurfaceMesh } from '../types';
import { baseName, checkCount, decodeText, MeshReadError, pushFan, validateMesh } from './errors';
import { attr, dataArrayXml, escapeXml, parseDataArray, timeValueXml, type XmlArray } from './vtkxml';

export interface VtpOptions {
  /** Time of the frame the fields belong to (ms), written as FieldData "TimeValue". */
  timeMs?: number;
}

export function writeVtp(mesh: SurfaceMesh, opts: VtpOptions = {}): Uint8Array {
  const nV = mesh.positions.length / 3;
  const nT = mesh.indices.length / 3;
  const offsets = new Int32Array(nT);
  for (let t = 0; t < nT; t++) offsets[t] = 3 * (t + 1);
  const conn = new Int32Array(mesh.indices);
  let pd = '';
  if (mesh.normals) pd += dataArrayXml('Normals', mesh.normals, 3, '        ');
  for (const f of Object.values(mesh.fields)) {
    if (f.values.length !== nV * f.components) continue; // time series are not written
    pd += dataArrayXml(f.units ? `${f.name} [${f.units}]` : f.name, f.values, f.components, '        ');
  }
  const first = Object.values(mesh.fields).find((f) => f.components === 1 && f.values.length === nV);
  const scalars = first ? ` Scalars="${escapeXml(first.units ? `${first.name} [${first.units}]` : first.name)}"` : '';
  const pdOpen = `      <PointData${mesh.normals ? ' Normals="Normals"' : ''}${scalars}>\n`;
  const time = timeValueXml(opts.timeMs, '    ');
  const xml =
    '<?xml version="1.0"?>\n' +
    `<!-- organ-twin mesh '${mesh.name.replace(/--/g, '-')}': units mm, frame world RAS -->\n` +
    '<VTKFile type="PolyData" version="0.1" byte_order="LittleEndian" header_type="UInt32">\n' +
    '  <PolyData>\n' +
    time +
    `    <Piece NumberOfPoints="${nV}" NumberOfVerts="0" NumberOfLines="0" NumberOfStrips="0" NumberOfPolys="${nT}">\n` +
    pdOpen +
    pd +
    '      </PointData>\n' +
    '      <Points>\n' +
    dataArrayXml('Points', mesh.positions, 3, '        ') +
    '      </Points>\n' +
    '      <Polys>\n' +
    dataArrayXml('connectivity', conn, 1, '        ') +
    dataArrayXml('offsets', offsets, 1, '        ') +
    '      </Polys>\n' +
    '    </Piece>\n' +
    '  </PolyData>\n' +
    '</VTKFile>\n';
  return new TextEncoder().encode(xml);
}

interface Raw {
  tag: string;
  text: string;
}

/** The DataArrays directly inside <section>...</section> of the piece. */
function arraysIn(piece: string, section: string): Raw[] {
  const m = new RegExp(`<${section}(\\s[^>]*)?>([\\s\\S]*?)</${section}>`).exec(piece);
  if (!m) return [];
  const out: Raw[] = [];
  const re = /<DataArray(\s[^>]*)?>([\s\S]*?)<\/DataArray>/g;
  for (let a = re.exec(m[2]!); a; a = re.exec(m[2]!)) out.push({ tag: a[1] ?? '', text: a[2]! });
  return out;
}

export function readVtp(file: string, bytes: Uint8Array): SurfaceMesh {
  const xml = decodeText(bytes);
  const root = /<VTKFile(\s[^>]*)>/.exec(xml);
  if (!root || attr(root[1]!, 'type') !== 'PolyData')
    throw new MeshReadError(file, 'not a VTK XML PolyData file');
  if ((attr(root[1]!, 'byte_order') ?? 'LittleEndian') !== 'LittleEndian')
    throw new MeshReadError(file, 'big-endian VTK files are not supported');
  const headerType = attr(root[1]!, 'header_type') ?? 'UInt32';
  const comp = attr(root[1]!, 'compressor');
  if (comp && comp !== 'vtkZLibDataCompressor')
    throw new MeshReadError(file, `unsupported compressor '${comp}'`);
  if (!/<\/VTKFile>\s*$/.test(xml)) throw new MeshReadError(file, 'truncated: no closing </VTKFile>');
  const pm = /<Piece(\s[^>]*)>([\s\S]*?)<\/Piece>/.exec(xml);
  if (!pm) throw new MeshReadError(file, 'truncated: no complete <Piece> element');
  const nV = Number(attr(pm[1]!, 'NumberOfPoints') ?? 'NaN');
  const nP = Number(attr(pm[1]!, 'NumberOfPolys') ?? '0');
  const nS = Number(attr(pm[1]!, 'NumberOfStrips') ?? '0');
  // every value takes at least one byte of text
  checkCount(file, 'points', nV, 3 * nV, bytes.length);
  checkCount(file, 'polygons', nP, nP, bytes.length);
  checkCount(file, 'strips', nS, nS, bytes.length);
  const piece = pm[2]!;
  const decode = (r: Raw, n: number): { name: string; components: number; values: XmlArray } =>
    parseDataArray(file, r.tag, r.text, n, headerType, !!comp);
  const pts = arraysIn(piece, 'Points')[0];
  if (!pts) throw new MeshReadError(file, 'no <Points> array');
  const positions = Float32Array.from(decode(pts, 3 * nV).values);
  const tri: number[] = [];
  for (const [section, n, strips] of [
    ['Polys', nP, false],
    ['Strips', nS, true],
  ] as const) {
    if (n === 0) continue;
    const arrs = arraysIn(piece, section);
    const offR = arrs.find((a) => attr(a.tag, 'Name') === 'offsets');
    const conR = arrs.find((a) => attr(a.tag, 'Name') === 'connectivity');
    if (!offR || !conR) throw new MeshReadError(file, `<${section}> lacks connectivity/offsets`);
    const offsets = decode(offR, n).values;
    const total = offsets[n - 1] ?? 0;
    checkCount(file, `${section} indices`, total, total, bytes.length);
    const conn = decode(conR, total).values;
    let start = 0;
    for (let c = 0; c < n; c++) {
      const end = offsets[c]!;
      if (!(end > start && end <= total))
        throw new MeshReadError(file, `<${section}> offsets are not increasing`);
      const cell = Array.from(conn.subarray(start, end));
      if (cell.length < 3) throw new MeshReadError(file, `cell ${c} has ${cell.length} points`);
      if (strips)
        for (let q = 0; q + 2 < cell.length; q++)
          tri.push(
            ...(q % 2 ? [cell[q + 1]!, cell[q]!, cell[q + 2]!] : [cell[q]!, cell[q + 1]!, cell[q + 2]!]),
          );
      else pushFan(tri, cell);
      start = end;
    }
  }
  if (tri.some((v) => !Number.isInteger(v) || v < 0))
    throw new MeshReadError(file, 'negative or fractional vertex index');
  const mesh: SurfaceMesh = { name: baseName(file), positions, indices: new Uint32Array(tri), fields: {} };
  for (const r of arraysIn(piece, 'PointData')) {
    const components = Number(attr(r.tag, 'NumberOfComponents') ?? '1');
    if (!Number.isInteger(components) || components < 1 || components > 64)
      throw new MeshReadError(file, 'bad NumberOfComponents');
    const a = decode(r, nV * components);
    if (a.name === 'Normals' && components === 3) {
      mesh.normals = Float32Array.from(a.values);
      continue;
    }
    const m = /^(.*) \[([^\]]*)\]$/.exec(a.name);
    const f: Field = {
      name: m ? m[1]! : a.name,
      units: m ? m[2]! : '',
      components,
      values: Float32Array.from(a.values),
    };
    mesh.fields[f.name] = f;
  }
  return validateMesh(file, mesh);
}
