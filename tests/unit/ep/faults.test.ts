// EP solver faults (Node, 'js' backend, Mitchell-Schaeffer on a 6×2×0.5 mm slab, dx 0.25 mm, dt 0.02 ms): a NaN
// injected mid-run and a finite blow-up (an absurd stimulus) both stop the run as 'diverged' with a message, and
// what comes back is the clean run up to the last good step — the same activation times and probe samples, only
// finite frames, never a time after it; a cancelled run is consistent the same way; non-finite stimulus
// strengths are refused up front. Units: mV, ms, mm.
import { describe, expect, it } from 'vitest';
import { createCompute } from '../../../src/solvers/compute';
import { MAX_ABS_VM, runEp, slabDomain, type EpConfig, type EpResult } from '../../../src/solvers/ep';

/** Same arithmetic in both runs up to the fault: activation times agree to rounding only (ms). */
const SAME_RUN_TOL_MS = 1e-9;
/** The state is checked every 1 ms of model time, so the last good state is at most this far before the fault (ms). */
const CHECK_EVERY_MS = 1;
const FAULT_MS = 20;

const grid = slabDomain(6, 2, 0.5, 0.25);
const base: EpConfig = {
  grid,
  model: 'ms',
  dtMs: 0.02,
  durationMs: 40,
  stimuli: [{ region: { kind: 'box', min: [0, 0, 0], max: [0.5, 2, 0.5] }, startMs: 0, durationMs: 2 }],
  probes: [
    [1, 1, 0.25],
    [5, 1, 0.25],
  ],
};

interface Frames {
  t: number[];
  allFinite: boolean;
}

async function run(
  cfg: EpConfig,
  extra: Parameters<typeof runEp>[2] = {},
): Promise<{ r: EpResult; frames: Frames }> {
  const js = await createCompute('js');
  const frames: Frames = { t: [], allFinite: true };
  const r = await runEp(cfg, js, {
    frameEveryMs: 1,
    ...extra,
    onFrame: (t, vm) => {
      frames.t.push(t);
      if (vm.some((x) => !(Math.abs(x) < MAX_ABS_VM))) frames.allFinite = false;
      extra.onFrame?.(t, vm);
    },
  });
  return { r, frames };
}

/** The partial run equals the clean one up to its end time, and holds nothing after it. */
function expectPrefixOf(partial: EpResult, clean: EpResult): void {
  const tEnd = partial.tEndMs;
  let kept = 0;
  for (let c = 0; c < clean.activationMs.length; c++) {
    const ref = clean.activationMs[c]!;
    const got = partial.activationMs[c]!;
    if (ref <= tEnd) {
      expect(Math.abs(got - ref)).toBeLessThan(SAME_RUN_TOL_MS);
      kept++;
    } else expect(Number.isNaN(got)).toBe(true);
  }
  expect(kept).toBeGreaterThan(0);
  partial.probes.forEach((p, i) => {
    expect(p.t[p.t.length - 1]!).toBeLessThanOrEqual(tEnd + SAME_RUN_TOL_MS);
    p.vm.forEach((v, k) => expect(Math.abs(v - clean.probes[i]!.vm[k]!)).toBeLessThan(SAME_RUN_TOL_MS));
  });
  expect(partial.vm.every((v) => Math.abs(v) < MAX_ABS_VM)).toBe(true);
}

describe('EP solver faults keep the last good state', () => {
  it('a NaN injected mid-run stops the run with a message; activation, probes and frames stop at the last good step', async () => {
    const { r: clean } = await run(base);
    expect(clean.status).toBe('completed');
    const { r, frames } = await run(base, {
      onStep: (t, v) => {
        if (t >= FAULT_MS) v[grid.n >> 1] = NaN;
      },
    });
    expect(r.status).toBe('diverged');
    expect(r.message).toMatch(
      /EP diverged at t = 20\.\d\d ms \(V = NaN mV.*reduce dt.*last good state \(t = \d+\.\d\d ms\)/,
    );
    expect(r.tEndMs).toBeLessThan(FAULT_MS);
    expect(r.tEndMs).toBeGreaterThanOrEqual(FAULT_MS - CHECK_EVERY_MS);
    expect(frames.allFinite).toBe(true);
    expect(Math.max(...frames.t)).toBeLessThanOrEqual(r.tEndMs + SAME_RUN_TOL_MS);
    expect(frames.t.length).toBeGreaterThan(10);
    expectPrefixOf(r, clean);
  });

  it('a finite blow-up (a 1e12 µA/cm³ stimulus at 15 ms) is caught the same way and its bogus activations are dropped', async () => {
    const { r: clean } = await run(base);
    const blowUp: EpConfig = {
      ...base,
      stimuli: [
        ...base.stimuli,
        {
          region: { kind: 'box', min: [5.5, 0, 0], max: [6, 2, 0.5] },
          startMs: 15,
          durationMs: 1,
          strength: 1e12,
        },
      ],
    };
    const { r, frames } = await run(blowUp);
    expect(r.status).toBe('diverged');
    // Found at the first state check after the stimulus started (checks every 1 ms); the last good state precedes it.
    expect(r.message).toMatch(/EP diverged at t = 1[56]\.\d\d ms/);
    expect(r.tEndMs).toBeLessThanOrEqual(15 + SAME_RUN_TOL_MS);
    expect(frames.allFinite).toBe(true);
    // The far end was hit by the absurd stimulus after the last good step: it must not count as activated.
    expectPrefixOf(r, clean);
    const activated = r.activationMs.filter((a) => !Number.isNaN(a)).length;
    expect(r.activatedFraction).toBeCloseTo(activated / grid.n, 12);
  });

  it('a cancelled run ends on a checked state: the clean run up to the cancel time', async () => {
    const { r: clean } = await run(base);
    const ctl = new AbortController();
    const { r, frames } = await run(base, {
      signal: ctl.signal,
      onFrame: (t) => (t >= 10 ? ctl.abort() : undefined),
    });
    expect(r.status).toBe('cancelled');
    expect(r.message).toMatch(/cancelled at t = 10\.\d\d ms/);
    expect(frames.allFinite).toBe(true);
    expectPrefixOf(r, clean);
  });

  it('refuses a non-finite stimulus strength before running', async () => {
    const js = await createCompute('js');
    const bad = { ...base, stimuli: [{ ...base.stimuli[0]!, strength: Number.NaN }] };
    await expect(runEp(bad, js)).rejects.toThrow(/stimulus strength must be a finite number/);
  });
});
