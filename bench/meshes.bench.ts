// Surface pipeline benchmark: per-stage wall time (read, segment, resample, extract, smooth, decimate,
// normals, export) for the chest CTA heart and the procedural phantom (1.0 and 0.5 mm: heart, lungs,
// vertebrae), peak RSS growth, and ratios against plain vtk.js marching cubes on the same cropped mask
// (the baseline row). The decimate stage is the watertight decimation with its retries (passes = meshoptimizer
// calls); one unchecked meshoptimizer pass on the same mesh is timed next to it. Plus a 256³ sphere for the
// TOOLCHAIN reference (VTK C++ FlyingEdges3D ≈ 15 ms). Units: ms, MB. Frame: world RAS mm.
import { MeshoptSimplifier } from 'meshoptimizer';
import { existsSync } from 'node:fs';
import { peakRssMb, timeMs, type BenchRow, type BenchSection } from './lib';
import { exportMesh, meshesReady, reconstructLabel, type StageTimings } from '../src/meshes';
import { decimateReport } from '../src/meshes/decimate';
import { cropMask, labelBoxes, unionBoxes } from '../src/meshes/surface/crop';
import { marchingCubes } from '../src/meshes/surface/vtkStages';
import { readVolumeFromPath } from '../src/volume/io/node';
import { resampleLabelsTo } from '../src/volume/resample';
import { generatePhantom, VERTEBRAE } from '../src/volume/phantom';
import { segmentLungs } from '../src/volume/segment';
import type { Volume } from '../src/volume/types';

const DATA = '../shared/data';
const DECIMATE = 0.5;

function plainMc(labels: Volume, values: number[]): () => void {
  const box = unionBoxes(values.map((v) => labelBoxes(labels).get(v)))!;
  const crop = cropMask(labels, values, box, 1);
  return () => marchingCubes(crop.dims, crop.data, 0.5);
}

/** Passes and ratio reached by the watertight decimation, and one plain meshoptimizer pass to time. */
function decimationInfo(labels: Volume, values: number[], name: string) {
  const full = reconstructLabel(labels, values, name, { computeNormals: false }).mesh;
  const r = decimateReport(full, DECIMATE);
  const target = Math.floor((full.indices.length / 3) * (1 - DECIMATE)) * 3;
  return {
    info: { passes: r.passes, removed: r.achieved, watertight: r.watertight },
    onePass: () => MeshoptSimplifier.simplify(full.indices, full.positions, 3, target, 0.05, []),
  };
}

/** Rows for one organ: baseline MC, each stage of one full run, the whole pipeline and its export. */
async function organRows(labels: Volume, values: number[], name: string, reps = 3): Promise<BenchRow[]> {
  const warm = reps > 1; // big grids: one cold run each (the machine is shared; minutes matter)
  const base = `${name}: plain vtk.js marching cubes (crop)`;
  const rows: BenchRow[] = [{ name: base, ms: await timeMs(plainMc(labels, values), reps, warm) }];
  let st: StageTimings | undefined;
  let mesh: ReturnType<typeof reconstructLabel>['mesh'] | undefined;
  const { result: whole, peakMb } = await peakRssMb(() =>
    timeMs(
      () => {
        const r = reconstructLabel(labels, values, name, { decimate: DECIMATE });
        st = r.timingsMs;
        mesh = r.mesh;
      },
      reps,
      warm,
    ),
  );
  const dec = decimationInfo(labels, values, name);
  for (const [k, v] of Object.entries(st!))
    rows.push({ name: `${name}: stage ${k}`, ms: v, baseline: base, ...(k === 'decimate' ? dec.info : {}) });
  rows.push({
    name: `${name}: decimate, one unchecked meshoptimizer pass`,
    ms: await timeMs(dec.onePass, reps, warm),
    baseline: base,
  });
  rows.push({
    name: `${name}: whole pipeline (decimate ${DECIMATE})`,
    ms: whole,
    baseline: base,
    triangles: mesh!.metrics!.triangles,
    watertight: mesh!.metrics!.watertight,
    peakRssMb: peakMb,
  });
  rows.push({
    name: `${name}: export stl`,
    ms: await timeMs(() => exportMesh(mesh!, 'stl'), 3),
    baseline: base,
  });
  rows.push({
    name: `${name}: export vtp`,
    ms: await timeMs(() => exportMesh(mesh!, 'vtp'), 3),
    baseline: base,
  });
  return rows;
}

async function heart(): Promise<BenchSection | undefined> {
  if (!existsSync(DATA)) return undefined;
  const rows: BenchRow[] = [];
  let ct: Volume | undefined;
  let heartLab: Volume | undefined;
  rows.push({ name: 'read ct.nii.gz + heart.nii.gz', ms: await timeMs(async () => {
    ct = await readVolumeFromPath(`${DATA}/chest-cta/ct.nii.gz`);
    heartLab = await readVolumeFromPath(`${DATA}/chest-cta/heart.nii.gz`, { kind: 'label' });
  }, 1) }); // prettier-ignore
  let onCt: Volume | undefined;
  rows.push({
    name: 'resample heart onto CT grid',
    ms: await timeMs(() => (onCt = resampleLabelsTo(heartLab!, ct!)), 3),
  });
  rows.push({ name: 'segment lungs from HU', ms: await timeMs(() => segmentLungs(ct!), 1) });
  rows.push(...(await organRows(onCt!, [1], 'heart')));
  const mem = await peakRssMb(() => reconstructLabel(onCt!, 1, 'heart', { decimate: DECIMATE }));
  return {
    title: 'chest CTA heart (120×126×164 @ 1.5 mm)',
    rows,
    notes: [`peak RSS growth of one heart reconstruction: ${mem.peakMb.toFixed(0)} MB`],
  };
}

async function phantom(voxelMm: number): Promise<BenchSection> {
  const rows: BenchRow[] = [];
  let ph: ReturnType<typeof generatePhantom> | undefined;
  rows.push({
    name: `generate phantom ${voxelMm} mm`,
    ms: await timeMs(() => (ph = generatePhantom({ voxelMm })), 1, false),
  });
  const labels = ph!.labels;
  rows.push({ name: 'segment lungs from HU', ms: await timeMs(() => segmentLungs(ph!.image), 1, false) });
  const organs: [string, number[]][] = [
    ['heart', [5, 6, 7, 8, 9]],
    ['lungs', [2, 3]],
    ['vertebrae', VERTEBRAE.map((v) => v.value)],
  ];
  for (const [name, values] of organs) {
    rows.push(...(await organRows(labels, values, name, voxelMm < 1 ? 1 : 3)));
  }
  const d = labels.dims;
  return {
    title: `phantom ${voxelMm} mm (${d.join('×')})`,
    rows,
    notes: ['peakRssMb: RSS growth during the whole-pipeline runs, over the phantom already in memory'],
  };
}

async function sphere256(): Promise<BenchSection> {
  const N = 256;
  const data = new Uint8Array(N * N * N);
  const c = (N - 1) / 2;
  for (let k = 0; k < N; k++)
    for (let j = 0; j < N; j++)
      for (let i = 0; i < N; i++) data[i + N * (j + N * k)] = Math.hypot(i - c, j - c, k - c) < 100 ? 1 : 0;
  const vol: Volume = {
    name: 'sphere',
    dims: [N, N, N],
    spacing: [1, 1, 1],
    ijkToWorld: new Float64Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]),
    data,
    modality: 'label',
    units: 'label',
  };
  const base = 'vtk.js marching cubes, full 256³';
  const rows: BenchRow[] = [{ name: base, ms: await timeMs(() => marchingCubes([N, N, N], data, 0.5), 2) }];
  rows.push({
    name: 'pipeline extract only (crop + mask + MC, no smoothing)',
    ms: await timeMs(() => reconstructLabel(vol, 1, 's', { smoothIterations: 0, computeNormals: false }), 2),
    baseline: base,
  });
  rows.push({
    name: 'whole pipeline (smooth 20, normals, metrics)',
    ms: await timeMs(() => reconstructLabel(vol, 1, 's'), 2),
    baseline: base,
  });
  rows.push({
    name: 'reference: VTK C++ FlyingEdges3D 2 threads (TOOLCHAIN.md, not run here)',
    ms: 15,
    baseline: base,
  });
  return { title: '256³ sphere (R = 100 voxels)', rows };
}

export default async function (): Promise<BenchSection[]> {
  await meshesReady();
  const out: BenchSection[] = [];
  const h = await heart();
  if (h) out.push(h);
  out.push(await phantom(1.0));
  out.push(await phantom(0.5));
  out.push(await sphere256());
  return out;
}
