// `organ-twin phantom [--voxel <mm>] --out <dir>`: writes the procedural phantom as NIfTI-1 (gzipped):
// <dir>/ct.nii.gz (int16 HU), <dir>/labels.nii.gz (uint8) and <dir>/labels.json (value -> name, colour).
// Units: mm, HU. World frame RAS+ (the NIfTI sform holds the phantom's ijkToWorld).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePhantom, VOXEL_MAX_MM, VOXEL_MIN_MM } from '../volume/phantom';
import { writeNifti } from '../volume/io';
import { optNumber, parseArgs, requireString } from './args';
import { CliError } from './errors';

const HELP = `usage: organ-twin phantom [--voxel <mm>] --out <dir>
Writes the procedural torso phantom: <dir>/ct.nii.gz (HU), <dir>/labels.nii.gz, <dir>/labels.json.
  --voxel <mm>   isotropic voxel size, ${VOXEL_MIN_MM}..${VOXEL_MAX_MM} mm (default 1)`;

export async function runPhantom(args: string[]): Promise<number> {
  const p = parseArgs(args, { voxel: true, out: true, help: false });
  if (p.options.has('help')) {
    console.log(HELP);
    return 0;
  }
  if (p.positionals.length > 0)
    throw new CliError(`phantom: unexpected argument '${p.positionals[0]}' (see --help)`);
  const voxelMm = optNumber(p, 'voxel', VOXEL_MIN_MM, VOXEL_MAX_MM) ?? 1;
  const out = requireString(p, 'out');
  await Promise.resolve();
  const t0 = performance.now();
  const { image, labels } = generatePhantom({ voxelMm });
  const genMs = performance.now() - t0;
  try {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'ct.nii.gz'), writeNifti(image, { gzip: true }));
    writeFileSync(join(out, 'labels.nii.gz'), writeNifti(labels, { gzip: true }));
    const table = Object.fromEntries(
      (labels.labels ?? []).map((l) => [String(l.value), { name: l.name, color: l.color }]),
    );
    writeFileSync(join(out, 'labels.json'), JSON.stringify(table, null, 2) + '\n');
  } catch (err) {
    const code = (err as { code?: string }).code ?? (err instanceof Error ? err.message : String(err));
    throw new CliError(`phantom: cannot write to '${out}': ${code}`);
  }
  console.log(
    `phantom ${image.dims.join('x')} @ ${voxelMm} mm generated in ${genMs.toFixed(0)} ms -> ${join(out, 'ct.nii.gz')}, labels.nii.gz, labels.json`,
  );
  return 0;
}
