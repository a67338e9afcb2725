// Unit checks of the trilinear hex reference stiffness (2×2×2 Gauss) and the closed-form tensor helpers
// against analytic facts: symmetry, rigid-body null space, exact strain energy of a uniform strain
// (½ εᵀDε · volume), eigenvalues of a rotated diagonal tensor, von Mises of uniaxial stress.
import { describe, expect, it } from 'vitest';
import {
  CORNER_OFFSETS,
  lame,
  principal3,
  referenceStiffness,
  vonMises,
} from '../../../src/solvers/mechanics';

// Float64 round-off over 576 entries of order 1: 1e-12 is far above it and far below any formula error.
const EXACT_TOL = 1e-12;

function kFor(E: number, nu: number, h: number): Float64Array {
  const { kLambda, kMu } = referenceStiffness();
  const { lambda, mu } = lame(E, nu);
  return kLambda.map((v, i) => h * (lambda * v + mu * kMu[i]!));
}

describe('hex reference stiffness', () => {
  it('is symmetric', () => {
    const K = kFor(1, 0.3, 1);
    let err = 0;
    for (let r = 0; r < 24; r++)
      for (let c = 0; c < 24; c++) err = Math.max(err, Math.abs(K[24 * r + c]! - K[24 * c + r]!));
    expect(err).toBeLessThan(EXACT_TOL);
  });

  it('has the six rigid-body modes in its null space', () => {
    const K = kFor(1, 0.3, 1);
    const modes: ((p: readonly number[]) => number[])[] = [
      () => [1, 0, 0],
      () => [0, 1, 0],
      () => [0, 0, 1],
      (p) => [-p[1]!, p[0]!, 0],
      (p) => [0, -p[2]!, p[1]!],
      (p) => [p[2]!, 0, -p[0]!],
    ];
    for (const m of modes) {
      const u = CORNER_OFFSETS.flatMap((p) => m(p));
      let f = 0;
      for (let r = 0; r < 24; r++) {
        let s = 0;
        for (let c = 0; c < 24; c++) s += K[24 * r + c]! * u[c]!;
        f = Math.max(f, Math.abs(s));
      }
      expect(f).toBeLessThan(EXACT_TOL);
    }
  });

  it('gives the exact strain energy of a uniform strain field on a cube of edge h', () => {
    const E = 200,
      nu = 0.25,
      h = 2.5;
    const K = kFor(E, nu, h);
    // u = G·x with a general (non-symmetric) gradient G; strain = sym(G)
    const G = [
      [1e-3, 2e-4, -3e-4],
      [5e-4, -2e-3, 1e-4],
      [-1e-4, 7e-4, 5e-4],
    ];
    const u = CORNER_OFFSETS.flatMap((p) =>
      G.map((row) => h * (row[0]! * p[0]! + row[1]! * p[1]! + row[2]! * p[2]!)),
    );
    let W = 0;
    for (let r = 0; r < 24; r++) for (let c = 0; c < 24; c++) W += 0.5 * u[r]! * K[24 * r + c]! * u[c]!;
    const eps = (i: number, j: number) => 0.5 * (G[i]![j]! + G[j]![i]!);
    const { lambda, mu } = lame(E, nu);
    const tr = eps(0, 0) + eps(1, 1) + eps(2, 2);
    let epsEps = 0;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) epsEps += eps(i, j) ** 2;
    const exact = (0.5 * lambda * tr * tr + mu * epsEps) * h ** 3;
    expect(Math.abs(W - exact) / exact).toBeLessThan(1e-10);
  });
});

describe('tensor helpers', () => {
  it('principal values of a rotated diagonal tensor are the diagonal', () => {
    const d = [3, -1, 0.5];
    const t = 0.4,
      c = Math.cos(t),
      s = Math.sin(t);
    // rotation about z then x
    const R = [
      [c, -s, 0],
      [s * Math.cos(1.1), c * Math.cos(1.1), -Math.sin(1.1)],
      [s * Math.sin(1.1), c * Math.sin(1.1), Math.cos(1.1)],
    ];
    const A = (i: number, j: number) =>
      R[i]![0]! * d[0]! * R[j]![0]! + R[i]![1]! * d[1]! * R[j]![1]! + R[i]![2]! * d[2]! * R[j]![2]!;
    const T = [A(0, 0), A(1, 1), A(2, 2), A(0, 1), A(1, 2), A(2, 0)];
    const out = new Float64Array(3);
    principal3(T, 0, out, 0);
    const want = [...d].sort((a, b) => b - a);
    for (let i = 0; i < 3; i++) expect(Math.abs(out[i]! - want[i]!)).toBeLessThan(1e-12);
  });

  it('von Mises of uniaxial stress is |σ| and of pure shear τ is √3·τ', () => {
    expect(Math.abs(vonMises([-7, 0, 0, 0, 0, 0], 0) - 7)).toBeLessThan(EXACT_TOL);
    expect(Math.abs(vonMises([0, 0, 0, 2, 0, 0], 0) - 2 * Math.sqrt(3))).toBeLessThan(EXACT_TOL);
  });
});
