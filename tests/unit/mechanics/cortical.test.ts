// Cortical shell on the vertebral-body rim (src/solvers/mechanics/cortical-shell.ts): the Voigt mixture per rim
// element from its exposed faces, checked by hand on a small box, and its effect on the lumbar CT L3 (labels
// 22 / subregions 49–50 from ../shared/data/lumbar-ct, 400 N axial, inferior endplate clamped, h = 3 mm): the
// shell must stiffen the vertebra, a thicker shell more. Units: MPa, mm, N.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVolumeFromPath } from '../../../src/volume/io/node';
import * as M from '../../../src/solvers/mechanics';
import type { Volume } from '../../../src/volume/types';

const DATA = join(process.cwd(), '..', 'shared', 'data', 'lumbar-ct');
// Float32 storage of E: the mixture is exact to float32 rounding (~6e-8 relative).
const E_TOL = 1e-6;
// The shell must change the stiffness by more than solver noise (tol 1e-6 → ≪ 1 %): require ≥ 5 %. A 0.35 mm
// shell of 12 GPa around a ~1250 mm² trabecular core (E ~ 10²–10³ MPa) can add at most a few times the core's
// axial rigidity (12000 · 140 mm perimeter · 0.35 mm ≈ 590 kN vs ~400–1200 kN): cap at 4×.
const MIN_STIFFENING = 1.05;
const MAX_STIFFENING = 4;

describe('cortical shell mixture', () => {
  it('gives each rim element f = exposed faces · t / h of cortical bone (hand-computed on a 3×3×3 box)', () => {
    const dom = M.boxDomain(3, 3, 3, 1, { E: 100, nu: 0.3 });
    dom.label = new Int32Array(dom.elements.length).fill(M.CORTICAL_RIM_LABEL);
    const shell = { E: 12000, thicknessMm: 0.2 };
    const rep = M.applyCorticalShell(dom, shell);
    // box 3×3×3 of h = 1: 8 corners (3 exposed faces), 12 edges (2), 6 face centres (1), 1 centre (0)
    const want = (n: number) => Math.min(1, n * 0.2) * 12000 + (1 - Math.min(1, n * 0.2)) * 100;
    const byExposed = new Map<number, number>();
    for (let e = 0; e < dom.elements.length; e++) {
      const g = dom.elements[e]!;
      const ijk = [g % 3, Math.floor(g / 3) % 3, Math.floor(g / 9)];
      const n = ijk.filter((c) => c !== 1).length;
      expect(Math.abs(dom.E[e]! - want(n)) / want(n)).toBeLessThan(E_TOL);
      byExposed.set(n, (byExposed.get(n) ?? 0) + 1);
    }
    expect([...byExposed].sort()).toEqual([
      [0, 1],
      [1, 6],
      [2, 12],
      [3, 8],
    ]);
    expect(rep.rimElements).toBe(27);
    expect(rep.shellElements).toBe(26);
    expect(rep.shellAreaMm2).toBe(54); // 6 faces × 9 mm²
  });

  it('leaves E alone without a shell or without rim labels', () => {
    const dom = M.boxDomain(2, 2, 2, 1, { E: 100, nu: 0.3 });
    expect(M.applyCorticalShell(dom, M.CORTICAL_SHELL).rimElements).toBe(0);
    dom.label = new Int32Array(8).fill(M.CORTICAL_RIM_LABEL);
    M.applyCorticalShell(dom, null);
    expect(Array.from(dom.E)).toEqual(new Array(8).fill(100));
    expect(() => M.applyCorticalShell(dom, { E: -1, thicknessMm: 0.3 })).toThrow(/positive number of MPa/);
  });
});

describe.runIf(existsSync(join(DATA, 'ct.nii.gz')))('cortical shell on the lumbar CT L3', () => {
  it('stiffens the vertebra under axial load, a thicker shell more', async () => {
    const [ct, vert, sub] = (await Promise.all(
      ['ct', 'seg-vert', 'seg-subreg'].map((f) => readVolumeFromPath(join(DATA, `${f}.nii.gz`))),
    )) as [Volume, Volume, Volume];
    const stiffness = async (shell: M.CorticalShell | null) => {
      const dom = M.domainFromLabels({
        labels: vert,
        ids: [22],
        h: 3,
        image: ct,
        subregions: sub,
        material: M.boneMaterial(),
      });
      const rep = M.applyCorticalShell(dom, shell);
      const c = M.vertebraCase(dom, { forceN: 400, bc: 'clamped' });
      const sol = await M.solveElastic(c, { backend: 'js', tol: 1e-6 });
      expect(sol.stats.converged).toBe(true);
      const u = M.meanFaceDisplacement(dom, c.mesh, c.loadedFaces, sol.u);
      return { k: 400 / -u[2], rep };
    };
    const none = await stiffness(null);
    const thin = await stiffness(M.CORTICAL_SHELL);
    const thick = await stiffness({ ...M.CORTICAL_SHELL, thicknessMm: 0.7 });
    console.log(
      `L3 h=3 mm: ${none.k.toFixed(0)} N/mm without shell, ${thin.k.toFixed(0)} with 0.35 mm, ${thick.k.toFixed(0)} with 0.7 mm`,
    );
    expect(thin.rep.rimElements).toBeGreaterThan(100); // the subregion map really reached the domain
    expect(thin.rep.shellElements).toBeGreaterThan(0);
    expect(thin.k / none.k).toBeGreaterThan(MIN_STIFFENING);
    expect(thin.k / none.k).toBeLessThan(MAX_STIFFENING);
    expect(thick.k).toBeGreaterThan(thin.k);
  });
});
