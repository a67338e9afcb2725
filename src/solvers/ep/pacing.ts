// Pacing protocols in world mm / ms built from the stimulus primitives of protocol.ts: a pacing train at a cycle
// length, regions at a domain edge and the cross-field quadrant, and the S1-S2 protocol for inducing re-entry
// (S1 train from an edge or point; S2 over a region that the S1 wave's refractory tail is leaving, so the S2
// wave can only spread into recovered tissue and its free end curls into a rotor: the cross-field protocol of
// Pertsov et al. 1993, Circ Res 72:631, on cardiac muscle). Times: S2 at the last S1 start + coupling interval.
import type { Vec3 } from '../../volume/types';
import { cellWorld, type EpGrid } from './grid';
import type { Region, Stimulus } from './protocol';

export type Edge = 'x-' | 'x+' | 'y-' | 'y+' | 'z-' | 'z+';

/** A train of count pulses every clMs from startMs (default 2 ms, 50 000 µA/cm³ each). */
export function pacingTrain(
  region: Region,
  clMs: number,
  count: number,
  opts: { startMs?: number; durationMs?: number; strength?: number } = {},
): Stimulus {
  if (!(clMs > 0)) throw new Error(`pacing: cycle length must be positive, got ${clMs} ms`);
  if (!(count >= 1 && Number.isInteger(count)))
    throw new Error(`pacing: beat count must be a positive integer, got ${count}`);
  const durationMs = opts.durationMs ?? 2;
  if (durationMs >= clMs)
    throw new Error(`pacing: pulse (${durationMs} ms) must be shorter than the cycle length (${clMs} ms)`);
  return {
    region,
    startMs: opts.startMs ?? 0,
    durationMs,
    strength: opts.strength,
    cycleLengthMs: clMs,
    count,
  };
}

/** World bounding box (mm) of the tissue voxel centres. */
export function tissueBounds(grid: EpGrid): { min: Vec3; max: Vec3 } {
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (let c = 0; c < grid.n; c++) {
    const p = cellWorld(grid, c);
    for (let a = 0; a < 3; a++) {
      min[a] = Math.min(min[a]!, p[a]!);
      max[a] = Math.max(max[a]!, p[a]!);
    }
  }
  return { min, max };
}

const axisOf = (e: Edge) => ({ x: 0, y: 1, z: 2 })[e[0] as 'x' | 'y' | 'z'];

/** The slab of tissue within depthMm of one face of the tissue bounding box. */
export function edgeRegion(grid: EpGrid, edge: Edge, depthMm: number): Region {
  const { min, max } = tissueBounds(grid);
  const a = axisOf(edge);
  const lo: Vec3 = [min[0] - 1, min[1] - 1, min[2] - 1];
  const hi: Vec3 = [max[0] + 1, max[1] + 1, max[2] + 1];
  if (edge[1] === '-') hi[a] = min[a]! + depthMm;
  else lo[a] = max[a]! - depthMm;
  return { kind: 'box', min: lo, max: hi };
}

/**
 * Cross-field S2 region for an S1 wave launched from `s1Edge`: the half of the box nearest the S1 edge along
 * the S1 axis, times the lower half along the next in-plane axis (x→y, y→x, z→x), all of the third axis.
 */
export function crossFieldRegion(grid: EpGrid, s1Edge: Edge): Region {
  const { min, max } = tissueBounds(grid);
  const a = axisOf(s1Edge);
  const b = a === 0 ? 1 : 0;
  const lo: Vec3 = [min[0] - 1, min[1] - 1, min[2] - 1];
  const hi: Vec3 = [max[0] + 1, max[1] + 1, max[2] + 1];
  const midA = 0.5 * (min[a]! + max[a]!);
  if (s1Edge[1] === '-') hi[a] = midA;
  else lo[a] = midA;
  hi[b] = 0.5 * (min[b]! + max[b]!);
  return { kind: 'box', min: lo, max: hi };
}

export interface S1S2Options {
  s1: Region;
  s2: Region;
  /** S1-S2 coupling interval: S2 starts this long after the last S1 pulse started (ms). */
  couplingMs: number;
  s1ClMs?: number;
  s1Count?: number;
  pulseMs?: number;
  strength?: number;
}

/** The S1 train and the S2 pulse as stimuli (S2 time = (count−1)·CL + coupling). */
export function s1s2Protocol(o: S1S2Options): Stimulus[] {
  const count = o.s1Count ?? 1;
  const cl = o.s1ClMs ?? 500;
  if (!(o.couplingMs > 0))
    throw new Error(`S1-S2: coupling interval must be positive, got ${o.couplingMs} ms`);
  const pulse = o.pulseMs ?? 2;
  const s1 =
    count > 1
      ? pacingTrain(o.s1, cl, count, { durationMs: pulse, strength: o.strength })
      : { region: o.s1, startMs: 0, durationMs: pulse, strength: o.strength };
  const s2: Stimulus = {
    region: o.s2,
    startMs: (count - 1) * cl + o.couplingMs,
    durationMs: pulse,
    strength: o.strength,
  };
  return [s1, s2];
}

/** Time (ms) the last stimulus pulse ends. */
export function lastStimulusEndMs(stimuli: Stimulus[]): number {
  return Math.max(
    0,
    ...stimuli.map((s) => s.startMs + ((s.count ?? 1) - 1) * (s.cycleLengthMs ?? 0) + s.durationMs),
  );
}

/** The most inferior tissue voxel centre (smallest world z, RAS): ≈ the apex for a heart in standard supine orientation. */
export function lowestTissuePoint(grid: EpGrid): Vec3 {
  let best = cellWorld(grid, 0);
  for (let c = 1; c < grid.n; c++) {
    const w = cellWorld(grid, c);
    if (w[2] < best[2]) best = w;
  }
  return best;
}
