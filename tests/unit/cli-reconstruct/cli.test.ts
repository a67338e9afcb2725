// The `reconstruct` subcommand run in-process through main(): real lumbar CT (73×47×73, fast) and bad
// inputs (missing file, corrupt file, bad option values, an --out that cannot be created) -> exit code and ONE
// stderr line naming the problem (never 'internal error').
// Units of summary.json: mm², ml, ms.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { importMesh } from '../../../src/meshes';
import { captureCliConsole } from '../cli-capture';

const LUMBAR = '../shared/data/lumbar-ct';

const cli = captureCliConsole();

const tmp = (): string => mkdtempSync(join(tmpdir(), 'ot-recon-'));

describe.skipIf(!existsSync(LUMBAR))('organ-twin reconstruct', () => {
  it('writes the selected vertebra and a summary', async () => {
    const out = tmp();
    const code = await main([
      'reconstruct',
      `${LUMBAR}/ct.nii.gz`,
      '--labels',
      `${LUMBAR}/seg-vert.nii.gz`,
      '--select',
      '22=L3',
      '--format',
      'ply',
      '--out',
      out,
    ]);
    expect(cli.errors).toEqual([]);
    expect(code).toBe(0);
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(s.meshes).toHaveLength(1);
    const m = s.meshes[0];
    expect(m).toMatchObject({ name: 'L3', label: 22, file: 'L3.ply', watertight: true });
    for (const k of ['triangles', 'areaMm2', 'volumeMl', 'voxelVolumeMl']) expect(m[k]).toBeGreaterThan(0);
    for (const k of ['read', 'segment', 'resample', 'extract', 'smooth', 'decimate', 'export'])
      expect(s.timingsMs[k]).toBeGreaterThanOrEqual(0);
    const mesh = importMesh('L3.ply', readFileSync(join(out, 'L3.ply')));
    expect(mesh.indices.length / 3).toBe(m.triangles);
  });

  it('without --select writes every label, named by the VerSe scheme, and decimates', async () => {
    const out = tmp();
    const code = await main([
      'reconstruct',
      `${LUMBAR}/ct.nii.gz`,
      '--labels',
      `${LUMBAR}/seg-vert.nii.gz`,
      '--decimate',
      '0.5',
      '--smooth',
      '10',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(s.meshes.map((m: { name: string }) => m.name)).toEqual(['L2', 'L3', 'L4']);
    expect(s.meshes.every((m: { watertight: boolean }) => m.watertight)).toBe(true);
    // the ratio actually reached is reported: removed some triangles, never more than asked
    for (const m of s.meshes as { decimatedFraction: number }[]) {
      expect(m.decimatedFraction).toBeGreaterThan(0);
      expect(m.decimatedFraction).toBeLessThanOrEqual(0.5 + 1e-9);
    }
  });

  it('--threshold bone segments the CT by HU and reconstructs closed bone meshes', async () => {
    const out = tmp();
    const code = await main([
      'reconstruct',
      `${LUMBAR}/ct.nii.gz`,
      '--threshold',
      'bone',
      '--format',
      'obj',
      '--out',
      out,
    ]);
    expect(cli.errors).toEqual([]);
    expect(code).toBe(0);
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(s.meshes.length).toBeGreaterThan(0);
    expect(s.timingsMs.segment).toBeGreaterThan(0);
    expect(
      s.meshes.every((m: { watertight: boolean; volumeMl: number }) => m.watertight && m.volumeMl > 0),
    ).toBe(true);
  });

  const bad: [string, (dir: string) => string[], RegExp][] = [
    [
      'missing volume',
      (d) => ['reconstruct', join(d, 'nope.nii.gz'), '--labels', `${LUMBAR}/seg-vert.nii.gz`, '--out', d],
      /nope\.nii\.gz: .*not found/,
    ],
    [
      'corrupt label map',
      (d) => {
        writeFileSync(join(d, 'bad.nii.gz'), new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5]));
        return ['reconstruct', `${LUMBAR}/ct.nii.gz`, '--labels', join(d, 'bad.nii.gz'), '--out', d];
      },
      /bad\.nii\.gz: /,
    ],
    [
      'bad --decimate',
      (d) => [
        'reconstruct',
        `${LUMBAR}/ct.nii.gz`,
        '--labels',
        `${LUMBAR}/seg-vert.nii.gz`,
        '--decimate',
        '2',
        '--out',
        d,
      ],
      /--decimate must be between/,
    ],
    [
      'bad --format',
      (d) => [
        'reconstruct',
        `${LUMBAR}/ct.nii.gz`,
        '--labels',
        `${LUMBAR}/seg-vert.nii.gz`,
        '--format',
        'fbx',
        '--out',
        d,
      ],
      /--format must be one of/,
    ],
    [
      'bad --select',
      (d) => [
        'reconstruct',
        `${LUMBAR}/ct.nii.gz`,
        '--labels',
        `${LUMBAR}/seg-vert.nii.gz`,
        '--select',
        'L3',
        '--out',
        d,
      ],
      /--select: bad item 'L3'/,
    ],
    [
      'absent label',
      (d) => [
        'reconstruct',
        `${LUMBAR}/ct.nii.gz`,
        '--labels',
        `${LUMBAR}/seg-vert.nii.gz`,
        '--select',
        '99=x',
        '--out',
        d,
      ],
      /label 99 not found in .*seg-vert/,
    ],
    ['no labels', (d) => ['reconstruct', `${LUMBAR}/ct.nii.gz`, '--out', d], /nothing to reconstruct/],
    [
      '--out under a file',
      (d) => {
        writeFileSync(join(d, 'taken'), 'a file, not a directory');
        const out = join(d, 'taken', 'meshes');
        return [
          'reconstruct',
          `${LUMBAR}/ct.nii.gz`,
          '--labels',
          `${LUMBAR}/seg-vert.nii.gz`,
          '--select',
          '22=L3',
          '--out',
          out,
        ];
      },
      /^organ-twin: cannot create directory .*taken\/meshes: a part of the path is a file, not a directory \(--out .*taken\/meshes\)$/,
    ],
    [
      'bad --threshold',
      (d) => ['reconstruct', `${LUMBAR}/ct.nii.gz`, '--threshold', 'liver', '--out', d],
      /--threshold must be lungs or bone/,
    ],
  ];
  it.each(bad)('%s: exit 1 and one line', async (_name, argv, re) => {
    const code = await main(argv(tmp()));
    expect(code).toBe(1);
    expect(cli.errors).toHaveLength(1);
    expect(cli.errors[0]).toMatch(re);
    expect(cli.errors[0]!.includes('\n')).toBe(false);
    expect(cli.errors[0]).not.toMatch(/internal error/);
  });
});
