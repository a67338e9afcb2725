// `organ-twin phantom`: writes ct.nii.gz / labels.nii.gz / labels.json that read back (through the io
// readers) to exactly the generated phantom; bad options are one-line user errors. 3 mm grid for speed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runPhantom } from '../../../src/cli/phantom';
import { CliError } from '../../../src/cli/errors';
import { readVolumeFromPath } from '../../../src/volume/io/node';
import { generatePhantom, PHANTOM_LABELS } from '../../../src/volume/phantom';

const dir = mkdtempSync(join(tmpdir(), 'phantom-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('organ-twin phantom', () => {
  it('writes NIfTI files that read back to the generated volumes', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await runPhantom(['--voxel', '3', '--out', dir])).toBe(0);
    log.mockRestore();
    const want = generatePhantom({ voxelMm: 3 });
    const ct = await readVolumeFromPath(join(dir, 'ct.nii.gz'));
    const lab = await readVolumeFromPath(join(dir, 'labels.nii.gz'), { kind: 'label' });
    expect(ct.dims).toEqual(want.image.dims);
    expect(Array.from(ct.data)).toEqual(Array.from(want.image.data));
    expect(Array.from(lab.data)).toEqual(Array.from(want.labels.data));
    for (let t = 0; t < 16; t++)
      expect(Math.abs(ct.ijkToWorld[t]! - want.image.ijkToWorld[t]!)).toBeLessThan(1e-4);
    const table = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as Record<
      string,
      { name: string }
    >;
    for (const l of PHANTOM_LABELS) expect(table[String(l.value)]?.name).toBe(l.name);
  });

  it('rejects bad options with a CliError', async () => {
    await expect(runPhantom(['--voxel', '0.1', '--out', dir])).rejects.toThrow(CliError);
    await expect(runPhantom(['--voxel', 'abc', '--out', dir])).rejects.toThrow(/--voxel must be a number/);
    await expect(runPhantom(['--voxel', '2'])).rejects.toThrow(/--out/);
  });
});
