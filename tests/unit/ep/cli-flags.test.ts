// `simulate ep` flags added for label volumes and conductivity: --volume must exist and needs --labels,
// --sigma l,t sets the conductivities (a cable's CV scales as √σ: the monodomain scaling x → x·√s), and the
// summary says which σ ran and how it was tuned. Units mm, ms, S/m.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main';

// √s scaling on a 0.1 mm cable: the discretisation error is ~1.5 % at σ and ~0.4 % at 4σ (the front is twice as
// wide), so the CV ratio is within ~1.2 % of √4 = 2.
const SQRT_SCALING_TOL = 0.02;

async function run(args: string[]) {
  const out = mkdtempSync(join(tmpdir(), 'ep-flags-'));
  const code = await main(['simulate', 'ep', ...args, '--backend', 'js', '--out', out]);
  return {
    code,
    summary: code === 0 ? JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) : undefined,
  };
}

describe('simulate ep flags', () => {
  it('--volume is read: a missing file, or no --labels, is a one-line error naming it', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(
      (await run(['--volume', '/nonexistent/ct.nii.gz', '--labels', '/nonexistent/heart.nii.gz'])).code,
    ).toBe(1);
    expect(err.mock.calls.at(-1)?.[0]).toMatch(/\/nonexistent\/ct\.nii\.gz: file not found/);
    expect((await run(['--volume', '/nonexistent/ct.nii.gz'])).code).toBe(1);
    expect(err.mock.calls.at(-1)?.[0]).toMatch(/--volume needs --labels/);
    expect((await run(['--domain', 'cable:5', '--sigma', '0.1'])).code).toBe(1);
    expect(err.mock.calls.at(-1)?.[0]).toMatch(/--sigma must be 2 comma-separated numbers/);
    err.mockRestore();
  });

  it('--sigma l,t sets σ: four times σ_l doubles the cable CV', async () => {
    const common = [
      '--domain',
      'cable:12',
      '--model',
      'ms',
      '--dx',
      '0.1',
      '--dt',
      '0.01',
      '--duration',
      '80',
      '--until-activated',
    ];
    const a = (await run([...common, '--sigma', '0.1334,0.0176'])).summary;
    const b = (await run([...common, '--sigma', '0.5336,0.0176'])).summary;
    expect(a.conductivity.sigmaL).toBe(0.1334);
    expect(b.conductivity.sigmaL).toBe(0.5336);
    expect(a.conductivity.tuning).toBeNull(); // analytic domains run the σ as given
    const ratio = b.cvAlongFibreMmPerMs / a.cvAlongFibreMmPerMs;
    console.log(
      `--sigma ×4: CV ${a.cvAlongFibreMmPerMs.toFixed(4)} → ${b.cvAlongFibreMmPerMs.toFixed(4)} mm/ms (×${ratio.toFixed(4)})`,
    );
    expect(Math.abs(ratio / 2 - 1)).toBeLessThan(SQRT_SCALING_TOL);
  });
});
