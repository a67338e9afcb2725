// Opening a patient scan in the worker: group the files into volumes (one file each; NRRD header + detached
// data; all DICOM files as one series), read them, tell the image from label maps (role from the UI, a name
// with seg/label/mask, or integer data with few values), resample label maps onto the image grid, merge them
// into one Uint16 label map (a VerSe sub-region map next to other maps stays apart, for the stress solver's
// cortical rim) and name every label with guessLabelNames (shared with the CLI: file table >
// embedded names > file name of a single-label mask > VerSe vertebrae / sub-regions > TotalSegmentator).
// Units: HU / MR a.u., mm, ml. Frame: world RAS+ mm through each volume's own affine.
import { detectFormat, readVolume, VolumeReadError, type InputFile } from '../../volume/io';
import {
  classifyLabel,
  classColor,
  guessLabelNames,
  labelCentroidsMm,
  labelValues,
  type OrganClass,
} from '../../volume/labels';
import { labelsOnGrid } from '../../volume/resample';
import type { LabelInfo, LabelledVolume, Vec3, Volume } from '../../volume/types';
import { wholeHeartLabel } from './scan-segment';

export type FileRole = 'auto' | 'image' | 'labels';
export interface ScanFile extends InputFile {
  role: FileRole;
}

export interface ScanLabel {
  value: number;
  name: string;
  voxels: number;
  volumeMl: number;
  color: Vec3;
  organClass: OrganClass;
  preselect: boolean;
  source: string;
}

export interface ScanSummary {
  name: string;
  /** The image, then each label map file: what a session must ask the user to re-open. */
  files: string[];
  dims: Vec3;
  spacing: Vec3;
  modality: string;
  labels: ScanLabel[];
  hasLungs: boolean;
  hasBone: boolean;
  /** A whole-heart label on a CT: reconstructScan({ bloodPool: true }) splits it into myocardium and blood pool. */
  bloodPoolLabel?: number;
  warnings: string[];
}

/** Distinct values above which an integer volume is taken for an image, not a label map. */
const MAX_LABEL_VALUES = 128;
const LABEL_NAME = /(seg|label|mask)/i;

function groupFiles(files: ScanFile[]): ScanFile[][] {
  const dicom = files.filter((f) => detectFormat(f) === 'dicom' || /\.dcm$/i.test(f.name));
  const nhdr = files.filter((f) => /\.nhdr$/i.test(f.name));
  const rest = files.filter((f) => !dicom.includes(f) && !nhdr.includes(f));
  const detached = rest.filter((f) => nhdr.length > 0 && /\.(raw|raw\.gz|img|dat)$/i.test(f.name));
  const groups: ScanFile[][] = nhdr.map((h) => [h, ...detached]);
  for (const f of rest) if (!detached.includes(f)) groups.push([f]);
  if (dicom.length > 0) groups.push(dicom);
  return groups;
}

function fewIntegerValues(v: Volume): boolean {
  const seen = new Set<number>();
  const d = v.data;
  for (let p = 0; p < d.length; p++) {
    const x = d[p]!;
    if (x < 0 || x !== Math.floor(x)) return false;
    if (!seen.has(x)) {
      seen.add(x);
      if (seen.size > MAX_LABEL_VALUES) return false;
    }
  }
  return true;
}

function isLabelMap(v: Volume, group: ScanFile[]): boolean {
  const role = group[0]!.role;
  if (role !== 'auto') return role === 'labels';
  if (v.modality === 'label') return true;
  return LABEL_NAME.test(group[0]!.name) ? fewIntegerValues(v) : fewIntegerValues(v) && v.modality !== 'CT';
}

function namesFor(v: Volume, onGrid: Volume, fileName: string, values: number[], image: Volume, tables: LabelInfo[]): { names: Map<number, LabelInfo>; scheme: string } {
  const { names, scheme } = guessLabelNames(fileName, values, image.modality, { table: tables, embedded: v.labels, centroidsMm: labelCentroidsMm(onGrid) });
  return { names: new Map(names.map((l) => [l.value, l])), scheme };
}

/** A VerSe sub-region map (41–50 with the body rim 49) loaded next to other label maps stays a separate map. */
function keepAsSubregions(scheme: string, values: number[], labelMaps: number): boolean {
  return labelMaps > 1 && scheme === 'verse_subregions' && values.includes(49);
}

export async function openScan(files: ScanFile[], tables: LabelInfo[]): Promise<{ scan: LabelledVolume; summary: ScanSummary }> {
  const warnings: string[] = [];
  const vols: { v: Volume; label: boolean; file: string }[] = [];
  for (const g of groupFiles(files)) {
    const v = await readVolume(g, { kind: g[0]!.role === 'labels' ? 'label' : undefined, onWarning: (w) => warnings.push(w) });
    vols.push({ v, label: isLabelMap(v, g), file: g[0]!.name });
  }
  const img = vols.find((x) => !x.label);
  if (!img) throw new VolumeReadError(files[0]?.name ?? '(no file)', 'no CT/MR image among the files (only label maps); add the image volume');
  const extraImages = vols.filter((x) => !x.label && x !== img);
  if (extraImages.length) warnings.push(`${extraImages.map((x) => x.file).join(', ')}: a second image volume was ignored`);
  const image = img.v;
  const n = image.data.length;
  const merged = new Uint16Array(n);
  const infos: (LabelInfo & { source: string })[] = [];
  let next = 1;
  let subregions: Volume | undefined;
  const labelMaps = vols.filter((x) => x.label);
  for (const { v, file } of labelMaps) {
    const onGrid = labelsOnGrid(v, image);
    const values = labelValues(onGrid).map((x) => x.value);
    const { names, scheme } = namesFor(v, onGrid, file, values, image, tables);
    if (!subregions && keepAsSubregions(scheme, values, labelMaps.length)) {
      subregions = { ...onGrid, name: file, modality: 'label', units: 'label', labels: [...names.values()] };
      warnings.push(`${file}: vertebral sub-regions (41–50) kept as a separate map, not merged into the organ labels; the stress solver gives the vertebral-body rim (49) a cortical shell`);
      continue;
    }
    const remap = new Map<number, number>();
    for (const value of values) {
      // keep original values (tables and schemes stay recognisable); renumber only on a clash
      const nv = infos.some((i) => i.value === value) ? next : value;
      remap.set(value, nv);
      next = Math.max(next, nv + 1);
      const info = names.get(value)!;
      infos.push({ ...info, value: nv, source: file });
    }
    const d = onGrid.data;
    for (let p = 0; p < n; p++) {
      const x = d[p]!;
      if (x !== 0) merged[p] = remap.get(x) ?? 0;
    }
  }
  const labels: Volume = { ...image, name: `${image.name} labels`, data: merged, modality: 'label', units: 'label', labels: infos };
  const voxMl = (image.spacing[0] * image.spacing[1] * image.spacing[2]) / 1000;
  const counts = new Map(labelValues(labels).map((x) => [x.value, x.voxels]));
  const list: ScanLabel[] = infos.map((l) => {
    const organClass = classifyLabel(l.name);
    const voxels = counts.get(l.value) ?? 0;
    return {
      value: l.value,
      name: l.name,
      voxels,
      volumeMl: voxels * voxMl,
      color: l.color ?? classColor(organClass),
      organClass,
      preselect: voxels > 0 && (organClass === 'heart' || organClass === 'lung' || organClass === 'vertebra'),
      source: l.source,
    };
  });
  const summary: ScanSummary = {
    name: image.name,
    files: [image.name, ...labelMaps.map((x) => x.file)],
    dims: image.dims,
    spacing: image.spacing,
    modality: image.modality,
    labels: list,
    hasLungs: list.some((l) => l.organClass === 'lung' && l.voxels > 0),
    hasBone: list.some((l) => l.organClass === 'vertebra' && l.voxels > 0),
    bloodPoolLabel: image.modality === 'CT' ? wholeHeartLabel(list)?.value : undefined,
    warnings,
  };
  return { scan: { image, labels, subregions }, summary };
}
