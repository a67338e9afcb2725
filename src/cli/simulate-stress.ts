// `organ-twin simulate stress`: linear-elastic stress on an analytic domain (box, cylinder, thick-walled sphere
// octant) or on a labelled CT/MR region, solved matrix-free (Jacobi-PCG) on the chosen backend. Writes
// <out>/summary.json, <out>/nodes.vti (displacement, node-averaged fields) and <out>/elements.vti (tensors).
// Units: mm, N, kPa (pressure input), MPa (E, stresses). Frame: world RAS+ mm (analytic domains: z up).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from './errors';
import { optNumber, optString, parseArgs, requireString } from './args';
import {
  BONE_HELP,
  BONE_OPTIONS,
  boneLawSummary,
  checkBoneOptionsApply,
  parseBoneOptions,
} from './stress-bone';
import * as M from '../solvers/mechanics';
import type { ElasticProblem, HexDomain, FaceSet } from '../solvers/mechanics';

const HELP = `usage: organ-twin simulate stress (--domain cylinder:r=15,h=25 | --domain box:LxWxH | --domain shell:a=25,b=35
                                  | --volume <ct> --labels <map> --label <id>[,<id>..] [--subregions <map>] [--cavity <id>..])
       --element <mm> [--E <MPa>] [--nu <ratio>] (--load <N> | --pressure <kPa> | --moment <N·m>)
       [--bc clamped|roller] [--backend auto|js|cpu|webasm] [--tol 1e-6] [--max-iter N] --out <dir>
  --load N        axial compression (box/cylinder top face; vertebra superior endplate), support at the bottom
  --pressure kPa  shell: internal pressure (octant + symmetry rollers); volume: on faces next to --cavity labels
                  (basal layer fixed) or, without --cavity, on the whole surface (negative = outward pull)
  --moment N·m    vertebra flexion moment (anterior compressed; negative = extension) about world left-right
  --E omitted on a CT: E from HU (see src/solvers/mechanics/materials.ts):
${BONE_HELP}`;

const KNOWN = {
  domain: true,
  volume: true,
  labels: true,
  label: true,
  subregions: true,
  cavity: true,
  element: true,
  E: true,
  nu: true,
  load: true,
  pressure: true,
  moment: true,
  bc: true,
  backend: true,
  tol: true,
  'max-iter': true,
  out: true,
  ...BONE_OPTIONS,
  help: false,
};

function parseDomainSpec(spec: string): {
  kind: 'box' | 'cylinder' | 'shell';
  v: Record<string, number>;
  box?: number[];
} {
  const [kind, rest = ''] = spec.split(':');
  if (kind === 'box') {
    const parts = rest.split(/[x×]/).map(Number);
    if (parts.length !== 3 || parts.some((p) => !(p > 0)))
      throw new CliError(`--domain box needs LxWxH in mm (e.g. box:20x20x40), got '${spec}'`);
    return { kind, v: {}, box: parts };
  }
  if (kind !== 'cylinder' && kind !== 'shell')
    throw new CliError(`unknown --domain '${spec}' (use box:, cylinder: or shell:)`);
  const v: Record<string, number> = {};
  for (const kv of rest.split(',').filter(Boolean)) {
    const [k, val] = kv.split('=');
    const n = Number(val);
    if (!k || !(n > 0))
      throw new CliError(`--domain ${kind}: bad parameter '${kv}' (expected name=positive mm)`);
    v[k] = n;
  }
  const need = kind === 'cylinder' ? ['r', 'h'] : ['a', 'b'];
  for (const k of need)
    if (!(k in v))
      throw new CliError(
        `--domain ${kind} needs ${need.join(' and ')} (e.g. ${kind === 'cylinder' ? 'cylinder:r=15,h=25' : 'shell:a=25,b=35'})`,
      );
  if (kind === 'shell' && !(v.b! > v.a!))
    throw new CliError(`--domain shell needs b > a, got a=${v.a}, b=${v.b}`);
  return { kind, v };
}

function ids(s: string, what: string): number[] {
  const list = s.split(',').map(Number);
  if (list.some((x) => !Number.isInteger(x)))
    throw new CliError(`--${what} must be integer label id(s), got '${s}'`);
  return list;
}

function round(x: number, d = 6): number {
  return Number.isFinite(x) ? Number(x.toPrecision(d)) : x;
}

export async function runSimulateStress(args: string[]): Promise<number> {
  const p = parseArgs(args, KNOWN);
  if (p.options.has('help')) {
    console.log(HELP);
    return 0;
  }
  if (p.positionals.length) throw new CliError(`unexpected argument '${p.positionals[0]}' (try --help)`);
  const out = requireString(p, 'out');
  const h = optNumber(p, 'element', 0.05, 50);
  if (h === undefined) throw new CliError('missing required option --element <mm>');
  const E = optNumber(p, 'E', 1e-9, 1e6);
  const nu = optNumber(p, 'nu', -0.99, 0.499) ?? 0.3;
  const load = optNumber(p, 'load', -1e7, 1e7);
  const pressureKPa = optNumber(p, 'pressure', -1e6, 1e6);
  const momentNm = optNumber(p, 'moment', -1e5, 1e5);
  if (load === undefined && pressureKPa === undefined && momentNm === undefined)
    throw new CliError('give a load: --load <N>, --pressure <kPa> or --moment <N·m>');
  const bc = optString(p, 'bc') ?? 'roller';
  if (bc !== 'clamped' && bc !== 'roller') throw new CliError(`--bc must be clamped or roller, got '${bc}'`);
  const backend = optString(p, 'backend') ?? 'auto';
  if (!['auto', 'js', 'cpu', 'webasm', 'webgl2', 'webgpu'].includes(backend))
    throw new CliError(`--backend must be auto, js, cpu or webasm, got '${backend}'`);
  const tol = optNumber(p, 'tol', 1e-14, 0.1) ?? 1e-6;
  const maxIter = optNumber(p, 'max-iter', 1, 1e7) ?? 20000;
  const spec = optString(p, 'domain');
  const volPath = optString(p, 'volume');
  if (!spec === !volPath) throw new CliError('give exactly one of --domain <spec> or --volume <ct>');
  const bone = parseBoneOptions(p);
  if (E !== undefined) checkBoneOptionsApply(bone, 'with a uniform --E');

  const summary: Record<string, unknown> = {};
  let problem: ElasticProblem;
  let loaded: FaceSet | undefined;
  let zMid: number | undefined;
  let shell: { a: number; b: number } | undefined;
  let boneYield = false;
  if (spec) {
    const d = parseDomainSpec(spec);
    checkBoneOptionsApply(bone, 'on an analytic --domain');
    const mat = { E: E ?? 1000, nu };
    if (E === undefined) throw new CliError('--E <MPa> is required for analytic domains');
    let domain: HexDomain;
    if (d.kind === 'shell') {
      if (pressureKPa === undefined) throw new CliError('--domain shell needs --pressure <kPa>');
      shell = { a: d.v.a!, b: d.v.b! };
      domain = M.shellOctantDomain(shell.a, shell.b, h, mat);
      problem = M.shellPressureCase(domain, shell.a, pressureKPa / 1000);
      summary.symmetry =
        'octant with symmetry rollers on x=0, y=0, z=0 (exact for the spherically symmetric problem)';
    } else {
      if (load === undefined) throw new CliError(`--domain ${d.kind} needs an axial --load <N>`);
      domain =
        d.kind === 'box'
          ? M.boxDomain(d.box![0]!, d.box![1]!, d.box![2]!, h, mat)
          : M.cylinderDomain(d.v.r!, d.v.h!, h, mat);
      const c = M.axialLoadCase(domain, load, bc);
      problem = c;
      loaded = c.loadedFaces;
      zMid = (domain.dims[2] * h) / 2;
      summary.loadedAreaMm2 = M.faceArea(domain, c.loadedFaces);
    }
  } else {
    const { readVolumeFromPath } = await import('../volume/io/node');
    const labelsPath = requireString(p, 'labels');
    const labelIds = ids(requireString(p, 'label'), 'label');
    const [image, labels] = await Promise.all([readVolumeFromPath(volPath!), readVolumeFromPath(labelsPath)]);
    const subPath = optString(p, 'subregions');
    const subregions = subPath ? await readVolumeFromPath(subPath) : undefined;
    const isCt = image.modality === 'CT' || image.units === 'HU';
    if (E === undefined && !isCt) throw new CliError(`${volPath}: not a CT in HU; give --E <MPa>`);
    const material = E !== undefined ? () => ({ E, nu }) : M.boneMaterial({ law: bone.law, nu });
    const domain = M.domainFromLabels({ labels, ids: labelIds, h, image, subregions, material });
    if (E === undefined) {
      const rep = M.applyCorticalShell(domain, bone.cortical);
      summary.cortical = {
        ...rep,
        EMPa: bone.cortical?.E ?? null,
        thicknessMm: bone.cortical?.thicknessMm ?? null,
      };
    }
    summary.materialLaw = E !== undefined ? `uniform E = ${E} MPa` : M.describeBoneLaw(bone.law);
    if (E === undefined) summary.boneLaw = boneLawSummary(bone.law);
    const cavity = optString(p, 'cavity');
    if (load !== undefined || momentNm !== undefined) {
      const c = M.vertebraCase(domain, {
        forceN: load,
        momentNmm: momentNm === undefined ? undefined : momentNm * 1000,
        bc,
      });
      problem = c;
      loaded = c.loadedFaces;
      boneYield = E === undefined;
      summary.loadedAreaMm2 = M.faceArea(domain, c.loadedFaces);
    } else if (cavity) {
      problem = M.cavityPressureCase(domain, ids(cavity, 'cavity'), pressureKPa! / 1000);
    } else {
      problem = M.surfacePressureCase(domain, pressureKPa! / 1000);
    }
  }
  let sol;
  try {
    sol = await M.solveElastic(problem, { backend: backend as 'auto', tol, maxIter });
  } catch (err) {
    if (err instanceof Error && /backend/.test(err.message)) throw new CliError(err.message);
    throw err;
  }
  const res = M.buildStressResult(problem, sol.u, sol.stats);
  let maxU = 0;
  for (let i = 0; i < res.displacement.length; i += 3)
    maxU = Math.max(
      maxU,
      Math.hypot(res.displacement[i]!, res.displacement[i + 1]!, res.displacement[i + 2]!),
    );
  Object.assign(summary, {
    description: problem.description,
    elementMm: h,
    elements: problem.mesh.nElems,
    nodes: problem.mesh.nNodes,
    dof: 3 * problem.mesh.nNodes,
    maxDisplacementMm: round(maxU),
    maxVonMisesMPa: round(res.element.vonMises.reduce((a, b) => Math.max(a, b), 0)),
    iterations: sol.stats.iterations,
    relativeResidual: sol.stats.relativeResidual,
    converged: sol.stats.converged,
    backend: sol.stats.backend,
    wallMs: round(sol.stats.wallMs, 4),
  });
  if (loaded && load !== undefined) {
    const u = M.meanFaceDisplacement(problem.domain, problem.mesh, loaded, sol.u);
    summary.meanTopUzMm = round(u[2]);
    if (load !== 0) summary.axialStiffnessNPerMm = round(load / -u[2]);
  }
  if (loaded && momentNm !== undefined && momentNm !== 0) {
    const theta = M.faceRotationAboutX(problem.domain, problem.mesh, loaded, sol.u);
    summary.endplateFlexionRad = round(-theta); // rotation about −x: anterior edge moving down is flexion
    summary.flexuralStiffnessNmPerDeg = round(Math.abs(momentNm / ((theta * 180) / Math.PI)));
  }
  if (zMid !== undefined) summary.meanAxialStressMidMPa = round(M.meanAxialStressAt(res, zMid));
  if (shell) {
    const { a, b } = shell;
    const inner = M.meanRadialDisplacement(res, a + h);
    const outer = M.meanRadialDisplacement(res, b - h);
    const pM = pressureKPa! / 1000;
    summary.lame = {
      innerBandRadiusMm: round(inner.radius),
      urInnerMm: round(inner.ur),
      urInnerExactMm: round(M.lameSphere(a, b, pM, E!, nu, inner.radius).ur),
      outerBandRadiusMm: round(outer.radius),
      urOuterMm: round(outer.ur),
      urOuterExactMm: round(M.lameSphere(a, b, pM, E!, nu, outer.radius).ur),
    };
  }
  if (boneYield) {
    const y = M.VERTEBRA_YIELD_STRAIN;
    summary.fractionAboveYieldStrain = round(M.fractionAboveYield(res.element, y.compressive, y.tensile));
    summary.yieldStrain = {
      ...y,
      source: 'Morgan & Keaveny 2001, J Biomech 34:569 (vertebral trabecular bone)',
    };
  }
  try {
    mkdirSync(out, { recursive: true });
    const vti = M.stressResultToVti(res, problem.domain.E);
    writeFileSync(join(out, 'nodes.vti'), vti.nodes);
    writeFileSync(join(out, 'elements.vti'), vti.elements);
    writeFileSync(join(out, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
  } catch (err) {
    throw new CliError(`cannot write to ${out}: ${(err as Error).message}`);
  }
  console.log(
    `simulate stress: ${summary.dof} DOF, ${sol.stats.iterations} iterations, residual ${sol.stats.relativeResidual.toExponential(2)}, ${sol.stats.backend}, ${Math.round(sol.stats.wallMs)} ms → ${out}`,
  );
  if (!sol.stats.converged) throw new CliError(sol.stats.message ?? 'solver did not converge');
  return 0;
}
