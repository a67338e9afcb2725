// Errors and shared checks of the mesh importers: every problem is reported as "<file>: <problem>" and
// flagged `userError` so the CLI prints one line. Counts declared in headers are checked against caps
// and against the bytes actually present BEFORE anything is allocated. Units: counts, bytes.
import type { SurfaceMesh } from '../types';

export class MeshReadError extends Error {
  readonly userError = true;
  /** Set when an importer failed with an unexpected exception that was converted to this error. */
  unexpected?: unknown;
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'MeshReadError';
  }
}

/** Upper bound on vertices or triangles in one imported mesh (~1.6 GB of float32 xyz). */
export const MAX_ELEMENTS = 2 ** 27;

export function checkCount(
  file: string,
  what: string,
  n: number,
  bytesNeeded: number,
  bytesAvailable: number,
): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new MeshReadError(file, `invalid ${what} count ${n}`);
  if (n > MAX_ELEMENTS)
    throw new MeshReadError(file, `${what} count ${n} exceeds the limit of ${MAX_ELEMENTS}`);
  if (bytesNeeded > bytesAvailable)
    throw new MeshReadError(
      file,
      `truncated: header declares ${n} ${what} (${bytesNeeded} bytes) but only ${bytesAvailable} bytes follow`,
    );
}

/** Final validation: finite positions, in-range indices, at least one triangle. */
export function validateMesh(file: string, mesh: SurfaceMesh): SurfaceMesh {
  const nV = mesh.positions.length / 3;
  if (mesh.indices.length === 0) throw new MeshReadError(file, 'no triangles');
  for (let v = 0; v < mesh.positions.length; v++)
    if (!Number.isFinite(mesh.positions[v]!))
      throw new MeshReadError(file, `vertex ${Math.floor(v / 3)} has a non-finite coordinate`);
  for (let e = 0; e < mesh.indices.length; e++)
    if (mesh.indices[e]! >= nV)
      throw new MeshReadError(
        file,
        `triangle ${Math.floor(e / 3)} references vertex ${mesh.indices[e]} but there are only ${nV} vertices`,
      );
  if (mesh.normals && mesh.normals.length !== mesh.positions.length) delete mesh.normals;
  return mesh;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });
export function decodeText(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

export function baseName(fileName: string): string {
  const b = fileName.split(/[\\/]/).pop() ?? fileName;
  return b.replace(/\.[^.]*$/, '');
}

/** Fan-triangulates a polygon of vertex ids into out. */
export function pushFan(out: number[], poly: number[]): void {
  for (let q = 1; q + 1 < poly.length; q++) out.push(poly[0]!, poly[q]!, poly[q + 1]!);
}
