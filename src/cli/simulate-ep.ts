// `organ-twin simulate ep`: monodomain EP on a slab, a cable or a labelled volume; writes <out>/summary.json
// (activation ms per probe, total activation ms, CV mm/ms, backend, wall ms) and <out>/activation.vti
// (activation ms and APD90 ms on the EP grid, NaN outside tissue; world RAS mm origin/spacing). The output
// directory is created before any work, so an unwritable --out fails at once (main.ts reports it in one line);
// grids over the memory budget and dt above the stability limit are refused before the solver allocates.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { optNumber, optString, parseArgs, requireString } from './args';
import { CliError } from './errors';
import type { Vec3 } from '../volume/types';

const HELP = `usage: organ-twin simulate ep (--domain slab:LXxLYxLZ | --domain cable:L | --volume <ct> --labels <map> [--label heart_myocardium])
  --model ms|ap|fk|tnnp --dx <mm> --dt <ms> --duration <ms> [--stim x,y,z,size] [--probes "x,y,z;x,y,z"]
  [--backend auto|js|cpu|webasm] --out <dir>`;

const KNOWN = {
  domain: true,
  volume: true,
  labels: true,
  label: true,
  model: true,
  dx: true,
  dt: true,
  duration: true,
  stim: true,
  probes: true,
  backend: true,
  out: true,
  help: false,
};

function vec(s: string, n: number, what: string): number[] {
  const v = s.split(',').map((x) => Number(x.trim()));
  if (v.length !== n || v.some((x) => !Number.isFinite(x)))
    throw new CliError(`${what} must be ${n} comma-separated numbers, got '${s}'`);
  return v;
}

export async function runSimulateEp(argv: string[]): Promise<number> {
  const p = parseArgs(argv, KNOWN);
  if (p.options.has('help')) {
    console.log(HELP);
    return 0;
  }
  if (p.positionals.length) throw new CliError(`unexpected argument '${p.positionals[0]}'`);
  const ep = await import('../solvers/ep');
  const { createCompute } = await import('../solvers/compute');
  const model = optString(p, 'model') ?? 'ms';
  if (!['ms', 'ap', 'fk', 'tnnp'].includes(model))
    throw new CliError(`--model must be ms, ap, fk or tnnp, got '${model}'`);
  const dx = optNumber(p, 'dx', 0.01, 5) ?? 0.5;
  const dt = optNumber(p, 'dt', 1e-4, 1) ?? 0.02;
  const duration = optNumber(p, 'duration', 0.1, 1e5) ?? 100;
  const out = requireString(p, 'out');
  const backendOpt = optString(p, 'backend') ?? 'auto';
  if (!['auto', 'js', 'cpu', 'webasm'].includes(backendOpt))
    throw new CliError(`--backend must be auto, js, cpu or webasm, got '${backendOpt}'`);

  mkdirSync(out, { recursive: true });

  let grid: import('../solvers/ep').EpGrid;
  const domain = optString(p, 'domain');
  try {
    if (domain) {
      const [kind, size] = domain.split(':');
      if (kind === 'slab') {
        const d = (size ?? '').split('x').map(Number);
        if (d.length !== 3 || d.some((x) => !(x > 0)))
          throw new CliError(`--domain slab needs LXxLYxLZ in mm, got '${domain}'`);
        grid = ep.slabDomain(d[0]!, d[1]!, d[2]!, dx);
      } else if (kind === 'cable') {
        const L = Number(size);
        if (!(L > 0)) throw new CliError(`--domain cable needs a length in mm, got '${domain}'`);
        grid = ep.cableDomain(L, dx);
      } else throw new CliError(`--domain must be slab:LXxLYxLZ or cable:L, got '${domain}'`);
    } else {
      const labelsPath = optString(p, 'labels');
      if (!labelsPath) throw new CliError('give --domain slab:..|cable:.. or --volume <ct> --labels <map>');
      const { readVolumeFromPath } = await import('../volume/io/node');
      const labels = await readVolumeFromPath(labelsPath);
      const name = optString(p, 'label') ?? 'heart_myocardium';
      const byName = (n: string) => labels.labels?.find((l) => l.name === n)?.value;
      const value = byName(name) ?? (Number.isFinite(Number(name)) ? Number(name) : undefined);
      if (value === undefined) throw new CliError(`label '${name}' not found in ${labelsPath}`);
      const cavities = ['lv_blood', 'rv_blood'].map(byName).filter((v): v is number => v !== undefined);
      grid = ep.epDomainFromLabels(labels, [value], dx, { cavityValues: cavities });
    }
  } catch (e) {
    if (e instanceof CliError || (e as { userError?: boolean }).userError) throw e;
    throw new CliError((e as Error).message);
  }
  const stimArg = optString(p, 'stim');
  const origin: Vec3 = [grid.ijkToWorld[3]!, grid.ijkToWorld[7]!, grid.ijkToWorld[11]!];
  const corner: Vec3 = [origin[0] + 1.5, origin[1] + 1.5, origin[2] + 1.5];
  const region = stimArg
    ? ep.cubeAt(vec(stimArg, 4, '--stim').slice(0, 3) as Vec3, vec(stimArg, 4, '--stim')[3]!)
    : domain
      ? { kind: 'box' as const, min: origin, max: corner }
      : ep.cubeAt(ep.cellWorld(grid, 0), 3);
  const probes = (optString(p, 'probes') ?? '')
    .split(';')
    .filter((s) => s.trim())
    .map((s) => vec(s, 3, '--probes') as Vec3);
  let compute;
  try {
    compute = await createCompute(backendOpt as 'auto');
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  let r: import('../solvers/ep').EpResult;
  try {
    r = await ep.runEp(
      {
        grid,
        model: model as 'ms',
        dtMs: dt,
        durationMs: duration,
        stimuli: [{ region, startMs: 0, durationMs: 2 }],
        probes,
      },
      compute,
    );
  } catch (e) {
    throw new CliError((e as Error).message);
  } finally {
    compute.destroy();
  }
  const summary = {
    model,
    dxMm: dx,
    dtMs: dt,
    durationMs: duration,
    status: r.status,
    message: r.message,
    cells: r.grid.n,
    dims: r.grid.dims,
    probes: r.probes.map((q) => ({ pos: q.pos, activationMs: nanToNull(r.activationMs[q.cell]!) })),
    totalActivationMs: nanToNull(r.totalActivationMs),
    lastActivationMs: nanToNull(r.lastActivationMs),
    activatedFraction: r.activatedFraction,
    cvAlongFibreMmPerMs: r.cvAlongFibreMmPerMs ?? null,
    backend: r.backend,
    backendReason: compute.info.reason,
    backendNote: r.backendNote,
    wallMs: r.wallMs,
    steps: r.steps,
  };
  writeFileSync(join(out, 'summary.json'), JSON.stringify(summary, null, 2));
  const { writeVti } = await import('../meshes/io/vti');
  writeFileSync(
    join(out, 'activation.vti'),
    writeVti({
      dims: r.grid.dims,
      spacing: [r.grid.dxMm, r.grid.dxMm, r.grid.dxMm],
      origin: [r.grid.ijkToWorld[3]!, r.grid.ijkToWorld[7]!, r.grid.ijkToWorld[11]!],
      arrays: [
        { name: 'activation_ms', values: ep.toGridArray(r.grid, r.activationMs), components: 1 },
        { name: 'apd90_ms', values: ep.toGridArray(r.grid, r.apd90Ms), components: 1 },
      ],
    }),
  );
  console.log(
    `simulate ep: ${r.status}, total activation ${summary.totalActivationMs?.toFixed(1) ?? 'n/a'} ms, backend ${r.backend}, ${(r.wallMs / 1e3).toFixed(1)} s → ${out}`,
  );
  return r.status === 'diverged' ? 1 : 0;
}

function nanToNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
