// Mesh file I/O: exportMesh (STL, OBJ, PLY, GLB, VTP) and importMesh (the same, chosen by extension, then
// by content sniffing), plus the VTI grid writer and the CSV table writers. Units: world RAS mm throughout.
// Import errors are MeshReadError "<file>: <problem>".
import type { SurfaceMesh } from '../types';
import { MeshReadError } from './errors';
import { readGlb, writeGlb } from './glb';
import { readObj, writeObj } from './obj';
import { readPly, writePly } from './ply';
import { readStl, writeStl } from './stl';
import { readVtp, writeVtp, type VtpOptions } from './vtp';

export type MeshFormat = 'stl' | 'obj' | 'ply' | 'glb' | 'vtp';
export const MESH_FORMATS: readonly MeshFormat[] = ['stl', 'obj', 'ply', 'glb', 'vtp'];

/** `opts` applies to VTP (the time of the fields' frame); the other formats ignore it. */
export function exportMesh(mesh: SurfaceMesh, format: MeshFormat, opts: VtpOptions = {}): Uint8Array {
  switch (format) {
    case 'stl': return writeStl(mesh); // prettier-ignore
    case 'obj': return writeObj(mesh); // prettier-ignore
    case 'ply': return writePly(mesh); // prettier-ignore
    case 'glb': return writeGlb(mesh); // prettier-ignore
    case 'vtp': return writeVtp(mesh, opts); // prettier-ignore
    default:
      throw new Error(`unknown mesh format '${String(format)}' (use ${MESH_FORMATS.join(', ')})`);
  }
}

function sniff(bytes: Uint8Array): MeshFormat | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256));
  if (head.startsWith('glTF')) return 'glb';
  if (head.startsWith('ply')) return 'ply';
  if (/<VTKFile|<\?xml/.test(head)) return 'vtp';
  if (/^\s*(#|v |o |vn |f )/m.test(head)) return 'obj';
  return undefined;
}

export function importMesh(fileName: string, bytes: Uint8Array): SurfaceMesh {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const format = (MESH_FORMATS as readonly string[]).includes(ext ?? '') ? (ext as MeshFormat) : sniff(bytes);
  if (bytes.length === 0) throw new MeshReadError(fileName, 'file is empty');
  try {
    switch (format) {
      case 'stl': return readStl(fileName, bytes); // prettier-ignore
      case 'obj': return readObj(fileName, bytes); // prettier-ignore
      case 'ply': return readPly(fileName, bytes); // prettier-ignore
      case 'glb': return readGlb(fileName, bytes); // prettier-ignore
      case 'vtp': return readVtp(fileName, bytes); // prettier-ignore
      default:
        throw new MeshReadError(fileName, `unknown mesh format (expected .${MESH_FORMATS.join(', .')})`);
    }
  } catch (err) {
    if (err instanceof MeshReadError) throw err;
    // any other failure on malformed input is still the file's problem, reported as such
    const e = new MeshReadError(
      fileName,
      `corrupt ${format?.toUpperCase()} file (${err instanceof Error ? err.message : String(err)})`,
    );
    e.unexpected = err; // kept for debugging; the fuzz tests require this never happens
    throw e;
  }
}

export { MeshReadError } from './errors';
export { writeVti, type VtiGrid } from './vti';
export { csvHeader, csvNumber, parseNumericCsv, writeTimeSeriesCsv, writeVertexCsv, type CsvColumn } from './csv';
export type { VtpOptions } from './vtp';
