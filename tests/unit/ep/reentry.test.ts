// S1-S2 re-entry through the CLI on a 50×50 mm sheet (one voxel thick) with Aliev-Panfilov: S1 from the x− edge
// alone is a single planar wave that leaves the sheet and the tissue falls silent; S1 plus a cross-field S2
// (the quadrant x < 25, y < 25 mm, 440 ms later, while the S1 tail is still refractory at its far side) leaves a
// wave end that curls into a rotor (Pertsov et al. 1993, Circ Res 72:631): activity persists two coupling
// intervals after the last stimulus, and cells are activated again and again after it, which a single wave
// (each cell once) cannot do. Units mm, ms.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';

const COUPLING_MS = 440;
/** A rotor keeps a sizeable part of the sheet excited at any time (~15-40 % here); a dying wave leaves 0. */
const MIN_EXCITED_FRACTION = 0.05;
/** Fraction of cells upcrossing ≥ 2 times after the last stimulus: 0 for any single wave; a rotor ~0.25 here. */
const MIN_REACTIVATED_FRACTION = 0.1;

async function sheet(extra: string[]) {
  const out = mkdtempSync(join(tmpdir(), 'ep-s1s2-'));
  // Run until the last stimulus + 2 coupling intervals (the S2 pulse ends at 442 ms).
  const duration = String(COUPLING_MS + 2 + 2 * COUPLING_MS);
  const code = await main([
    'simulate', 'ep', '--domain', 'sheet:50x50', '--model', 'ap', '--dx', '1', '--dt', '0.2',
    '--duration', duration, '--sigma', '0.1334,0.1334', '--backend', 'js', '--out', out, ...extra,
  ]); // prettier-ignore
  expect(code).toBe(0);
  return JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
}

describe('S1-S2 re-entry on a sheet', () => {
  it('S1 alone dies out; S1 + cross-field S2 sustains re-entry', async () => {
    const s1 = await sheet(['--stim', 'edge:x-']);
    const s12 = await sheet(['--s1s2', String(COUPLING_MS)]);
    console.log(
      `S1 only: excited at end ${s1.excitedFractionEnd}, last upstroke ${s1.lastUpstrokeMs.toFixed(0)} ms; ` +
        `S1-S2 (${s12.protocol}): excited at end ${s12.excitedFractionEnd.toFixed(3)}, re-activated ${s12.reactivatedFraction.toFixed(3)}, last upstroke ${s12.lastUpstrokeMs.toFixed(0)} ms`,
    );
    expect(s1.activatedFraction).toBe(1);
    expect(s1.excitedFractionEnd).toBe(0);
    expect(s1.reactivatedFraction).toBe(0);
    expect(s1.lastUpstrokeMs).toBeLessThan(s1.stimuliEndMs + COUPLING_MS + 200); // the one wave crossed and left
    expect(s12.stimuli).toHaveLength(2);
    expect(s12.stimuli[1].startMs).toBe(COUPLING_MS);
    expect(s12.excitedFractionEnd).toBeGreaterThan(MIN_EXCITED_FRACTION);
    expect(s12.reactivatedFraction).toBeGreaterThan(MIN_REACTIVATED_FRACTION);
    expect(s12.lastUpstrokeMs).toBeGreaterThan(s12.stimuliEndMs + 2 * COUPLING_MS - 50);
  });

  it('documents --s1s2 in --help and rejects a bad coupling interval', async () => {
    const log: string[] = [];
    const orig = console.log;
    console.log = (m: string) => log.push(m);
    try {
      expect(await main(['simulate', 'ep', '--help'])).toBe(0);
    } finally {
      console.log = orig;
    }
    expect(log.join('\n')).toMatch(/--s1s2 <coupling ms>/);
    const err = console.error;
    console.error = () => {};
    try {
      expect(
        await main([
          'simulate',
          'ep',
          '--domain',
          'sheet:10x10',
          '--s1s2',
          '-5',
          '--out',
          join(tmpdir(), 'ep-bad'),
        ]),
      ).toBe(1);
    } finally {
      console.error = err;
    }
  });
});
