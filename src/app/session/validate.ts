// Parsing and validation of session documents (files, share links, autosave records). Every problem is
// reported with its JSON path ("organs[2].opacity: expected a number in 0..1"); unknown fields are ignored;
// a document from a newer format version is refused with a message that says what to do.
import {
  SESSION_FORMAT,
  SESSION_VERSION,
  type SessionCamera,
  type SessionDoc,
  type SessionOrgan,
  type SessionSource,
  type Vec3,
} from './schema';
import { fromHex } from '../colorHex';

export class SessionError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(
      `${source}: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (+${problems.length - 5} more)` : ''}`,
    );
    this.name = 'SessionError';
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

class Checker {
  problems: string[] = [];
  fail(path: string, msg: string): undefined {
    this.problems.push(`${path}: ${msg}`);
    return undefined;
  }
  vec3(v: unknown, path: string, range?: [number, number]): Vec3 | undefined {
    if (!Array.isArray(v) || v.length !== 3 || !v.every(isNum))
      return this.fail(path, 'expected 3 finite numbers');
    if (range && !v.every((x) => x >= range[0] && x <= range[1]))
      return this.fail(path, `expected values in ${range[0]}..${range[1]}`);
    return [v[0] as number, v[1] as number, v[2] as number];
  }
  str(v: unknown, path: string): string | undefined {
    return typeof v === 'string' ? v : this.fail(path, 'expected a string');
  }
}

function source(c: Checker, v: unknown, path: string): SessionSource | undefined {
  if (!isObj(v)) return c.fail(path, 'expected an object');
  const kind =
    v.kind === 'phantom' || v.kind === 'file'
      ? v.kind
      : c.fail(`${path}.kind`, "expected 'file' or 'phantom'");
  const name = c.str(v.name, `${path}.name`);
  const roles = ['image', 'labels', 'mesh', 'other'];
  const role =
    v.role === undefined || roles.includes(v.role as string) ? (v.role as SessionSource['role']) : undefined;
  if (v.role !== undefined && role === undefined)
    c.fail(`${path}.role`, `expected one of ${roles.join(', ')}`);
  if (!kind || name === undefined) return undefined;
  return role ? { kind, name, role } : { kind, name };
}

function organ(c: Checker, v: unknown, path: string): SessionOrgan | undefined {
  if (!isObj(v)) return c.fail(path, 'expected an object');
  const name = c.str(v.name, `${path}.name`);
  // written as sRGB 0..1 triples; '#rrggbb' (hand-written files) is read too
  const color = typeof v.color === 'string' ? (fromHex(v.color) ?? c.fail(`${path}.color`, "expected '#rrggbb'")) : c.vec3(v.color, `${path}.color`, [0, 1]);
  const opacity =
    isNum(v.opacity) && v.opacity >= 0 && v.opacity <= 1
      ? v.opacity
      : c.fail(`${path}.opacity`, 'expected a number in 0..1');
  const visible =
    typeof v.visible === 'boolean' ? v.visible : c.fail(`${path}.visible`, 'expected true or false');
  if (v.label !== undefined && !isNum(v.label)) c.fail(`${path}.label`, 'expected a number');
  if (name === undefined || !color || opacity === undefined || visible === undefined) return undefined;
  const o: SessionOrgan = { name, color, opacity, visible };
  if (isNum(v.label)) o.label = v.label;
  return o;
}

function camera(c: Checker, v: unknown, path: string): SessionCamera | undefined {
  if (!isObj(v)) return c.fail(path, 'expected an object');
  const position = c.vec3(v.position, `${path}.position`);
  const target = c.vec3(v.target, `${path}.target`);
  const up = c.vec3(v.up, `${path}.up`);
  const fov =
    isNum(v.fov) && v.fov > 0 && v.fov < 180 ? v.fov : c.fail(`${path}.fov`, 'expected degrees in (0, 180)');
  if (up && Math.hypot(...up) === 0) c.fail(`${path}.up`, 'must not be the zero vector');
  if (!position || !target || !up || fov === undefined) return undefined;
  return { position, target, up, fov };
}

function list<T>(
  c: Checker,
  v: unknown,
  path: string,
  item: (c: Checker, v: unknown, p: string) => T | undefined,
): T[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) return c.fail(path, 'expected an array') ?? [];
  return v.map((x, i) => item(c, x, `${path}[${i}]`)).filter((x): x is T => x !== undefined);
}

/** Validates an already-parsed value. `source` names the file/link in messages. Throws SessionError. */
export function validateSession(value: unknown, sourceLabel = 'session'): SessionDoc {
  const c = new Checker();
  if (!isObj(value)) throw new SessionError(sourceLabel, ['not a session: expected a JSON object']);
  if (value.format !== SESSION_FORMAT)
    throw new SessionError(sourceLabel, [
      `not an Organ Twin session (format is ${JSON.stringify(value.format) ?? 'missing'}, expected "${SESSION_FORMAT}")`,
    ]);
  if (!Number.isInteger(value.version) || (value.version as number) < 1)
    throw new SessionError(sourceLabel, [
      `version: expected a positive integer, got ${JSON.stringify(value.version)}`,
    ]);
  if ((value.version as number) > SESSION_VERSION)
    throw new SessionError(sourceLabel, [
      `saved by a newer Organ Twin (session format v${value.version as number}); this app reads up to v${SESSION_VERSION} — update the app to open it`,
    ]);
  const doc: SessionDoc = {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    savedAt: typeof value.savedAt === 'string' ? value.savedAt : new Date(0).toISOString(),
    sourceName: value.sourceName === undefined ? '' : (c.str(value.sourceName, 'sourceName') ?? ''),
    sources: list(c, value.sources, 'sources', source),
    organs: list(c, value.organs, 'organs', organ),
    slices: {},
  };
  if (value.selectedOrgan !== undefined) {
    const s = c.str(value.selectedOrgan, 'selectedOrgan');
    if (s !== undefined) doc.selectedOrgan = s;
  }
  if (value.camera !== undefined) {
    const cam = camera(c, value.camera, 'camera');
    if (cam) doc.camera = cam;
  }
  if (value.slices !== undefined) {
    if (isObj(value.slices)) doc.slices = { ...value.slices };
    else c.fail('slices', 'expected an object');
  }
  if (c.problems.length > 0) throw new SessionError(sourceLabel, c.problems);
  return doc;
}

/** Parses JSON text and validates it. Throws SessionError with a clear message on bad input. */
export function parseSession(text: string, sourceLabel = 'session'): SessionDoc {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new SessionError(sourceLabel, [
      `not valid JSON (${err instanceof Error ? err.message : String(err)})`,
    ]);
  }
  return validateSession(value, sourceLabel);
}

export function serializeSession(doc: SessionDoc): string {
  return JSON.stringify(doc, null, 2);
}
