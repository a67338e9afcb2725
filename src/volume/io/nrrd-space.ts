// NRRD orientation fields -> voxel-to-world affine in RAS+ mm: 'space directions' (one vector per axis,
// 'none' for non-spatial ones), 'space origin', or 'spacings' when no space is given. 'space' names
// (LPS, RAS, LAS or their long forms) decide which world axes to negate to reach RAS.
import { VolumeReadError } from './errors';

const SPACE_FLIP: Record<string, [number, number, number]> = {
  'right-anterior-superior': [1, 1, 1],
  ras: [1, 1, 1],
  'left-posterior-superior': [-1, -1, 1],
  lps: [-1, -1, 1],
  'left-anterior-superior': [-1, 1, 1],
  las: [-1, 1, 1],
  'scanner-xyz': [1, 1, 1],
  '3d-right-handed': [1, 1, 1],
};

function parseVector(s: string, file: string): number[] {
  const m = /^\(([^)]*)\)$/.exec(s.trim());
  if (!m) throw new VolumeReadError(file, `bad NRRD vector '${s}'`);
  const v = m[1]!.split(',').map((x) => Number(x.trim()));
  if (v.length !== 3 || v.some((x) => !Number.isFinite(x)))
    throw new VolumeReadError(file, `bad NRRD vector '${s}' (need 3 finite numbers)`);
  return v;
}

export function nrrdAffine(
  fields: Map<string, string>,
  axes: number[],
  dimension: number,
  file: string,
): Float64Array {
  const space = (fields.get('space') ?? 'right-anterior-superior').toLowerCase();
  const flip = SPACE_FLIP[space];
  if (!flip)
    throw new VolumeReadError(file, `unsupported NRRD space '${space}' (only 3D spaces are supported)`);
  const m = new Float64Array(16);
  m[15] = 1;
  const dirs = fields.get('space directions');
  if (dirs) {
    const parts = dirs.match(/\([^)]*\)|none/gi) ?? [];
    if (parts.length !== dimension)
      throw new VolumeReadError(
        file,
        `'space directions' has ${parts.length} entries for dimension ${dimension}`,
      );
    axes.forEach((a, c) => {
      const v = parseVector(parts[a]!, file);
      for (let r = 0; r < 3; r++) m[r * 4 + c] = v[r]! * flip[r]!;
    });
  } else {
    const sp = (fields.get('spacings') ?? '').split(/\s+/).filter(Boolean).map(Number);
    axes.forEach((a, c) => {
      const s = sp[a];
      m[c * 4 + c] = s !== undefined && Number.isFinite(s) && s !== 0 ? Math.abs(s) : 1;
    });
  }
  const origin = fields.get('space origin');
  if (origin) {
    const o = parseVector(origin, file);
    for (let r = 0; r < 3; r++) m[r * 4 + 3] = o[r]! * flip[r]!;
  }
  return m;
}
