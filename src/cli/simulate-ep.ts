// `organ-twin simulate ep`: monodomain EP on a slab, sheet, cable or a labelled volume (domain, stimuli and
// conductivity from simulate-ep-domain.ts / simulate-ep-protocol.ts); writes <out>/summary.json (activation ms
// per probe and its upstrokes, total activation ms and percentiles, CV mm/ms, re-entry counters, σ used and
// its tuning, backend, wall ms) and <out>/activation.vti
// (activation ms and APD90 ms on the EP grid, NaN outside tissue; world RAS mm origin/spacing). The output
// directory is created before any work, so an unwritable --out fails at once (main.ts reports it in one line);
// grids over the memory budget and dt above the stability limit are refused before the solver allocates.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { optNumber, optString, parseArgs, requireString } from './args';
import { CliError } from './errors';
import type { Vec3 } from '../volume/types';

const HELP = `usage: organ-twin simulate ep (--domain slab:LXxLYxLZ | sheet:LXxLY | cable:L | --volume <ct> --labels <map> [--label heart])
  --model ms|ap|fk|tnnp --dx <mm> --dt <ms> --duration <ms> [--stim "x,y,z,size|edge:x-;..."] [--probes "x,y,z;x,y,z"]
  [--pace CL[,count]] [--s1s2 <coupling ms> [--s2 x,y,z,size]] [--sigma l,t] [--cv l,t] [--tune on|off]
  [--until-activated] [--backend auto|js|cpu|webasm] --out <dir>
domains: sheet = one voxel thick (2D tissue); --volume <ct> --labels <map>: myocardium = the heart label minus the
  CT's contrast blood pool (Otsu, or --blood-hu <HU>); a label named *myocard* is used as it is. Default dx:
  0.5 mm (analytic), 1 mm (label maps); label domains get face bridges across corner-only contacts.
stimuli: a 2 ms pulse at each --stim site (';'-separated, simultaneous); default the domain's corner (1.5 mm
  cube) or, on a heart, a sphere at its lowest point;
  --pace CL[,count] repeats it; --s1s2 <ms> adds an S2 pulse that long after the last S1 (S1-S2 coupling
  interval), over --s2 or, on a slab/sheet, the cross-field quadrant with S1 from the x− edge (re-entry).
conductivity: --sigma l,t in S/m along/across fibres (default 0.1334,0.0176, Niederer 2011); --tune on scales σ
  so a cable on this grid conducts at σ's converged CV (or at --cv l,t mm/ms) — default on for label maps, where
  dx 1-2 mm cannot resolve the front; --until-activated stops once every tissue voxel has activated.`;

const KNOWN = {
  domain: true,
  volume: true,
  labels: true,
  label: true,
  'blood-hu': true,
  model: true,
  dx: true,
  dt: true,
  duration: true,
  stim: true,
  probes: true,
  pace: true,
  s1s2: true,
  s2: true,
  sigma: true,
  cv: true,
  tune: true,
  'until-activated': false,
  backend: true,
  out: true,
  help: false,
};

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
  const dx = optNumber(p, 'dx', 0.01, 5);
  const dt = optNumber(p, 'dt', 1e-4, 1) ?? 0.02;
  const duration = optNumber(p, 'duration', 0.1, 1e5) ?? 100;
  const out = requireString(p, 'out');
  const backendOpt = optString(p, 'backend') ?? 'auto';
  if (!['auto', 'js', 'cpu', 'webasm'].includes(backendOpt))
    throw new CliError(`--backend must be auto, js, cpu or webasm, got '${backendOpt}'`);

  mkdirSync(out, { recursive: true });

  const { buildDomain } = await import('./simulate-ep-domain');
  const { buildConductivity, buildStimuli, vec } = await import('./simulate-ep-protocol');
  const asUser = async <T>(f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (e) {
      // Bad input (files, labels, protocol, an unreachable CV) is the user's; TypeError & co. are bugs.
      if (e instanceof CliError || (e as { userError?: boolean }).userError || e instanceof TypeError)
        throw e;
      throw new CliError((e as Error).message);
    }
  };
  const dom = await asUser(() => buildDomain(p, dx ?? (optString(p, 'domain') ? 0.5 : 1)));
  const grid = dom.grid;
  const { stimuli, protocol } = await asUser(() => buildStimuli(p, grid, dom.kind));
  const cond = await asUser(() => buildConductivity(p, model as 'ms', grid.dxMm, dt, dom.kind));
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
        conductivity: cond.conductivity,
        stimuli,
        probes,
        stopWhenAllActivated: p.options.has('until-activated'),
      },
      compute,
    );
  } catch (e) {
    throw new CliError((e as Error).message);
  } finally {
    compute.destroy();
  }
  const thr = ep.getModel(model).activationMv;
  const summary = {
    model,
    dxMm: grid.dxMm,
    dtMs: dt,
    durationMs: duration,
    status: r.status,
    message: r.message,
    cells: r.grid.n,
    dims: r.grid.dims,
    domain: { kind: dom.kind, ...dom.report },
    protocol,
    stimuli: stimuli.map((q) => ({ ...q, strength: q.strength ?? 50000 })),
    conductivity: {
      sigmaL: cond.conductivity.sigmaL,
      sigmaT: cond.conductivity.sigmaT,
      chi: cond.conductivity.chi,
      cm: cond.conductivity.cm,
      tuning: cond.tuned
        ? { ...cond.tuned, conductivity: undefined, method: 'cable CV fixed point, Costa et al. 2013' }
        : null,
    },
    probes: r.probes.map((q) => ({
      pos: q.pos,
      activationMs: nanToNull(r.activationMs[q.cell]!),
      upstrokesMs: ep.seriesUpcrossings(q.t, q.vm, thr),
    })),
    totalActivationMs: nanToNull(r.totalActivationMs),
    lastActivationMs: nanToNull(r.lastActivationMs),
    activatedFraction: r.activatedFraction,
    activationPercentilesMs: percentiles(r.activationMs),
    cvAlongFibreMmPerMs: r.cvAlongFibreMmPerMs ?? null,
    cvMethod: r.cvMethod ?? null,
    stimuliEndMs: r.stimuliEndMs,
    lastUpstrokeMs: nanToNull(r.lastUpstrokeMs),
    reactivatedFraction: r.reactivatedFraction,
    excitedFractionEnd: r.excitedFractionEnd,
    tEndMs: r.tEndMs,
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


/** Activation time (ms) by which 50/80/90/99/100 % of the tissue had activated (null beyond what activated). */
function percentiles(act: Float32Array): Record<string, number | null> {
  const a = Array.from(act)
    .filter((x) => x === x)
    .sort((x, y) => x - y);
  const out: Record<string, number | null> = {};
  for (const q of [50, 80, 90, 99, 100]) {
    const k = Math.ceil((q / 100) * act.length) - 1;
    out[`p${q}`] = k < a.length ? a[Math.max(0, k)]! : null;
  }
  return out;
}
