// segmentBoneByVertebrae on the REAL lumbar CT (../shared/data/lumbar-ct, VerSe labels 21/22/23 = L2/L3/L4):
// the HU bone (>= 200 HU) is one connected component touching all three labels, and the split gives each
// vertebra its own part: every bone voxel inside a label goes to that label, no part enters another label,
// and every part voxel lies within the reach of its own label (exact distance transform).
// Units: HU, mm. Frame: voxel IJK (labels on the CT's grid).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readVolumeFromPath } from '../../../src/volume/io/node';
import {
  segmentBone,
  segmentBoneByVertebrae,
  squaredDistanceMm2,
  VERTEBRA_REACH_MM,
} from '../../../src/volume/segment';

const LUMBAR = '../shared/data/lumbar-ct';
/** Geodesic reach is counted in voxel steps, never shorter than the straight (Euclidean) distance. */
const REACH_TOL_MM = 1e-3;

describe.skipIf(!existsSync(LUMBAR))('bone split by vertebra labels (real lumbar CT)', () => {
  it('splits the one touching bone component into L2, L3 and L4', async () => {
    const ct = await readVolumeFromPath(`${LUMBAR}/ct.nii.gz`);
    const seg = await readVolumeFromPath(`${LUMBAR}/seg-vert.nii.gz`, { kind: 'label' });
    const plain = segmentBone(ct);
    const touched = new Set<number>();
    for (let p = 0; p < plain.data.length; p++)
      if (plain.data[p] === 1 && seg.data[p]) touched.add(seg.data[p]!);
    expect([...touched].sort()).toEqual([21, 22, 23]); // the vertebrae touch: thresholding alone cannot split them

    const names = { 21: 'L2', 22: 'L3', 23: 'L4' } as Record<number, string>;
    const seeds = { ...seg, labels: [21, 22, 23].map((v) => ({ value: v, name: names[v]! })) };
    const split = segmentBoneByVertebrae(ct, seeds);
    expect(split.labels!.slice(0, 3).map((l) => l.name)).toEqual(['L2', 'L3', 'L4']);
    const [nx, ny, nz] = ct.dims;
    for (const v of [21, 22, 23]) {
      let inLabel = 0;
      let wrong = 0;
      let inOther = 0;
      for (let p = 0; p < split.data.length; p++) {
        if (seg.data[p] === v && plain.data[p]) {
          inLabel++;
          if (split.data[p] !== v) wrong++;
        }
        if (split.data[p] === v && seg.data[p] && seg.data[p] !== v) inOther++;
      }
      expect(inLabel).toBeGreaterThan(0);
      expect(wrong).toBe(0);
      expect(inOther).toBe(0);
      const notV = Uint8Array.from(seg.data, (x) => (x === v ? 0 : 1));
      const d2 = squaredDistanceMm2(notV, [nx, ny, nz], ct.spacing);
      let far = 0;
      for (let p = 0; p < split.data.length; p++)
        if (split.data[p] === v && Math.sqrt(d2[p]!) > VERTEBRA_REACH_MM + REACH_TOL_MM) far++;
      expect(far).toBe(0);
    }
  });
});
