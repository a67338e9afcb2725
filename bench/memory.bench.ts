// Memory benchmark for large volumes (issue #7.5): peak RSS growth and time in Node for reading an
// uncompressed 512^3 int16 NIfTI (256 MB of voxels) and reconstructing a surface from it, as the app does
// (HU threshold -> connected components -> label surface) and directly (iso-surface). Baseline row: allocating
// and filling ONE Int16Array of the same size. Each step runs in a FRESH Node process (this file with
// --memory-step) after its inputs are built and garbage-collected, so memory freed by an earlier step cannot
// hide this one's growth. The peak is the kernel's RSS high-water mark (VmHWM, reset right before the step).
// `copies` = peak RSS growth / baseline growth = full-volume copies held at the peak. Units: ms, MB (2^20 B).
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { peakRssMb, type BenchRow, type BenchSection } from './lib';
import { readNifti, writeNifti } from '../src/volume/io/nifti';
import { segmentBone } from '../src/volume/segment';
import { isoSurface, reconstructLabel } from '../src/meshes';
import type { Volume } from '../src/volume/types';

const N = 512;
const SPACING_MM = 0.7;
const BALL_RADIUS_VOX = 110;
const RECON = { decimate: 0, smoothIterations: 20 }; // what the app's pipeline worker uses

function ballCt(denseHalf = false): Volume {
  const data = new Int16Array(N * N * N).fill(-1000);
  const c = N / 2;
  for (let k = 0; k < N; k++)
    for (let j = 0; j < N; j++) {
      const r2 = BALL_RADIUS_VOX ** 2 - (k - c) ** 2 - (j - c) ** 2;
      if (r2 <= 0) continue;
      const h = Math.sqrt(r2);
      data.fill(700, Math.ceil(c - h) + N * (j + N * k), Math.floor(c + h) + 1 + N * (j + N * k));
    }
  if (denseHalf) data.fill(700, 0, data.length / 2);
  const s = SPACING_MM;
  const ijkToWorld = new Float64Array([s, 0, 0, 0, 0, s, 0, 0, 0, 0, s, 0, 0, 0, 0, 1]);
  return {
    name: 'large-512.nii',
    dims: [N, N, N],
    spacing: [s, s, s],
    ijkToWorld,
    data,
    modality: 'CT',
    units: 'HU',
  };
}

/** Each step: build its inputs (not measured), then the measured work. */
const STEPS: Record<string, { label: string; prepare: () => unknown; work: (input: any) => unknown }> = {
  baseline: {
    label: `baseline: allocate + fill one Int16Array ${N}^3 (256 MB)`,
    prepare: () => undefined,
    work: () => new Int16Array(N * N * N).fill(1).length,
  },
  read: {
    label: 'readNifti (uncompressed .nii bytes in memory)',
    prepare: () => writeNifti(ballCt()),
    work: (bytes: Uint8Array) => readNifti('large-512.nii', bytes).dims,
  },
  iso: {
    label: 'iso-surface at 200 HU (crop + marching cubes + 20 smoothing passes)',
    prepare: () => ballCt(),
    work: (v: Volume) => isoSurface(v, 200, 'ball', RECON).mesh.indices.length,
  },
  segment: {
    label: 'segmentBone (threshold 200 HU + connected components), ball',
    prepare: () => ballCt(),
    work: (v: Volume) => segmentBone(v).dims,
  },
  segmentDense: {
    label: 'segmentBone, dense mask (half of all voxels >= 200 HU)',
    prepare: () => ballCt(true),
    work: (v: Volume) => segmentBone(v).dims,
  },
  label: {
    label: 'reconstructLabel on the bone label map',
    prepare: () => segmentBone(ballCt()),
    work: (labels: Volume) => reconstructLabel(labels, 1, 'bone', RECON).mesh.indices.length,
  },
  appPath: {
    label: 'app path: read .nii -> segmentBone -> reconstructLabel',
    prepare: () => writeNifti(ballCt()),
    work: (bytes: Uint8Array) =>
      reconstructLabel(segmentBone(readNifti('large-512.nii', bytes)), 1, 'bone', RECON),
  },
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function highWaterMarkMb(): number {
  const m = /VmHWM:\s+(\d+)\s*kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Linux >= 4.0: writing 5 to clear_refs resets VmHWM to the current RSS. */
function resetHighWaterMark(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return Number.isFinite(highWaterMarkMb());
  } catch {
    return false;
  }
}

async function childStep(name: string): Promise<void> {
  const step = STEPS[name]!;
  let input: unknown = step.prepare();
  for (let r = 0; r < 3; r++) {
    global.gc?.();
    await sleep(150); // ArrayBuffer backing stores are released by a background sweeper after GC
  }
  // The kernel's RSS high-water mark (VmHWM), reset right before the step: exact even though the work is
  // synchronous (an interval sampler would never run during it). Falls back to end-of-step sampling.
  const hwm = resetHighWaterMark();
  const before = process.memoryUsage().rss / 2 ** 20;
  const t0 = performance.now();
  const sampled = await peakRssMb(() => step.work(input));
  const ms = performance.now() - t0;
  const peakMb = hwm ? highWaterMarkMb() - before : sampled.peakMb;
  input = undefined;
  console.log(`@@${JSON.stringify({ ms, peakMb })}`);
}

function runChild(name: string): { ms: number; peakMb: number } {
  const file = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', file, '--memory-step', name], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('@@'));
  if (!line) throw new Error(`memory step ${name} failed (exit ${r.status}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(line.slice(2)) as { ms: number; peakMb: number };
}

export default async function run(): Promise<BenchSection[]> {
  const base = STEPS.baseline!.label;
  const rows: (BenchRow & { peakMb: number })[] = [];
  for (const [name, step] of Object.entries(STEPS)) {
    const { ms, peakMb } = runChild(name);
    rows.push({ name: step.label, ms, peakMb, ...(name === 'baseline' ? {} : { baseline: base }) });
  }
  const basePeak = rows[0]!.peakMb;
  return [
    {
      title: `Large volume memory: ${N}^3 int16 (256 MB), peak RSS growth per step (fresh process each)`,
      rows: rows.map((r) => ({ ...r, copies: r.peakMb / basePeak })),
      notes: [
        'copies = peak RSS growth / baseline growth (one full int16 volume); inputs are resident before measuring.',
        'RSS counts touched pages only: zero-filled arrays that are allocated but barely written cost address space, not RSS.',
        'ratio column = time / baseline time (noisy machine; same run).',
      ],
    },
  ];
}

const stepArg = process.argv.indexOf('--memory-step');
if (stepArg >= 0) await childStep(process.argv[stepArg + 1] ?? '');
