// `organ-twin reconstruct`: CT/MRI volume (+ label maps or HU threshold segmentation) -> organ surface
// meshes (vtk.js pipeline in src/meshes) written as STL/OBJ/PLY/GLB/VTP plus <out>/summary.json with
// per-mesh metrics and per-stage timings. Units: mm, mm², ml, ms. Meshes are in world RAS mm.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  exportMesh,
  meshesReady,
  MESH_FORMATS,
  reconstructOrgans,
  type MeshFormat,
  type StageTimings,
} from '../meshes';
import { readVolumeFromPath } from '../volume/io/node';
import { knownLabelScheme, parseLabelTable } from '../volume/labels';
import { resampleLabelsTo } from '../volume/resample';
import { segmentBone, segmentLungs } from '../volume/segment';
import type { LabelInfo, Volume } from '../volume/types';
import { optNumber, optString, parseArgs, requireString } from './args';
import { CliError } from './errors';

const HELP = `usage: organ-twin reconstruct <volume|dicom-dir> [--labels <labelmap>]... [--label-names <json|ctbl|txt|total|total_mr>]
       [--select 22=L3,51=heart] [--threshold lungs|bone] [--smooth <iterations>] [--decimate <fraction>]
       [--format stl|obj|ply|glb|vtp] --out <dir>
Writes one mesh per selected label (default: every non-zero label) and <dir>/summary.json.`;

const OPTIONS = {
  labels: true,
  'label-names': true,
  select: true,
  threshold: true,
  smooth: true,
  decimate: true,
  format: true,
  out: true,
  help: false,
};

interface Source {
  file: string;
  labels: Volume;
}

type Timings = Record<string, number>;

function sameGrid(a: Volume, b: Volume): boolean {
  return (
    a.dims.every((d, i) => d === b.dims[i]) &&
    a.ijkToWorld.every((x, i) => Math.abs(x - b.ijkToWorld[i]!) < 1e-4)
  );
}

/** "22=L3,51=heart,1+2=lungs" -> selections. */
function parseSelect(s: string): { values: number[]; name: string }[] {
  return s.split(',').map((item) => {
    const [vs, name] = item.split('=');
    const values = (vs ?? '').split('+').map((v) => Number(v.trim()));
    if (values.some((v) => !Number.isInteger(v) || v === 0) || !name?.trim())
      throw new CliError(`--select: bad item '${item}' (expected <label>=<name>, e.g. 22=L3 or 1+2=lungs)`);
    return { values, name: name.trim() };
  });
}

function labelNames(spec: string | undefined): LabelInfo[] | undefined {
  if (spec === undefined) return undefined;
  if (spec === 'total' || spec === 'total_mr') return knownLabelScheme(spec);
  let text: string;
  try {
    text = readFileSync(spec, 'utf8');
  } catch {
    throw new CliError(`${spec}: label table not found`);
  }
  return parseLabelTable(spec, text);
}

/** VerSe vertebra labels (1-7 C1-C7, 8-19 T1-T12, 20-25 L1-L6, 28 T13), used for files named *vert*. */
function verseNames(file: string, present: number[]): LabelInfo[] {
  if (!/vert|verse/i.test(basename(file)) || present.some((v) => v < 1 || v > 28)) return [];
  const name = (v: number): string | undefined =>
    v <= 7 ? `C${v}` : v <= 19 ? `T${v - 7}` : v <= 25 ? `L${v - 19}` : v === 28 ? 'T13' : undefined;
  return present.flatMap((v) => (name(v) ? [{ value: v, name: name(v)! }] : []));
}

function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^[._]+/, '') || 'mesh';
}

function distinctValues(v: Volume): number[] {
  const seen = new Set<number>();
  const d = v.data;
  for (let i = 0; i < d.length; i++) if (d[i] !== 0) seen.add(d[i]!);
  return [...seen].sort((a, b) => a - b);
}

export async function runReconstruct(args: string[]): Promise<number> {
  const p = parseArgs(args, OPTIONS);
  if (p.options.has('help')) {
    console.log(HELP);
    return 0;
  }
  if (p.positionals.length !== 1)
    throw new CliError(`reconstruct needs exactly one <volume>, got ${p.positionals.length} (try --help)`);
  const outDir = requireString(p, 'out');
  const format = (optString(p, 'format') ?? 'stl') as MeshFormat;
  if (!MESH_FORMATS.includes(format))
    throw new CliError(`--format must be one of ${MESH_FORMATS.join(', ')}, got '${format}'`);
  const smooth = optNumber(p, 'smooth', 0, 500) ?? 20;
  const decimate = optNumber(p, 'decimate', 0, 0.99) ?? 0;
  const threshold = optString(p, 'threshold');
  if (threshold !== undefined && threshold !== 'lungs' && threshold !== 'bone')
    throw new CliError(`--threshold must be lungs or bone, got '${threshold}'`);
  const select = p.options.has('select') ? p.options.get('select')!.flatMap(parseSelect) : undefined;
  const names = labelNames(optString(p, 'label-names'));
  const labelPaths = p.options.get('labels') ?? [];
  if (labelPaths.length === 0 && !threshold)
    throw new CliError('nothing to reconstruct: give --labels <labelmap> or --threshold lungs|bone');

  const timings: Timings = {
    read: 0,
    segment: 0,
    resample: 0,
    extract: 0,
    smooth: 0,
    decimate: 0,
    normals: 0,
    transform: 0,
    metrics: 0,
    export: 0,
  };
  let t0 = performance.now();
  const volumePath = p.positionals[0]!;
  const image = await readVolumeFromPath(volumePath);
  const sources: Source[] = [];
  const rawLabels: { file: string; v: Volume }[] = [];
  for (const path of labelPaths)
    rawLabels.push({ file: path, v: await readVolumeFromPath(path, { kind: 'label' }) });
  timings.read = performance.now() - t0;

  t0 = performance.now();
  for (const { file, v } of rawLabels)
    sources.push({ file, labels: sameGrid(v, image) ? v : resampleLabelsTo(v, image) });
  timings.resample = performance.now() - t0;
  if (threshold) {
    t0 = performance.now();
    const seg = threshold === 'lungs' ? segmentLungs(image) : segmentBone(image);
    sources.push({ file: `${threshold} (HU threshold of ${basename(volumePath)})`, labels: seg });
    timings.segment = performance.now() - t0;
  }

  if (decimate > 0) await meshesReady();
  mkdirSync(outDir, { recursive: true });
  const summary: Record<string, unknown>[] = [];
  const perMesh: Record<string, StageTimings> = {};
  const used = new Set<string>();
  const found = new Set<number>();
  for (const src of sources) {
    const present = distinctValues(src.labels);
    const table = [...(names ?? []), ...(src.labels.labels ?? []), ...verseNames(src.file, present)];
    const singleName =
      present.length === 1 ? basename(src.file).replace(/\.(nii\.gz|nii|nrrd|nhdr|vti)$/i, '') : undefined;
    const selection = (select ?? present.map((v) => ({ values: [v], name: '' })))
      .filter((s) => s.values.some((v) => present.includes(v)))
      .map((s) => {
        s.values.forEach((v) => found.add(v));
        const info = table.find((l) => l.value === s.values[0]);
        const name = s.name || info?.name || singleName || `label_${s.values[0]}`;
        return {
          value: s.values.length === 1 ? s.values[0]! : s.values,
          name,
          color: info?.color ? ([...info.color] as [number, number, number]) : undefined,
        };
      });
    const { meshes, timingsMs } = await reconstructOrgans(src.labels, selection, {
      smoothIterations: smooth,
      decimate,
    });
    for (const mesh of meshes) {
      const st = timingsMs[mesh.name]!;
      for (const k of Object.keys(st) as (keyof StageTimings)[]) timings[k] = timings[k]! + st[k];
      let file = `${safeName(mesh.name)}.${format}`;
      for (let n = 2; used.has(file); n++) file = `${safeName(mesh.name)}_${n}.${format}`;
      used.add(file);
      t0 = performance.now();
      writeFileSync(join(outDir, file), exportMesh(mesh, format));
      const exportMs = performance.now() - t0;
      timings.export! += exportMs;
      perMesh[mesh.name] = st;
      const m = mesh.metrics!;
      summary.push({
        name: mesh.name,
        label: mesh.label ?? selection.find((s) => s.name === mesh.name)?.value,
        source: src.file,
        file,
        triangles: m.triangles,
        areaMm2: m.areaMm2,
        volumeMl: m.volumeMl,
        voxelVolumeMl: m.voxelVolumeMl,
        watertight: m.watertight,
        timingsMs: { ...st, export: exportMs },
      });
      console.log(
        `${file}: ${m.triangles} triangles, ${m.volumeMl.toFixed(2)} ml (voxels ${m.voxelVolumeMl?.toFixed(2)} ml), ${m.watertight ? 'watertight' : 'NOT watertight'}`,
      );
    }
  }
  const missing = (select ?? []).flatMap((s) => s.values).filter((v) => !found.has(v));
  if (missing.length)
    throw new CliError(
      `--select: label ${missing.join(', ')} not found in ${sources.map((s) => s.file).join(', ')}`,
    );
  if (summary.length === 0)
    throw new CliError(`no non-zero labels found in ${sources.map((s) => s.file).join(', ')}`);
  const doc = {
    volume: volumePath,
    format,
    smoothIterations: smooth,
    decimate,
    units: { length: 'mm', area: 'mm2', volume: 'ml', time: 'ms' },
    frame: 'world RAS+',
    timingsMs: timings,
    meshes: summary,
  };
  writeFileSync(join(outDir, 'summary.json'), JSON.stringify(doc, null, 2));
  console.log(`wrote ${summary.length} meshes and summary.json to ${outDir}`);
  return 0;
}
