// Kernel parity cases for the mechanics gpu.js kernels (matvec, Jacobi, and a whole PCG solve through them),
// runnable in Node (tests/unit/mechanics) and in the browser compute-check page (src/app/compute-check-mechanics.ts,
// asserted by tests/browser/compute.spec.ts on every backend the page offers, webgl2/webgpu included). Each case
// compares a backend against the plain-TS reference and returns the max relative error and its tolerance.
// Units: mm, N (a small 5×4×3 mm box, E = 1000 MPa). Frame: local grid axes.
import { kernelBackend, type Compute } from '../compute';
import { boxDomain } from './domains';
import { createGpuOps, matvecF32Ref } from './gpu-ops';
import { buildHexMesh } from './mesh';
import { diagonalRef, stiffnessParts } from './operator';
import { axialLoadCase } from './scenarios';
import { solveElastic } from './solve';

/** float32 accumulation over ≤ 192 terms of mixed sign: ~1e-6 relative to the largest entry; 1e-5 leaves margin. */
export const KERNEL_PARITY_TOL = 1e-5;
/** A whole float32 PCG solve to tol 1e-6 vs the float64 reference: displacements agree to ~1e-5; allow 1e-4. */
export const SOLVE_PARITY_TOL = 1e-4;

export interface ParityCase {
  name: string;
  tol: number;
  /** Max relative error vs the reference; `ran` (if given) receives the backend the kernel really ran on. */
  run(compute: Compute, ran?: (backend: string) => void): Promise<number>;
}

/** Max |a − b| relative to max |b| (absolute when b is all zero). */
export function relMax(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    d = Math.max(d, Math.abs(a[i]! - b[i]!));
    m = Math.max(m, Math.abs(b[i]!));
  }
  return m > 0 ? d / m : d;
}

function fixture(twoPart: boolean) {
  const dom = boxDomain(5, 4, 3, 1, { E: 1000, nu: 0.3 });
  if (twoPart)
    for (let e = 0; e < dom.nu.length; e += 3) {
      dom.nu[e] = 0.2;
      dom.E[e] = 400;
    }
  const mesh = buildHexMesh(dom);
  const parts = stiffnessParts(dom);
  const fixed = new Uint8Array(3 * mesh.nNodes);
  for (let i = 0; i < 12; i++) fixed[i] = 1;
  const x = Float32Array.from({ length: 3 * mesh.nNodes }, (_, i) =>
    fixed[i] ? 0 : Math.sin(0.7 * i) * 1e-2,
  );
  const diag = diagonalRef(mesh, parts, fixed);
  return { dom, mesh, parts, fixed, x, inv: Float64Array.from(diag, (d, i) => (fixed[i] ? 0 : 1 / d)) };
}

export function mechanicsKernelParityCases(): ParityCase[] {
  const matvec = (twoPart: boolean): ParityCase => ({
    name: `mechanics matvec (${twoPart ? 'λ/μ two-part' : 'uniform ν'})`,
    tol: KERNEL_PARITY_TOL,
    async run(compute, ran) {
      const f = fixture(twoPart);
      const ops = createGpuOps(compute, f.mesh, f.parts, f.fixed, f.inv);
      try {
        const y = await ops.matvec(f.x);
        ran?.(kernelBackend(ops.kernels[0]!));
        return relMax(y, matvecF32Ref(f.mesh, f.parts, f.fixed, f.x));
      } finally {
        ops.destroy();
      }
    },
  });
  return [
    matvec(false),
    matvec(true),
    {
      name: 'mechanics Jacobi preconditioner',
      tol: KERNEL_PARITY_TOL,
      async run(compute, ran) {
        const f = fixture(false);
        const ops = createGpuOps(compute, f.mesh, f.parts, f.fixed, f.inv);
        try {
          const ref = Float32Array.from(f.x, (v, i) => v * f.inv[i]!);
          const z = await ops.precond(f.x);
          ran?.(kernelBackend(ops.kernels[1]!));
          return relMax(z, ref);
        } finally {
          ops.destroy();
        }
      },
    },
    {
      name: 'mechanics PCG solve (box, roller, 100 N)',
      tol: SOLVE_PARITY_TOL,
      async run(compute) {
        const c = axialLoadCase(boxDomain(4, 4, 6, 1, { E: 1000, nu: 0.3 }), 100, 'roller');
        const ref = await solveElastic(c, { backend: 'js', tol: 1e-9 });
        const got = await solveElastic(c, { compute, tol: 1e-6 });
        return relMax(got.u, ref.u);
      },
    },
  ];
}
