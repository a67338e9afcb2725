// `organ-twin simulate stress` in-process through main(): analytic domains write summary.json + VTI with the
// closed-form numbers (uniaxial box: u_z = −σH/E and σ_mid = −F/A, exact for hexes, tolerance 0.5 %), a small
// shell run reports the Lamé comparison, the lumbar-CT vertebra L3 (label 22) under 400 N gives a finite field
// with a plausible stiffness, and bad arguments/files (and a grid too large for memory) exit non-zero with one line.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { captureCliConsole } from '../cli-capture';

const PATCH_TOL = 0.005;
const DATA = join(process.cwd(), '..', 'shared', 'data', 'lumbar-ct');

const cli = captureCliConsole();

function out(): string {
  return mkdtempSync(join(tmpdir(), 'ot-stress-'));
}

function summary(dir: string): Record<string, any> {
  return JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
}

describe('simulate stress CLI', () => {
  it('box on rollers: summary fields match the uniaxial closed form; VTI written', async () => {
    const dir = out();
    const code = await main([
      'simulate',
      'stress',
      '--domain',
      'box:10x8x16',
      '--element',
      '1',
      '--E',
      '500',
      '--nu',
      '0.3',
      '--load',
      '800',
      '--bc',
      'roller',
      '--backend',
      'js',
      '--out',
      dir,
    ]);
    expect(code).toBe(0);
    const s = summary(dir);
    const sigma = 800 / 80;
    expect(Math.abs(s.meanTopUzMm + (sigma * 16) / 500) / ((sigma * 16) / 500)).toBeLessThan(PATCH_TOL);
    expect(Math.abs(s.meanAxialStressMidMPa + sigma) / sigma).toBeLessThan(PATCH_TOL);
    for (const k of ['maxDisplacementMm', 'iterations', 'relativeResidual', 'wallMs'])
      expect(Number.isFinite(s[k])).toBe(true);
    expect(s.backend).toBe('js');
    expect(s.relativeResidual).toBeLessThan(1e-6);
    expect(readFileSync(join(dir, 'nodes.vti'), 'utf8').slice(0, 200)).toContain('ImageData');
    expect(existsSync(join(dir, 'elements.vti'))).toBe(true);
  });

  it('the same box on the webasm backend agrees with js', async () => {
    const dir = out();
    expect(
      await main([
        'simulate',
        'stress',
        '--domain',
        'box:6x6x10',
        '--element',
        '1',
        '--E',
        '500',
        '--load',
        '100',
        '--backend',
        'webasm',
        '--out',
        dir,
      ]),
    ).toBe(0);
    const s = summary(dir);
    expect(s.backend).toBe('webasm');
    const exact = -((100 / 36) * 10) / 500;
    // float32 PCG to 1e-6: 0.5 % is the patch tolerance and far above float32 round-off
    expect(Math.abs(s.meanTopUzMm - exact) / -exact).toBeLessThan(PATCH_TOL);
  });

  it('shell: reports the Lamé comparison (coarse h = 2 mm, first-order staircase error ≈ 12 %)', async () => {
    const dir = out();
    expect(
      await main([
        'simulate',
        'stress',
        '--domain',
        'shell:a=10,b=20',
        '--element',
        '2',
        '--E',
        '1000',
        '--nu',
        '0.3',
        '--pressure',
        '100',
        '--backend',
        'js',
        '--out',
        dir,
      ]),
    ).toBe(0);
    const l = summary(dir).lame;
    // 20 % bounds the known h = 2 mm staircase error (see lame.test.ts for the converged check)
    expect(Math.abs(l.urInnerMm / l.urInnerExactMm - 1)).toBeLessThan(0.2);
    expect(Math.abs(l.urOuterMm / l.urOuterExactMm - 1)).toBeLessThan(0.2);
  });

  it.runIf(existsSync(join(DATA, 'ct.nii.gz')))(
    'lumbar CT L3 under 400 N: finite field, stiffness of order 10 kN/mm',
    async () => {
      const dir = out();
      const code = await main([
        'simulate',
        'stress',
        '--volume',
        join(DATA, 'ct.nii.gz'),
        '--labels',
        join(DATA, 'seg-vert.nii.gz'),
        '--label',
        '22',
        '--subregions',
        join(DATA, 'seg-subreg.nii.gz'),
        '--element',
        '3',
        '--load',
        '400',
        '--bc',
        'clamped',
        '--backend',
        'js',
        '--out',
        dir,
      ]);
      expect(code).toBe(0);
      const s = summary(dir);
      expect(s.converged).toBe(true);
      expect(s.meanTopUzMm).toBeLessThan(0);
      // Literature order for whole lumbar vertebral bodies: ~10–30 kN/mm (µFE / experiments, brief); we accept
      // 3–60 kN/mm for an uncalibrated HU→E law on a 3 mm grid (a factor 3 either side).
      expect(s.axialStiffnessNPerMm).toBeGreaterThan(3000);
      expect(s.axialStiffnessNPerMm).toBeLessThan(60000);
      expect(s.fractionAboveYieldStrain).toBeGreaterThanOrEqual(0);
      expect(s.fractionAboveYieldStrain).toBeLessThan(0.05);
    },
  );

  it.runIf(existsSync(join(DATA, 'ct.nii.gz')))(
    'lumbar CT L3 flexion moment tilts the superior endplate anteriorly',
    async () => {
      const dir = out();
      const code = await main([
        'simulate',
        'stress',
        '--volume',
        join(DATA, 'ct.nii.gz'),
        '--labels',
        join(DATA, 'seg-vert.nii.gz'),
        '--label',
        '22',
        '--subregions',
        join(DATA, 'seg-subreg.nii.gz'),
        '--element',
        '3',
        '--moment',
        '5',
        '--bc',
        'clamped',
        '--backend',
        'js',
        '--out',
        dir,
      ]);
      expect(code).toBe(0);
      const s = summary(dir);
      expect(s.endplateFlexionRad).toBeGreaterThan(0);
      expect(Number.isFinite(s.maxVonMisesMPa)).toBe(true);
    },
  );

  it('bad arguments and files exit non-zero with one line', async () => {
    const cases: [string[], RegExp][] = [
      [['--domain', 'box:10x10', '--element', '1', '--E', '1', '--load', '1'], /LxWxH/],
      [['--domain', 'cylinder:r=5', '--element', '1', '--E', '1', '--load', '1'], /needs r and h/],
      [['--domain', 'box:4x4x4', '--element', '1', '--load', '1'], /--E/],
      [['--domain', 'box:4x4x4', '--element', '1', '--E', '10'], /give a load/],
      [
        ['--domain', 'box:4x4x4', '--element', '1', '--E', '10', '--load', '1', '--bc', 'glued'],
        /clamped or roller/,
      ],
      [
        ['--domain', 'box:4x4x4', '--element', '1', '--E', '10', '--load', '1', '--backend', 'quantum'],
        /--backend/,
      ],
      [
        ['--domain', 'box:4x4x4', '--element', '1', '--E', '10', '--load', '1', '--max-iter', '2'],
        /did not converge/,
      ],
      [
        ['--domain', 'box:20000x20000x20000', '--element', '1', '--E', '10', '--load', '1'],
        /^organ-twin: mechanics: grid 20000×20000×20000 is too large; use a larger element size$/,
      ],
      [
        [
          '--volume',
          '/nonexistent.nii.gz',
          '--labels',
          '/nonexistent2.nii.gz',
          '--label',
          '1',
          '--element',
          '2',
          '--load',
          '1',
        ],
        /not found/,
      ],
    ];
    for (const [args, re] of cases) {
      cli.errors.length = 0;
      const code = await main(['simulate', 'stress', ...args, '--out', out()]);
      expect(code).toBe(1);
      expect(cli.errors.length).toBe(1);
      expect(cli.errors[0]).toMatch(re);
      expect(cli.errors[0]).not.toMatch(/internal error/);
    }
  });
});
