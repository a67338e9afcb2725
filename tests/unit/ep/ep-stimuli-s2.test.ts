// The solver worker's stimulus protocol (src/app/workers/solver-ep-protocol.ts): without S1-S2 one pacing train;
// with S1-S2 the S2 pulse starts the coupling interval after the last S1 pulse (ms), at the S1 site when no S2
// sphere is given (an extrastimulus from the pacing catheter), else over that sphere (world RAS mm).
import { describe, expect, it } from 'vitest';
import { epStimuli, type ProtocolParams } from '../../../src/app/workers/solver-ep-protocol';
import type { Region } from '../../../src/solvers/ep';

const p: ProtocolParams = { model: 'ms', dxMm: 2, dtMs: 0.1, pacingClMs: 400, beats: 1, sigmaL: 1.2, sigmaT: 0.48 };
const s1: Region = { kind: 'sphere', center: [0, 0, -40], radiusMm: 4 };

describe('epStimuli with S1-S2', () => {
  it('puts S2 at the S1 site couplingMs after the last S1 pulse', () => {
    const single = epStimuli(p, s1);
    expect(single).toHaveLength(1);
    const [a, b] = epStimuli({ ...p, beats: 3, s1s2: { couplingMs: 280 } }, s1);
    expect(a!.region).toEqual(s1);
    expect(b!.region).toEqual(s1);
    expect(b!.startMs).toBe(2 * 400 + 280);
  });

  it('uses the S2 sphere when one is given', () => {
    const [, b] = epStimuli({ ...p, s1s2: { couplingMs: 300, sphere: { centre: [10, 20, 30], radiusMm: 6 } } }, s1);
    expect(b!.region).toEqual({ kind: 'sphere', center: [10, 20, 30], radiusMm: 6 });
    expect(b!.startMs).toBe(300);
  });
});
