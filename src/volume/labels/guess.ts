// Names for the values of a label map when the user gave none, shared by the CLI and the app worker.
// Precedence: an explicit table (--label-names, a JSON sidecar, a table the user opened) > names stored
// in the file > a guess: a single-valued mask is named after its file (vertebrae_T12, heart, aorta);
// VerSe vertebra ids (1-28) when the file name says VerSe or the values' centroids stack into a vertebral
// column; VerSe sub-regions (41-50) when the file name says subreg or all values lie in 41-50 within one
// vertebra's height; else TotalSegmentator 'total' (CT) / 'total_mr' (MR). Pure function. Centroids are
// world RAS+ mm (+z superior).
import type { LabelInfo, Vec3 } from '../types';
import { classColor, classifyLabel } from './classify';
import { knownLabelScheme, verseOrder, type SchemeName } from './schemes';

export type LabelNaming = 'table' | 'embedded' | 'file-name' | SchemeName | 'generic';

export interface LabelGuessHints {
  /** Explicit names (--label-names, a sidecar, a table the user opened): always win. */
  table?: LabelInfo[];
  /** Names stored in the label file itself (e.g. NRRD segmentation metadata). */
  embedded?: LabelInfo[];
  /** World centroid of each value (see labelCentroidsMm): lets the values tell a spine from organs. */
  centroidsMm?: Map<number, Vec3>;
}

export interface LabelGuess {
  /** What named the values: 'table' only if the explicit table covered every value. */
  scheme: LabelNaming;
  names: LabelInfo[];
}

/** Per VerSe id step, neighbouring vertebra centroids lie this far apart (C ~15 mm .. L ~35 mm + disc). */
export const COLUMN_STEP_MM: [number, number] = [8, 60];
/** Neighbouring vertebrae of one column are at most this far apart left-right (scoliosis allowance). */
export const COLUMN_MAX_LATERAL_MM = 40;
/** Sub-region centroids of a vertebra (or an average over several) stay within about one vertebra. */
export const SUBREGION_MAX_Z_SPREAD_MM = 60;

const VERSE_HINT = /verse|seg[-_]?vert|vert[-_]?(seg|msk|mask|label)/i;
const SUBREG_HINT = /subreg/i;
const MR_HINT = /total_?mr/i;

export function fileStem(name: string): string {
  return (name.split(/[\\/]/).pop() ?? name).replace(/\.(nii\.gz|nii|nrrd|nhdr|vti|mha|mhd|gz|dcm)$/i, '');
}

function isColumn(values: number[], c: Map<number, Vec3>): boolean {
  const sorted = [...values].sort((a, b) => verseOrder(a) - verseOrder(b));
  if (sorted.length < 2 || sorted.some((v) => !c.has(v))) return false;
  for (let t = 1; t < sorted.length; t++) {
    const a = c.get(sorted[t - 1]!)!;
    const b = c.get(sorted[t]!)!;
    const steps = verseOrder(sorted[t]!) - verseOrder(sorted[t - 1]!);
    const perStep = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]) / steps;
    if (a[2] <= b[2]) return false; // the lower id must be the more superior vertebra
    if (perStep < COLUMN_STEP_MM[0] || perStep > COLUMN_STEP_MM[1]) return false;
    if (Math.abs(a[0] - b[0]) > COLUMN_MAX_LATERAL_MM) return false;
  }
  return true;
}

function zSpread(values: number[], c: Map<number, Vec3>): number {
  const z = values.map((v) => c.get(v)?.[2] ?? NaN);
  return Math.max(...z) - Math.min(...z);
}

function pickScheme(
  stem: string,
  values: number[],
  single: boolean,
  modality: string,
  c?: Map<number, Vec3>,
): LabelNaming {
  const within = (lo: number, hi: number) => values.every((v) => Number.isInteger(v) && v >= lo && v <= hi);
  const sub = within(41, 50);
  const verse = within(1, 28);
  if (SUBREG_HINT.test(stem) && sub) return 'verse_subregions';
  if (VERSE_HINT.test(stem) && verse) return 'verse';
  if (single) return 'file-name';
  if (sub && (!c || !(zSpread(values, c) > SUBREGION_MAX_Z_SPREAD_MM))) return 'verse_subregions';
  if (verse && c && isColumn(values, c)) return 'verse';
  return modality === 'MR' || MR_HINT.test(stem) ? 'total_mr' : 'total';
}

/** Names for `values` (non-zero label values present) of the label map `fileName` on a `modality` image. */
export function guessLabelNames(
  fileName: string,
  values: number[],
  modality: string,
  hints: LabelGuessHints = {},
): LabelGuess {
  const stem = fileStem(fileName);
  const table = new Map((hints.table ?? []).map((l) => [l.value, l]));
  const embedded = new Map((hints.embedded ?? []).map((l) => [l.value, l]));
  const open = values.filter((v) => !table.has(v) && !embedded.has(v));
  const scheme: LabelNaming =
    open.length === 0
      ? values.every((v) => table.has(v))
        ? 'table'
        : 'embedded'
      : pickScheme(stem, open, values.length === 1, modality, hints.centroidsMm);
  const known =
    scheme === 'file-name' || scheme === 'table' || scheme === 'embedded' || scheme === 'generic'
      ? new Map<number, LabelInfo>()
      : new Map(knownLabelScheme(scheme).map((l) => [l.value, l]));
  const names = values.map((value): LabelInfo => {
    const found = table.get(value) ?? embedded.get(value) ?? known.get(value);
    if (found) return { ...found, value };
    const name = scheme === 'file-name' ? stem : `${stem}_${value}`;
    return { value, name, color: classColor(classifyLabel(name)) };
  });
  return { scheme, names };
}
