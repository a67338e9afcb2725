// `simulate ep` stimulation and conductivity from the command line. Stimuli (world mm, ms): --stim with one or
// more ';'-separated sites, each x,y,z,size (a cube) or edge:x-|x+|y-|y+|z-|z+ (the tissue within
// max(1.5 mm, 1.5·dx) of that face), all firing together; default: the 1.5 mm corner cube of analytic domains, Niederer 2011, or a sphere of max(4 mm, 2·dx)
// radius at the lowest tissue point ≈ apex of a heart), --pace CL[,count] (a train there), --s1s2 <coupling ms>
// with --s2 x,y,z,size (default for slabs/sheets: S1 from the x− edge, S2 over the cross-field quadrant).
// Conductivity (S/m): --sigma l,t (default Niederer 2011), --cv l,t (target CVs, mm/ms) and --tune on|off
// (tune σ on this grid so the cable CV matches the target or σ's converged CV; default on for label volumes).
import { CliError } from './errors';
import { optString, type ParsedArgs } from './args';
import type { Vec3 } from '../volume/types';
import type { Conductivity, EpGrid, ModelName, Region, Stimulus, TunedConductivity } from '../solvers/ep';

export function vec(s: string, n: number, what: string): number[] {
  const v = s.split(',').map((x) => Number(x.trim()));
  if (v.length !== n || v.some((x) => !Number.isFinite(x)))
    throw new CliError(`${what} must be ${n} comma-separated numbers, got '${s}'`);
  return v;
}

function positivePair(s: string, what: string, unit: string): [number, number] {
  const v = vec(s, 2, what);
  if (v.some((x) => !(x > 0)))
    throw new CliError(`${what} must be two positive numbers (${unit}), got '${s}'`);
  return [v[0]!, v[1]!];
}

export async function buildStimuli(
  p: ParsedArgs,
  grid: EpGrid,
  kind: string,
): Promise<{ stimuli: Stimulus[]; protocol: string }> {
  const ep = await import('../solvers/ep');
  const cube = (arg: string, what: string): Region => {
    const v = vec(arg, 4, what);
    if (!(v[3]! > 0)) throw new CliError(`${what} size must be positive, got ${v[3]}`);
    return ep.cubeAt(v.slice(0, 3) as Vec3, v[3]!);
  };
  const stimArg = optString(p, 'stim');
  const s1s2 = optString(p, 's1s2');
  const analytic = kind !== 'labels';
  const edgeDepth = Math.max(1.5, 1.5 * grid.dxMm);
  const one = (arg: string): Region => {
    if (!arg.startsWith('edge:')) return cube(arg, '--stim');
    const e = arg.slice(5);
    if (!['x-', 'x+', 'y-', 'y+', 'z-', 'z+'].includes(e))
      throw new CliError(`--stim edge: must be x-, x+, y-, y+, z- or z+, got '${e}'`);
    return ep.edgeRegion(grid, e as 'x-', edgeDepth);
  };
  let sites: Region[];
  if (stimArg)
    sites = stimArg
      .split(';')
      .filter((x) => x.trim())
      .map((x) => one(x.trim()));
  else if (s1s2 && analytic) sites = [ep.edgeRegion(grid, 'x-', edgeDepth)];
  else if (analytic) {
    const o: Vec3 = [grid.ijkToWorld[3]!, grid.ijkToWorld[7]!, grid.ijkToWorld[11]!];
    sites = [{ kind: 'box', min: o, max: [o[0] + 1.5, o[1] + 1.5, o[2] + 1.5] }];
  } else
    sites = [{ kind: 'sphere', center: ep.lowestTissuePoint(grid), radiusMm: Math.max(4, 2 * grid.dxMm) }];
  if (sites.length === 0) throw new CliError('--stim needs at least one site');
  const paceArg = optString(p, 'pace');
  let cl: number | undefined;
  let count = 1;
  if (paceArg) {
    const v = paceArg.split(',').map(Number);
    if (
      v.length < 1 ||
      v.length > 2 ||
      !(v[0]! > 2) ||
      (v.length === 2 && !(Number.isInteger(v[1]) && v[1]! >= 1))
    )
      throw new CliError(`--pace must be CL[,count] (ms, beats), got '${paceArg}'`);
    cl = v[0]!;
    count = v[1] ?? 1;
  }
  if (s1s2 !== undefined) {
    const coupling = Number(s1s2);
    if (!(coupling > 2))
      throw new CliError(`--s1s2 needs the S1-S2 coupling interval in ms (> 2), got '${s1s2}'`);
    const s2Arg = optString(p, 's2');
    if (!s2Arg && !analytic)
      throw new CliError('--s1s2 on a label volume needs --s2 x,y,z,size (the S2 region, mm)');
    const s2 = s2Arg ? cube(s2Arg, '--s2') : ep.crossFieldRegion(grid, 'x-');
    const stimuli = sites.flatMap((s1, i) => {
      const pair = ep.s1s2Protocol({ s1, s2, couplingMs: coupling, s1ClMs: cl, s1Count: count });
      return i === 0 ? pair : [pair[0]!];
    });
    return {
      stimuli,
      protocol: `S1${count > 1 ? ` ×${count} at CL ${cl} ms` : ''} at ${sites.length} site(s), S2 at ${stimuli[1]!.startMs} ms`,
    };
  }
  if (optString(p, 's2')) throw new CliError('--s2 needs --s1s2 <coupling ms>');
  const stimuli = sites.map((site) =>
    cl ? ep.pacingTrain(site, cl, count) : { region: site, startMs: 0, durationMs: 2 },
  );
  return {
    stimuli,
    protocol: `${cl ? `pacing ×${count} at CL ${cl} ms` : 'single pulse'} at ${sites.length} site(s)`,
  };
}
export async function buildConductivity(
  p: ParsedArgs,
  model: ModelName,
  dx: number,
  dt: number,
  kind: string,
): Promise<{ conductivity: Conductivity; tuned?: TunedConductivity }> {
  const ep = await import('../solvers/ep');
  const sigmaArg = optString(p, 'sigma');
  const sigma = sigmaArg ? positivePair(sigmaArg, '--sigma', 'S/m') : undefined;
  const base: Conductivity = sigma
    ? { ...ep.NIEDERER_CONDUCTIVITY, sigmaL: sigma[0], sigmaT: sigma[1] }
    : ep.NIEDERER_CONDUCTIVITY;
  const cvArg = optString(p, 'cv');
  const targetCv = cvArg ? positivePair(cvArg, '--cv', 'mm/ms') : undefined;
  const tuneArg = optString(p, 'tune') ?? (kind === 'labels' || targetCv ? 'on' : 'off');
  if (tuneArg !== 'on' && tuneArg !== 'off') throw new CliError(`--tune must be on or off, got '${tuneArg}'`);
  if (tuneArg === 'off') {
    if (targetCv) throw new CliError('--cv needs --tune on (the CVs are reached by tuning σ)');
    return { conductivity: base };
  }
  const tuned = ep.tuneConductivity({
    model,
    dxMm: dx,
    dtMs: dt,
    conductivity: base,
    targetCv: targetCv ? { l: targetCv[0], t: targetCv[1] } : undefined,
  });
  return { conductivity: tuned.conductivity, tuned };
}
