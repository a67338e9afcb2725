// Label table parsing: JSON sidecars ({"22":"L3"}, {"22":{"name":..,"color":..}} or
// [{value,name,color}]), 3D Slicer colour tables (.ctbl/.txt: "value name r g b a", 0..255) and
// ITK-SNAP label files ("IDX -R- -G- -B- -A-- VIS MSH "LABEL""). Colours are returned as sRGB 0..1.
import { VolumeReadError } from '../io/errors';
import type { LabelInfo, Vec3 } from '../types';

function toColor(c: unknown): Vec3 | undefined {
  if (typeof c === 'string') {
    const m = /^#?([0-9a-f]{6})$/i.exec(c.trim());
    if (!m) return undefined;
    const x = parseInt(m[1]!, 16);
    return [((x >> 16) & 255) / 255, ((x >> 8) & 255) / 255, (x & 255) / 255];
  }
  if (
    Array.isArray(c) &&
    c.length >= 3 &&
    c.slice(0, 3).every((v) => typeof v === 'number' && Number.isFinite(v))
  ) {
    const v = c.slice(0, 3) as number[];
    const scale = v.some((x) => x > 1) ? 255 : 1;
    return v.map((x) => Math.min(1, Math.max(0, x / scale))) as Vec3;
  }
  return undefined;
}

function parseJson(file: string, text: string): LabelInfo[] {
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch (err) {
    throw new VolumeReadError(file, `label table is not valid JSON (${(err as Error).message})`);
  }
  const out: LabelInfo[] = [];
  const push = (value: unknown, name: unknown, color: unknown) => {
    const v = Number(value);
    if (!Number.isInteger(v) || typeof name !== 'string' || name === '')
      throw new VolumeReadError(
        file,
        `label table entry ${JSON.stringify(value)} needs an integer value and a name`,
      );
    const c = toColor(color);
    out.push(c ? { value: v, name, color: c } : { value: v, name });
  };
  if (Array.isArray(j)) {
    for (const e of j) {
      const o = (e ?? {}) as Record<string, unknown>;
      push(o.value ?? o.id ?? o.label, o.name, o.color);
    }
  } else if (j && typeof j === 'object') {
    for (const [k, val] of Object.entries(j as Record<string, unknown>)) {
      if (typeof val === 'string') push(k, val, undefined);
      else {
        const o = (val ?? {}) as Record<string, unknown>;
        push(k, o.name, o.color);
      }
    }
  } else throw new VolumeReadError(file, 'label table JSON must be an object or an array');
  return out;
}

export function parseLabelTable(fileName: string, text: string): LabelInfo[] {
  const t = text.replace(/^\uFEFF/, '').trim();
  if (t.startsWith('{') || t.startsWith('[')) return finish(fileName, parseJson(fileName, t));
  const out: LabelInfo[] = [];
  const lines = t.split(/\r?\n/);
  lines.forEach((raw, ln) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const q = /^(-?\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+([\d.]+)\s+(\d+)\s+(\d+)\s+"(.*)"\s*$/.exec(line);
    if (q) {
      // ITK-SNAP: IDX R G B A(0..1) VIS MSH "LABEL"
      out.push({
        value: Number(q[1]),
        name: q[8]!,
        color: [Number(q[2]) / 255, Number(q[3]) / 255, Number(q[4]) / 255],
      });
      return;
    }
    const parts = line.split(/\s+/);
    const value = Number(parts[0]);
    if (parts.length < 2 || !Number.isInteger(value))
      throw new VolumeReadError(
        fileName,
        `line ${ln + 1}: expected "value name r g b a", got '${line.slice(0, 60)}'`,
      );
    const rgb = parts.slice(2, 5).map(Number);
    const c =
      rgb.length === 3 && rgb.every((x) => Number.isFinite(x) && x >= 0 && x <= 255)
        ? (rgb.map((x) => x / 255) as Vec3)
        : undefined;
    out.push(c ? { value, name: parts[1]!, color: c } : { value, name: parts[1]! });
  });
  return finish(fileName, out);
}

function finish(file: string, labels: LabelInfo[]): LabelInfo[] {
  if (labels.length === 0) throw new VolumeReadError(file, 'label table has no entries');
  return labels.sort((a, b) => a.value - b.value);
}
