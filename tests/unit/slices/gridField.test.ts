// Grid-field frame storage within a memory budget: a long Vm stream keeps at most the budgeted number of frames,
// evenly spaced over the whole run (first frame kept, the last stored frame within one stride of the end), and a
// short stream keeps everything. Units: times ms, bytes.
import { describe, expect, it } from 'vitest';
import { appendGridFrame, timeGridField } from '../../../src/app/gridField';

const CELLS = 100;
const FRAME_BYTES = CELLS * 4;
const geometry = { dims: [10, 10, 1] as [number, number, number], gridToWorld: new Float64Array(16) };

function stream(frames: number, budgetFrames: number) {
  const f = timeGridField('Vm', 'mV', geometry);
  for (let n = 0; n < frames; n++) appendGridFrame(f, 2 * n, new Float32Array(CELLS).fill(n), budgetFrames * FRAME_BYTES);
  return f;
}

describe('appendGridFrame', () => {
  it('keeps every frame of a run that fits the budget', () => {
    const f = stream(20, 32);
    expect(f.frames.length).toBe(20);
    expect(f.times).toEqual(Array.from({ length: 20 }, (_, n) => 2 * n));
  });

  it('thins a long run to the budget, evenly over the whole run', () => {
    const budget = 16;
    const total = 1000;
    const f = stream(total, budget);
    expect(f.frames.length).toBeLessThanOrEqual(budget);
    expect(f.frames.length).toBeGreaterThan(budget / 2 - 1);
    expect(f.times[0]).toBe(0);
    const stride = f.times[1]! - f.times[0]!;
    for (let i = 1; i < f.times.length; i++) expect(f.times[i]! - f.times[i - 1]!).toBe(stride);
    expect(2 * (total - 1) - f.times[f.times.length - 1]!).toBeLessThan(stride);
    // values still belong to their times (frame n was filled with n, at t = 2n)
    f.frames.forEach((v, i) => expect(2 * v[0]!).toBe(f.times[i]));
  });
});
