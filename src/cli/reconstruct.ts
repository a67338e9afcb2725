// `organ-twin reconstruct`: CT/MRI volume (+ label maps, HU threshold segmentation, blood pool split) ->
// organ surface meshes (vtk.js pipeline in src/meshes) written as STL/OBJ/PLY/GLB/VTP plus
// <out>/summary.json with per-mesh metrics, per-stage timings and segmentation reports. Label maps and
// their names: ./reconstruct-labels.ts; segmentations: ./reconstruct-segment.ts.
// Units: mm, mm², ml, ms. Meshes are in world RAS mm.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  exportMesh,
  meshesReady,
  MESH_FORMATS,
  reconstructOrgans,
  type MeshFormat,
  type StageTimings,
} from '../meshes';
import { readVolumeFromPath } from '../volume/io/node';
import { optNumber, optString, parseArgs, requireString } from './args';
import { CliError } from './errors';
import { labelNamesOption, labelSource, readLabelMaps, type LabelSource } from './reconstruct-labels';
import { bloodPoolSource, thresholdSource } from './reconstruct-segment';

const HELP = `usage: organ-twin reconstruct <volume|dicom-dir> [--labels <labelmap>]...
       [--label-names <json|ctbl|txt|total|total_mr|verse|verse_subregions>] [--select 22=L3,51=heart]
       [--threshold lungs|bone] [--split-blood-pool <heart label>] [--smooth <iterations>]
       [--decimate <fraction>] [--format stl|obj|ply|glb|vtp] --out <dir>
Writes one mesh per selected label (default: every non-zero label) and <dir>/summary.json.
Label names: --label-names, else <labelmap>.json next to the label map, else names in the file, else a
guess (single-label masks by file name; VerSe vertebrae / sub-regions; TotalSegmentator total / total_mr).
--threshold bone with vertebra labels splits the HU bone into the labelled vertebrae (bone_<name>).
--split-blood-pool 51 writes heart_myocardium and heart_blood_pool from heart label 51 on a contrast CT.`;

const OPTIONS = {
  labels: true,
  'label-names': true,
  select: true,
  threshold: true,
  'split-blood-pool': true,
  smooth: true,
  decimate: true,
  format: true,
  out: true,
  help: false,
};

type Timings = Record<string, number>;

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

function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^[._]+/, '') || 'mesh';
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
  const names = labelNamesOption(optString(p, 'label-names'));
  const bloodPool = optString(p, 'split-blood-pool');
  const heartValue = bloodPool === undefined ? undefined : Number(bloodPool);
  if (heartValue !== undefined && !(Number.isInteger(heartValue) && heartValue > 0))
    throw new CliError(`--split-blood-pool needs the heart's label value (e.g. 51 or 1), got '${bloodPool}'`);
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
  const reads = await readLabelMaps(labelPaths, (m) => console.log(m));
  timings.read = performance.now() - t0;

  t0 = performance.now();
  const sources: LabelSource[] = reads.map((r) => labelSource(r, image, names));
  timings.resample = performance.now() - t0;
  for (const s of sources)
    console.log(`${s.file}: labels named by ${s.naming}${s.sidecar ? ` (sidecar ${s.sidecar})` : ''}`);
  const segmentation: Record<string, unknown> = {};
  const fileSources = [...sources];
  t0 = performance.now();
  if (threshold) {
    const { source, report } = thresholdSource(threshold, image, volumePath, fileSources);
    sources.push(source);
    Object.assign(segmentation, report);
  }
  if (heartValue !== undefined) {
    const log = (m: string) => console.log(m);
    const { source, report } = bloodPoolSource(heartValue, image, volumePath, fileSources, log);
    sources.push(source);
    segmentation.bloodPool = { label: heartValue, ...report };
    console.log(
      `blood pool: Otsu ${report.thresholdHu} HU, blood ${(100 * report.bloodFraction).toFixed(1)}% of the heart label`,
    );
  }
  timings.segment = performance.now() - t0;

  if (decimate > 0) await meshesReady();
  mkdirSync(outDir, { recursive: true });
  const summary: Record<string, unknown>[] = [];
  const perMesh: Record<string, StageTimings> = {};
  const used = new Set<string>();
  const found = new Set<number>();
  // --select picks among the --labels maps; HU segmentations always give all their parts (unless only
  // segmentations are reconstructed, where --select picks among them).
  const selectFrom = fileSources.length > 0 ? fileSources : sources;
  for (const src of sources) {
    const { present } = src;
    const sel = selectFrom.includes(src) ? select : undefined;
    const selection = (sel ?? present.map((v) => ({ values: [v], name: '' })))
      .filter((s) => s.values.some((v) => present.includes(v)))
      .map((s) => {
        s.values.forEach((v) => found.add(v));
        const info = src.names.find((l) => l.value === s.values[0]);
        const name = s.name || info?.name || `label_${s.values[0]}`;
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
        // fraction of triangles actually removed (may be milder than --decimate to keep the surface closed)
        ...(m.decimatedFraction !== undefined ? { decimatedFraction: m.decimatedFraction } : {}),
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
      `--select: label ${missing.join(', ')} not found in ${selectFrom.map((s) => s.file).join(', ')}`,
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
    labelNaming: Object.fromEntries(fileSources.map((s) => [s.file, s.naming])),
    segmentation,
    timingsMs: timings,
    meshes: summary,
  };
  writeFileSync(join(outDir, 'summary.json'), JSON.stringify(doc, null, 2));
  console.log(`wrote ${summary.length} meshes and summary.json to ${outDir}`);
  return 0;
}
