// `simulate stress --hu-law / --density / --cortical-*` end to end on a synthetic CT: an 8×8×12 mm bone block of
// uniform 300 HU in air (1 mm voxels), axial 400 N, inferior face clamped; a subregion map marks its outer voxel
// layer as vertebral-body rim (49) and the rest as corpus (50). With one uniform E the problem is linear in
// 1/E, so the axial stiffness ratio between two laws equals the ratio of their moduli at 300 HU, computed here
// by hand from Morgan et al. 2003 (E = 4730·ρ^1.56 vertebra, 6850·ρ^1.49 femoral neck, MPa, ρ in g/cm³).
// Units: mm, N, MPa, HU. Frame: world RAS+ (z superior).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main';
import { writeNifti } from '../../../src/volume/io';
import type { Volume } from '../../../src/volume/types';
import { captureCliConsole } from '../cli-capture';

// Both runs solve to --tol 1e-10; the stiffness is a mean over the loaded face, so the ratio error is of the
// order of the solver's relative error (≤ ~1e-7 here); 1e-5 leaves margin and still separates the laws (52 %).
const RATIO_TOL = 1e-5;
let dir = '';

function volume(kind: 'CT' | 'label', value: (i: number, j: number, k: number) => number): Volume {
  const dims: [number, number, number] = [12, 12, 16];
  const data = new Int16Array(dims[0] * dims[1] * dims[2]);
  for (let k = 0; k < dims[2]; k++)
    for (let j = 0; j < dims[1]; j++)
      for (let i = 0; i < dims[0]; i++) data[i + dims[0] * (j + dims[1] * k)] = value(i, j, k);
  const ijkToWorld = new Float64Array([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
  return {
    name: kind,
    dims,
    spacing: [1, 1, 1],
    ijkToWorld,
    data,
    modality: kind,
    units: kind === 'CT' ? 'HU' : '',
  } as Volume;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ot-bone-'));
  const inside = (i: number, j: number, k: number, pad: number) =>
    i >= 2 - pad && i <= 9 + pad && j >= 2 - pad && j <= 9 + pad && k >= 2 - pad && k <= 13 + pad;
  writeFileSync(
    join(dir, 'ct.nii.gz'),
    writeNifti(
      volume('CT', (i, j, k) => (inside(i, j, k, 1) ? 300 : -1000)),
      { gzip: true },
    ),
  );
  writeFileSync(
    join(dir, 'lab.nii.gz'),
    writeNifti(
      volume('label', (i, j, k) => (inside(i, j, k, 0) ? 1 : 0)),
      { gzip: true },
    ),
  );
  const rim = (i: number, j: number, k: number) => (inside(i, j, k, -1) ? 50 : 49);
  const sub = volume('label', (i, j, k) => (inside(i, j, k, 0) ? rim(i, j, k) : 0));
  writeFileSync(join(dir, 'sub.nii.gz'), writeNifti(sub, { gzip: true }));
});
const cli = captureCliConsole();

async function run(extra: string[]): Promise<{ code: number; s?: Record<string, any> }> {
  const out = mkdtempSync(join(tmpdir(), 'ot-bone-out-'));
  const args = [
    'simulate',
    'stress',
    '--volume',
    join(dir, 'ct.nii.gz'),
    '--labels',
    join(dir, 'lab.nii.gz'),
  ];
  args.push('--label', '1', '--element', '1', '--load', '400', '--bc', 'clamped', '--backend', 'js');
  const code = await main([...args, '--tol', '1e-10', ...extra, '--out', out]);
  if (code !== 0) return { code };
  return { code, s: JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) };
}

describe('simulate stress: HU→E law from the command line', () => {
  it('--hu-law femoral-neck and --density a,b scale the stiffness by the hand-computed modulus ratio', async () => {
    const v = await run([]);
    const fn = await run(['--hu-law', 'femoral-neck']);
    const cal = await run(['--density', '0.05,0.0008', '--hu-law', 'vertebra']);
    for (const r of [v, fn, cal]) expect(r.code, cli.errors.join('\n')).toBe(0);
    const rho = 300 / 600; // default ρ_app = HU·0.001/0.6 g/cm³
    const eV = 4730 * rho ** 1.56;
    const eFn = 6850 * rho ** 1.49;
    const eCal = 4730 * (0.05 + 0.0008 * 300) ** 1.56;
    const k = (r: typeof v) => r.s!.axialStiffnessNPerMm as number;
    expect(Math.abs(k(fn) / k(v) / (eFn / eV) - 1)).toBeLessThan(RATIO_TOL);
    expect(Math.abs(k(cal) / k(v) / (eCal / eV) - 1)).toBeLessThan(RATIO_TOL);
    expect(v.s!.boneLaw).toMatchObject({ name: 'vertebra', coefficient: 4730, exponent: 1.56 });
    expect(fn.s!.boneLaw).toMatchObject({ name: 'femoral-neck', coefficient: 6850, exponent: 1.49 });
    expect(cal.s!.boneLaw).toMatchObject({ densityA: 0.05, densityB: 0.0008 });
    expect(fn.s!.materialLaw).toMatch(/6850·ρ_app\^1\.49/);
  });

  it('--cortical-E / --cortical-thickness: the rim shell stiffens the block, 0 turns it off', async () => {
    const sub = ['--subregions', join(dir, 'sub.nii.gz')];
    const plain = await run([]);
    const off = await run([...sub, '--cortical-E', '0']);
    const on = await run(sub);
    const thick = await run([...sub, '--cortical-thickness', '0.7']);
    for (const r of [plain, off, on, thick]) expect(r.code, cli.errors.join('\n')).toBe(0);
    const k = (r: typeof on) => r.s!.axialStiffnessNPerMm as number;
    // shell off = no subregions at all (same moduli): equal to solver precision (tol 1e-10)
    expect(Math.abs(k(off) / k(plain) - 1)).toBeLessThan(RATIO_TOL);
    expect(k(on)).toBeGreaterThan(k(off));
    expect(k(thick)).toBeGreaterThan(k(on));
    expect(on.s!.cortical).toMatchObject({ EMPa: 12000, thicknessMm: 0.35 });
    expect(on.s!.cortical.shellElements).toBeGreaterThan(0);
    expect(off.s!.cortical).toMatchObject({ EMPa: null });
    expect(plain.s!.cortical.rimElements).toBe(0);
  });

  it('--help documents the options', async () => {
    const logs: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((m: unknown) => void logs.push(String(m)));
    expect(await main(['simulate', 'stress', '--help'])).toBe(0);
    expect(logs.join('\n')).toMatch(/--hu-law[^\n]*vertebra[\s\S]*femoral-neck/);
    expect(logs.join('\n')).toMatch(/--density a,b[^\n]*a \+ b·HU/);
    expect(logs.join('\n')).toMatch(/--cortical-E MPa[\s\S]*--cortical-thickness mm/);
  });

  it('rejects bad or ineffective law options with one line', async () => {
    const cases: [string[], RegExp][] = [
      [['--hu-law', 'tibia'], /--hu-law must be vertebra or femoral-neck/],
      [['--density', '0.1'], /--density needs two numbers/],
      [['--density', '0.1,abc'], /--density needs two numbers/],
      [['--density', '0.1,-0.001'], /b must be > 0/],
      [['--hu-law', 'femoral-neck', '--E', '500'], /no effect with a uniform --E/],
      [['--cortical-E', '0', '--cortical-thickness', '1'], /no effect with --cortical-E 0/],
      [['--cortical-thickness', '-1'], /--cortical-thickness must be between/],
    ];
    for (const [extra, re] of cases) {
      cli.errors.length = 0;
      expect((await run(extra)).code).toBe(1);
      expect(cli.errors.join('\n')).toMatch(re);
    }
    cli.errors.length = 0;
    const box = ['simulate', 'stress', '--domain', 'box:4x4x4', '--element', '1', '--E', '10', '--load', '1'];
    expect(await main([...box, '--density', '0,0.001', '--out', mkdtempSync(join(tmpdir(), 'ot-'))])).toBe(1);
    expect(cli.errors.join('\n')).toMatch(/no effect/);
  });
});
