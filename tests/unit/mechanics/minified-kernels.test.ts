// The mechanics gpu.js kernels as the production build ships them: each kernel's source is minified with the
// app's own vite.config minify options (rolldown/oxc, mangling on) and then compiled and run by gpu.js on the
// Node backends (webasm transpiles the JS like the GL/WGSL backends do; cpu runs it as JS), against the
// plain-TS float32 reference. Catches the TOOLCHAIN.md gotcha 1 family (block-scope name reuse, `a && (b += c)`,
// `+(cond)`) in Node, before the browser parity page. Units: mm → N on the 5×4×3 mm test box. Frame: grid axes.
import { GPU, type IKernelRunShortcut } from 'gpu.js';
import { minifySync } from 'rolldown/utils';
import { afterAll, describe, expect, it } from 'vitest';
import viteConfig from '../../../vite.config';
import { kernelSettings } from '../../../src/solvers/compute';
import {
  boxDomain,
  buildHexMesh,
  jacobiKernel,
  KERNEL_PARITY_TOL,
  matvecF32Ref,
  stiffnessMatvecKernel,
  stiffnessParts,
} from '../../../src/solvers/mechanics';
import { packMatvecArgs } from '../../../src/solvers/mechanics/gpu-ops';
import { relMax } from '../../../src/solvers/mechanics/parity';

type Fn = (...a: never[]) => unknown;

function minified(fn: Fn): { fn: Fn; code: string } {
  const out = (viteConfig as { build?: { rolldownOptions?: { output?: unknown } } }).build?.rolldownOptions
    ?.output as { minify?: { compress?: object } } | undefined;
  const compress = out?.minify?.compress;
  expect(compress, 'vite.config build.rolldownOptions.output.minify.compress').toBeDefined();
  const r = minifySync('kernel.js', `export ${fn.toString()}`, { compress, mangle: true });
  expect(r.errors).toEqual([]);
  const code = r.code.replace(/^export\s+/, '');
  return { fn: new Function(`${code}; return ${fn.name};`)() as Fn, code };
}

const gpus: GPU[] = [];
afterAll(() => gpus.forEach((g) => void Promise.resolve(g.destroy()).catch(() => undefined)));

describe.each(['webasm', 'cpu'] as const)('minified mechanics kernels on %s', (mode) => {
  for (const twoPart of [false, true]) {
    it(`matvec (${twoPart ? 'two-part' : 'uniform ν'}) survives the production minifier`, async () => {
      const dom = boxDomain(5, 4, 3, 1, { E: 1000, nu: 0.3 });
      if (twoPart) for (let e = 0; e < dom.nu.length; e += 3) dom.nu[e] = 0.2;
      const mesh = buildHexMesh(dom);
      const parts = stiffnessParts(dom);
      expect(parts.twoPart).toBe(twoPart);
      const fixed = new Uint8Array(3 * mesh.nNodes);
      for (let i = 0; i < 12; i++) fixed[i] = 1;
      const x = Float32Array.from({ length: fixed.length }, (_, i) => (fixed[i] ? 0 : Math.sin(0.7 * i)));
      const a = packMatvecArgs(mesh, parts, fixed);
      const { fn } = minified(stiffnessMatvecKernel as Fn);
      const gpu = new GPU({ mode });
      gpus.push(gpu);
      const kern = gpu.createKernel(fn as never, kernelSettings([x.length], a.constants, 64));
      const y = (await (kern as IKernelRunShortcut)(x, a.topo, a.k, a.coef, a.free)) as Float32Array;
      // same float32 tolerance as the unminified parity cases (KERNEL_PARITY_TOL, reasoned in parity.ts)
      expect(relMax(y, matvecF32Ref(mesh, parts, fixed, x))).toBeLessThan(KERNEL_PARITY_TOL);
    });
  }

  it('Jacobi survives the production minifier', async () => {
    const r = Float32Array.from({ length: 300 }, (_, i) => Math.cos(i));
    const inv = Float32Array.from({ length: 300 }, (_, i) => (i % 7 ? 1 / (1 + i) : 0));
    const gpu = new GPU({ mode });
    gpus.push(gpu);
    const kern = gpu.createKernel(minified(jacobiKernel as Fn).fn as never, kernelSettings([300]));
    const z = (await (kern as IKernelRunShortcut)(r, inv)) as Float32Array;
    // one float32 multiply per entry: exact to float32 rounding (2^-24 ≈ 6e-8 relative)
    expect(
      relMax(
        z,
        Float32Array.from(r, (v, i) => v * inv[i]!),
      ),
    ).toBeLessThan(KERNEL_PARITY_TOL);
  });
});

it('the minifier really mangles the matvec kernel (so the test above is not vacuous)', () => {
  const { code } = minified(stiffnessMatvecKernel as Fn);
  expect(code).not.toContain('topo');
  expect(code).not.toContain('nodeElems');
  // gpu.js WebGPU (not runnable in Node here) reads a for-init as a declaration: only `for(;` or `for(let `
  expect(code.match(/for\((?!;|let )/g)).toBeNull();
});

it('the solver worker bundle is minified with the same kernel-safe options as the pages', () => {
  type Cfg = {
    worker?: { rolldownOptions?: { output?: unknown } };
    build?: { rolldownOptions?: { output?: unknown } };
  };
  const cfg = viteConfig as Cfg;
  const page = (cfg.build?.rolldownOptions?.output as { minify?: unknown } | undefined)?.minify;
  const worker = (cfg.worker?.rolldownOptions?.output as { minify?: unknown } | undefined)?.minify;
  expect(page).toBeDefined();
  expect(worker).toEqual(page);
});
