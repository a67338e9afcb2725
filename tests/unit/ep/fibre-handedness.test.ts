// Rule-based fibre handedness on a thick-walled cylinder whose long axis is tilted against the grid. The helix
// angle α is measured in the wall's tangent plane from the circumferential direction c = l × n toward the long
// axis l, with n the outward wall normal (Streeter et al. 1969, Circ Res 24:339; Bayer et al. 2012, Ann Biomed
// Eng 40:2243). A fibre f = cos α c + sin α l with α > 0 is tangent to a right-handed helix about l (the helix
// r(s) = R(cos s, sin s, p s) has tangent ∝ c + p l); flipping l flips c as well, so α does not depend on which
// way l points — it is a property of the fibre field, and anatomy fixes its sign: right-handed subendocardial
// fibres (α = +60°) turning into left-handed subepicardial ones (α = −60°). Units mm, degrees.
import { describe, expect, it } from 'vitest';
import type { Volume } from '../../../src/volume/types';
import { cellWorld, epDomainFromLabels, HELIX_ENDO_DEG, HELIX_EPI_DEG } from '../../../src/solvers/ep';

// The transmural coordinate comes from 6-connected voxel distances: with ~7 voxels across the wall it is
// quantised to ~1/7 (±120°/14 ≈ 9° of helix angle per voxel layer; the first/last layers sit at e ≈ 1/14,
// 13/14). A straight-line fit of α against the geometric depth e = (r − 8)/(15 − 8) mm averages the layers and
// the staircase noise of ∇e on the tilted wall: its ends land within a few degrees; 10° still fails any
// wrong sign, swapped ends or a wrong angle range.
const HELIX_TOL_DEG = 10;

const AXIS = (() => {
  const a = [1, 0.5, 2];
  const L = Math.hypot(...a);
  return a.map((x) => x / L);
})();
const C = 23.5; // centre (voxel units = mm)

function tiltedCylinder(): Volume {
  const n = 48;
  const data = new Uint8Array(n * n * n);
  for (let k = 0; k < n; k++)
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) {
        const d = [i - C, j - C, k - C];
        const along = d[0]! * AXIS[0]! + d[1]! * AXIS[1]! + d[2]! * AXIS[2]!;
        const r = Math.hypot(d[0]! - along * AXIS[0]!, d[1]! - along * AXIS[1]!, d[2]! - along * AXIS[2]!);
        data[i + n * (j + n * k)] = Math.abs(along) > 16 ? 0 : r < 8 ? 2 : r < 15 ? 1 : 0;
      }
  return {
    name: 'tilted cylinder',
    dims: [n, n, n],
    spacing: [1, 1, 1],
    modality: 'label',
    units: 'label',
    data,
    ijkToWorld: Float64Array.from([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]),
  };
}

const dot = (a: number[], b: number[]) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
const cross = (a: number[], b: number[]) => [
  a[1]! * b[2]! - a[2]! * b[1]!,
  a[2]! * b[0]! - a[0]! * b[2]!,
  a[0]! * b[1]! - a[1]! * b[0]!,
];

describe('rule-based fibre handedness', () => {
  it('is +60° (right-handed) at the endocardium and −60° (left-handed) at the epicardium, for either axis sign', () => {
    const g = epDomainFromLabels(tiltedCylinder(), [1], 1, { cavityValues: [2] });
    const sums = { endo: [0, 0], epi: [0, 0] };
    const fit = { n: 0, e: 0, a: 0, ee: 0, ea: 0 };
    for (let c = 0; c < g.n; c++) {
      const p = cellWorld(g, c).map((x) => x - C);
      const along = dot(p, AXIS);
      if (Math.abs(along) > 9) continue; // away from the open ends
      const radial = p.map((x, a) => x - along * AXIS[a]!);
      const r = Math.hypot(...radial);
      const n = radial.map((x) => x / r); // outward normal
      const f = [g.fibres[3 * c]!, g.fibres[3 * c + 1]!, g.fibres[3 * c + 2]!];
      const helix = (l: number[]) => {
        const circ = cross(l, n);
        const a = (Math.atan2(dot(f, l), dot(f, circ)) * 180) / Math.PI;
        return a > 90 ? a - 180 : a <= -90 ? a + 180 : a; // a fibre is a line: fold f ~ −f
      };
      const h = helix(AXIS);
      expect(Math.abs(helix(AXIS.map((x) => -x)) - h)).toBeLessThan(1e-6); // independent of the axis' sign
      const e = (r - 8) / 7;
      fit.n++;
      fit.e += e;
      fit.a += h;
      fit.ee += e * e;
      fit.ea += e * h;
      const bucket = r < 9.5 ? sums.endo : r > 13.5 ? sums.epi : undefined;
      if (bucket) {
        bucket[0]! += h;
        bucket[1]!++;
      }
    }
    const endo = sums.endo[0]! / sums.endo[1]!;
    const epi = sums.epi[0]! / sums.epi[1]!;
    const slope = (fit.n * fit.ea - fit.e * fit.a) / (fit.n * fit.ee - fit.e * fit.e);
    const at0 = (fit.a - slope * fit.e) / fit.n;
    const at1 = at0 + slope;
    console.log(
      `helix angle: innermost layer ${endo.toFixed(1)}°, outermost ${epi.toFixed(1)}°; fit α(e) = ${at0.toFixed(1)}° ${slope.toFixed(1)}°·e → endocardium ${at0.toFixed(1)}°, epicardium ${at1.toFixed(1)}°`,
    );
    // The sign is the point: positive (right-handed) inside, negative (left-handed) outside.
    expect(endo).toBeGreaterThan(HELIX_TOL_DEG);
    expect(epi).toBeLessThan(-HELIX_TOL_DEG);
    expect(Math.abs(at0 - HELIX_ENDO_DEG)).toBeLessThan(HELIX_TOL_DEG);
    expect(Math.abs(at1 - HELIX_EPI_DEG)).toBeLessThan(HELIX_TOL_DEG);
    expect(HELIX_ENDO_DEG).toBe(60);
    expect(HELIX_EPI_DEG).toBe(-60);
  });
});
