// Orientation: a volume whose axes are permuted and flipped (data re-laid out, affine adjusted) maps
// every voxel to the same world point (RAS mm) with the same value as the canonical one, also after a
// NIfTI write/read round trip.
import { describe, expect, it } from 'vitest';
import { applyAffine } from '../../../src/volume/affine';
import { readVolume, writeNifti } from '../../../src/volume/io';
import type { Vec3, Volume } from '../../../src/volume/types';
import { smallVolume } from './make-files';

/** New axis a takes old axis perm[a]; flip[a] reverses it. Builds data and affine independently of the readers. */
function permute(v: Volume, perm: number[], flip: boolean[]): Volume {
  const nd = perm.map((p) => v.dims[p]!) as Vec3;
  const data = new Int16Array(v.data.length);
  const m = new Float64Array(16);
  m[15] = 1;
  // old index o[perm[a]] = flip[a] ? nd[a]-1-n[a] : n[a]
  const origin = [0, 0, 0];
  for (let a = 0; a < 3; a++) origin[perm[a]!] = flip[a] ? nd[a]! - 1 : 0;
  const o = applyAffine(v.ijkToWorld, origin[0]!, origin[1]!, origin[2]!);
  for (let r = 0; r < 3; r++) {
    for (let a = 0; a < 3; a++) m[r * 4 + a] = v.ijkToWorld[r * 4 + perm[a]!]! * (flip[a] ? -1 : 1);
    m[r * 4 + 3] = o[r]!;
  }
  for (let k = 0; k < nd[2]; k++)
    for (let j = 0; j < nd[1]; j++)
      for (let i = 0; i < nd[0]; i++) {
        const n = [i, j, k];
        const old = [0, 0, 0];
        for (let a = 0; a < 3; a++) old[perm[a]!] = flip[a] ? nd[a]! - 1 - n[a]! : n[a]!;
        data[i + nd[0] * (j + nd[1] * k)] = v.data[old[0]! + v.dims[0] * (old[1]! + v.dims[1] * old[2]!)]!;
      }
  return { ...v, dims: nd, spacing: perm.map((p) => v.spacing[p]!) as Vec3, ijkToWorld: m, data };
}

/** Float32 storage of the affine in NIfTI: < 1e-4 mm at these magnitudes. */
const WORLD_TOL = 1e-4;

describe('permuted/flipped axes', () => {
  it('every voxel lands on the same world point with the same value', async () => {
    const v = smallVolume([6, 5, 4]);
    const key = (p: Vec3) => p.map((x) => Math.round(x * 100)).join(',');
    const canon = new Map<string, number>();
    for (let t = 0; t < v.data.length; t++) {
      const i = t % 6,
        j = Math.floor(t / 6) % 5,
        k = Math.floor(t / 30);
      canon.set(key(applyAffine(v.ijkToWorld, i, j, k)), v.data[t]!);
    }
    const p = permute(v, [2, 0, 1], [true, false, true]);
    const back = await readVolume({ name: 'p.nii', bytes: writeNifti(p) });
    for (const vol of [p, back]) {
      let bad = 0;
      for (let t = 0; t < vol.data.length; t++) {
        const [nx, ny] = vol.dims;
        const w = applyAffine(vol.ijkToWorld, t % nx, Math.floor(t / nx) % ny, Math.floor(t / (nx * ny)));
        const c = canon.get(key(w));
        if (c !== vol.data[t]) bad++;
        const mp = applyAffine(p.ijkToWorld, t % nx, Math.floor(t / nx) % ny, Math.floor(t / (nx * ny)));
        expect(Math.hypot(w[0] - mp[0], w[1] - mp[1], w[2] - mp[2])).toBeLessThan(WORLD_TOL);
      }
      expect(bad).toBe(0);
    }
  });
});
