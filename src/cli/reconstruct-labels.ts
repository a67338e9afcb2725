// Label maps for `organ-twin reconstruct`: reads each --labels file (NRRD headers bring their detached
// data), resamples it onto the image grid (nearest neighbour through both affines), and names its values:
// --label-names > a JSON sidecar next to the label map (same base name + .json) > names in the file >
// guessLabelNames (file name, values, centroids, image modality). Units: mm. Frame: world RAS+ mm.
import { existsSync, readFileSync } from 'node:fs';
import { readVolumeFromPath } from '../volume/io/node';
import {
  fileStem,
  guessLabelNames,
  knownLabelScheme,
  labelCentroidsMm,
  labelValues,
  parseLabelTable,
  SCHEME_NAMES,
  type LabelNaming,
  type SchemeName,
} from '../volume/labels';
import { labelsOnGrid } from '../volume/resample';
import type { LabelInfo, Volume } from '../volume/types';
import { CliError } from './errors';

export interface LabelSource {
  file: string;
  /** On the image grid. */
  labels: Volume;
  /** Non-zero values present, ascending. */
  present: number[];
  names: LabelInfo[];
  naming: LabelNaming | 'segmentation';
  /** True for --labels files (a --select applies to them), false for HU segmentations. */
  fromFile: boolean;
  sidecar?: string;
}

/** --label-names: a known scheme name or a label table file. */
export function labelNamesOption(spec: string | undefined): LabelInfo[] | undefined {
  if (spec === undefined) return undefined;
  if ((SCHEME_NAMES as string[]).includes(spec)) return knownLabelScheme(spec as SchemeName);
  let text: string;
  try {
    text = readFileSync(spec, 'utf8');
  } catch {
    throw new CliError(`${spec}: label table not found`);
  }
  return parseLabelTable(spec, text);
}

/** The JSON sidecar of a label map: same folder, same base name, '.json' (seg.nii.gz -> seg.json). */
export function sidecarPath(labelPath: string): string {
  const slash = Math.max(labelPath.lastIndexOf('/'), labelPath.lastIndexOf('\\'));
  return `${labelPath.slice(0, slash + 1)}${fileStem(labelPath)}.json`;
}

export interface LabelRead {
  file: string;
  raw: Volume;
  sidecar?: { path: string; table: LabelInfo[] };
}

/** Reads the label maps and their sidecars. A sidecar that is not a label table (e.g. a BIDS/dcm2niix
 * metadata JSON of the same name) is skipped with a note, since nobody asked for it explicitly. */
export async function readLabelMaps(paths: string[], note: (msg: string) => void): Promise<LabelRead[]> {
  const out: LabelRead[] = [];
  for (const file of paths) {
    const raw = await readVolumeFromPath(file, { kind: 'label' });
    const side = sidecarPath(file);
    let sidecar: LabelRead['sidecar'];
    if (side !== file && existsSync(side)) {
      try {
        sidecar = { path: side, table: parseLabelTable(side, readFileSync(side, 'utf8')) };
      } catch (err) {
        note(`ignored sidecar ${(err as Error).message}`);
      }
    }
    out.push({ file, raw, sidecar });
  }
  return out;
}

/** Resamples and names one label map (see header for the naming precedence). */
export function labelSource(read: LabelRead, image: Volume, explicit: LabelInfo[] | undefined): LabelSource {
  const labels = labelsOnGrid(read.raw, image);
  const present = labelValues(labels).map((x) => x.value);
  const guess = guessLabelNames(read.file, present, image.modality, {
    table: [...(read.sidecar?.table ?? []), ...(explicit ?? [])],
    embedded: read.raw.labels,
    centroidsMm: labelCentroidsMm(labels),
  });
  return {
    file: read.file,
    labels,
    present,
    names: guess.names,
    naming: guess.scheme,
    fromFile: true,
    sidecar: read.sidecar?.path,
  };
}
