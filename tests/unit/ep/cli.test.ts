// `organ-twin simulate ep` in-process: a slab run writes summary.json (probe activation ms, total activation,
// CV mm/ms, backend, wall ms) and activation.vti; bad arguments give exit 1 with a one-line message, and so do
// user errors the core meets (an --out that cannot be created, grids over the memory budget, dt above the
// stability limit on a huge grid) — never 'internal error' (exit 3) or a JS message like 'Invalid typed array
// length'; a lesion blocking a path delays activation behind it. Units mm, ms.
import { mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main';
import { createCompute } from '../../../src/solvers/compute';
import { runEp, slabDomain, nearestCell } from '../../../src/solvers/ep';

describe('simulate ep CLI', () => {
  it('runs a slab and writes summary.json + activation.vti', async () => {
    const out = mkdtempSync(join(tmpdir(), 'ep-cli-'));
    const code = await main([
      'simulate',
      'ep',
      '--domain',
      'slab:10x2x1',
      '--model',
      'ms',
      '--dx',
      '0.25',
      '--dt',
      '0.02',
      '--duration',
      '60',
      '--probes',
      '2,1,0.5;8,1,0.5',
      '--backend',
      'js',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(s.backend).toBe('js');
    expect(s.probes).toHaveLength(2);
    expect(s.probes[1].activationMs).toBeGreaterThan(s.probes[0].activationMs);
    expect(s.cvAlongFibreMmPerMs).toBeGreaterThan(0);
    expect(s.totalActivationMs).toBeGreaterThan(0);
    expect(s.wallMs).toBeGreaterThan(0);
    expect(existsSync(join(out, 'activation.vti'))).toBe(true);
  });

  it('rejects bad arguments with exit 1 and a one-line message', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await main(['simulate', 'ep', '--domain', 'torus:3', '--out', '/tmp/x'])).toBe(1);
    expect(
      await main([
        'simulate',
        'ep',
        '--domain',
        'slab:20x7x3',
        '--dx',
        '0.1',
        '--dt',
        '0.05',
        '--model',
        'tnnp',
        '--out',
        '/tmp/x',
      ]),
    ).toBe(1);
    expect(err.mock.calls.at(-1)?.[0]).toMatch(/stability limit.*dt ≤/);
    expect(await main(['simulate', 'ep', '--domain', 'cable:10', '--model', 'hh', '--out', '/tmp/x'])).toBe(
      1,
    );
    err.mockRestore();
  });

  it('user errors the core meets are one line with exit 1, found before any large allocation', async () => {
    const lines: string[] = [];
    const err = vi
      .spyOn(console, 'error')
      .mockImplementation((...a: unknown[]) => void lines.push(a.map(String).join(' ')));
    const dir = mkdtempSync(join(tmpdir(), 'ep-cli-bad-'));
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a directory');
    const ep = (...args: string[]) => main(['simulate', 'ep', '--backend', 'js', ...args]);
    const cases: [() => Promise<number>, RegExp][] = [
      [
        () => ep('--domain', 'slab:2x1x1', '--dx', '0.5', '--out', join(file, 'out')),
        /^organ-twin: cannot create directory .*a-file\/out: a part of the path is a file, not a directory \(--out /,
      ],
      [
        () => ep('--domain', 'slab:500x500x500', '--dx', '0.1', '--out', dir),
        /^organ-twin: EP: slab 500×500×500 mm at dx = 0.1 mm .* over the 1.5 GB memory budget — use a larger dx \(≥ [\d.]+ mm\) or a smaller domain$/,
      ],
      [
        () => ep('--domain', 'cable:100000', '--dx', '0.01', '--out', dir),
        /^organ-twin: EP: cable 100000 mm at dx = 0.01 mm .* memory budget — use a larger dx \(≥ [\d.]+ mm\)/,
      ],
      [
        () => ep('--domain', 'cable:1000', '--dx', '0.01', '--dt', '0.02', '--out', dir),
        /^organ-twin: EP: dt = 0.02 ms exceeds the explicit stability limit .* use dt ≤ .* or dx ≥ /,
      ],
    ];
    for (const [run, re] of cases) {
      lines.length = 0;
      expect(await run()).toBe(1);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(re);
      expect(lines[0]).not.toMatch(/internal error|Invalid typed array|\n/);
    }
    err.mockRestore();
  });
});

describe('lesions', () => {
  it('an ablation line that blocks the direct path delays activation behind it', async () => {
    const js = await createCompute('js');
    const grid = slabDomain(12, 6, 0.5, 0.25);
    const base = {
      grid,
      model: 'ms' as const,
      dtMs: 0.02,
      durationMs: 120,
      stimuli: [
        {
          region: {
            kind: 'box' as const,
            min: [0, 0, 0] as [number, number, number],
            max: [1, 6, 0.5] as [number, number, number],
          },
          startMs: 0,
          durationMs: 2,
        },
      ],
    };
    const free = await runEp(base, js);
    // wall at x = 6 mm from y = 0 to y = 5 mm leaves a 1 mm gap at the top: the wave must go around
    const blocked = await runEp(
      {
        ...base,
        lesions: [{ region: { kind: 'box', min: [5.8, -1, -1], max: [6.3, 5, 2] }, sigmaScale: 0 }],
      },
      js,
    );
    const behind: [number, number, number] = [8, 1, 0];
    const tFree = free.activationMs[nearestCell(free.grid, behind)]!;
    const tBlocked = blocked.activationMs[nearestCell(blocked.grid, behind)]!;
    expect(tBlocked).toBeGreaterThan(tFree + 3); // detour ≥ ~8 mm extra at ~0.3 mm/ms ⇒ well over 3 ms
  });
});
