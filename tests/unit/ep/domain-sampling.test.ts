// Label-map EP domain with rule-based fibres on a synthetic thick-walled cylinder (cavity label inside), and
// grid→mesh sampling: trilinear exact for a linear field, nearest-tissue fallback just outside. Units mm.
import { describe, expect, it } from 'vitest';
import type { Volume } from '../../../src/volume/types';
import { cellWorld, epDomainFromLabels, HELIX_ENDO_DEG, HELIX_EPI_DEG } from '../../../src/solvers/ep';
import { sampleGridToMesh } from '../../../src/solvers/sampling';

// Voxel BFS distances quantise the transmural coordinate to ~1/(wall voxels) ≈ 1/8: helix angle error ≲ 120°/8.
const HELIX_TOL_DEG = 20;
// Trilinear interpolation of a linear field is exact up to float32 rounding.
const LINEAR_TOL = 1e-3;

function cylinder(): Volume {
  const n = 40;
  const data = new Uint8Array(n * n * n);
  for (let k = 0; k < n; k++)
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) {
        const r = Math.hypot(i - 19.5, j - 19.5);
        data[i + n * (j + n * k)] = k < 4 || k > 35 ? 0 : r < 8 ? 2 : r < 16 ? 1 : 0;
      }
  return {
    name: 'cylinder',
    dims: [n, n, n],
    spacing: [1, 1, 1],
    modality: 'label',
    units: 'label',
    data,
    ijkToWorld: Float64Array.from([1, 0, 0, -19.5, 0, 1, 0, -19.5, 0, 0, 1, 0, 0, 0, 0, 1]),
  };
}

describe('EP domain from labels', () => {
  it('builds rule-based fibres: unit length, helix +60° at the endocardium → −60° at the epicardium', () => {
    const g = epDomainFromLabels(cylinder(), [1], 1, { cavityValues: [2] });
    let endo = 0,
      epi = 0,
      nEndo = 0,
      nEpi = 0;
    for (let c = 0; c < g.n; c++) {
      const p = cellWorld(g, c);
      const f = [g.fibres[3 * c]!, g.fibres[3 * c + 1]!, g.fibres[3 * c + 2]!];
      expect(Math.abs(Math.hypot(f[0]!, f[1]!, f[2]!) - 1)).toBeLessThan(1e-5);
      if (p[2] < 10 || p[2] > 25) continue; // away from the caps
      const r = Math.hypot(p[0], p[1]);
      const circ = [-p[1] / r, p[0] / r, 0];
      const helix = (Math.atan2(f[2]!, f[0]! * circ[0]! + f[1]! * circ[1]!) * 180) / Math.PI;
      // helix is defined up to the fibre's sign: fold into (−90, 90]
      const h = helix > 90 ? helix - 180 : helix <= -90 ? helix + 180 : helix;
      if (r < 9.5) {
        endo += h;
        nEndo++;
      }
      if (r > 14.5) {
        epi += h;
        nEpi++;
      }
    }
    // the long axis from PCA has an arbitrary sign, which flips every helix angle: compare magnitudes and
    // require opposite signs at endo and epi
    expect(Math.abs(Math.abs(endo / nEndo) - Math.abs(HELIX_ENDO_DEG))).toBeLessThan(HELIX_TOL_DEG);
    expect(Math.abs(Math.abs(epi / nEpi) - Math.abs(HELIX_EPI_DEG))).toBeLessThan(HELIX_TOL_DEG);
    expect(Math.sign(endo)).toBe(-Math.sign(epi));
  });

  it('rejects a label map without the label, naming it', () => {
    expect(() => epDomainFromLabels(cylinder(), [9], 1)).toThrow(/none of the labels 9/);
  });
});

describe('sampleGridToMesh', () => {
  it('is exact for a linear field inside and falls back to the nearest tissue voxel outside', () => {
    const g = epDomainFromLabels(cylinder(), [1], 1);
    const vals = new Float32Array(g.n);
    for (let c = 0; c < g.n; c++) {
      const p = cellWorld(g, c);
      vals[c] = 2 * p[0] - p[1] + 0.5 * p[2];
    }
    const pts = Float32Array.from([12.3, 0.4, 20.7, 0, -12.25, 15.5, 16.9, 0, 20]);
    const s = sampleGridToMesh(g, vals, pts);
    expect(Math.abs(s[0]! - (2 * 12.3 - 0.4 + 0.5 * 20.7))).toBeLessThan(LINEAR_TOL);
    expect(Math.abs(s[1]! - (0 + 12.25 + 0.5 * 15.5))).toBeLessThan(LINEAR_TOL);
    expect(Number.isFinite(s[2]!)).toBe(true); // just outside the epicardium (r = 16.9 > 16)
  });
});
