// compute.html in headless Chromium: records which gpu.js backends the page offers into
// test-results/backends.json, and checks every kernel's parity (vector ops, EP diffusion + MS/AP/FK/TNNP, and a
// single-cell TNNP action potential, and the mechanics matvec/Jacobi/PCG cases of src/solvers/mechanics/parity.ts)
// on each backend the page offers (webgl2 and webgpu here are SwiftShader, i.e. software: realGpu must be false).
import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

// float32 kernels vs the TS reference (see tests/unit/compute and tests/unit/ep/stencil.test.ts for the reasons)
const ELEM_TOL = 1e-5;
const EP_PARITY_MV_TOL = 1e-2;
// FK/TNNP in the same 3 ms wave: Heaviside gates (FK) and steeper upstrokes (TNNP, ~300 mV/ms) amplify float32
// rounding and the GPU's own exp/log/tanh approximations (see tests/unit/ep/fk-kernel.test.ts, tnnp-kernel.test.ts).
const EP_STIFF_MV_TOL = 5e-2;
// Single-cell TNNP AP over 400 ms (dt 0.05 ms): trace RMS and worst instant, upstroke within one step.
const AP_RMS_MV_TOL = 0.5;
const AP_MAX_MV_TOL = 2;
const UPSTROKE_TOL_MS = 0.05;
// Mechanics: each case carries its own tolerance named in src/solvers/mechanics/parity.ts (KERNEL_PARITY_TOL 1e-5
// for float32 matvec/Jacobi, SOLVE_PARITY_TOL 1e-4 for a whole float32 PCG solve). The page reports them; this
// ceiling stops a page-side tolerance from being loosened past the loosest named one unnoticed.
const MECH_TOL_CEILING = 1e-4;
const MECH_CASES = [/matvec \(uniform/, /matvec \(λ\/μ/, /Jacobi/, /PCG solve/];

test('gpu.js kernels agree with the reference on every backend the page offers', async ({ page }) => {
  await page.goto('/compute.html');
  await page.waitForFunction(
    () => (window as unknown as { __computeCheck?: { pending?: boolean } }).__computeCheck?.pending === false,
    undefined,
    { timeout: 150_000 },
  );
  const check = await page.evaluate(() => (window as unknown as { __computeCheck: any }).__computeCheck);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/backends.json', JSON.stringify(check, null, 2));
  expect(check.error).toBeUndefined();
  expect(check.probe.available).toContain('cpu');
  for (const r of check.results) {
    expect(r.error, `${r.backend}: ${r.error}`).toBeUndefined();
    expect(r.ran).toBe(r.backend);
    expect(r.axpyErr).toBeLessThan(ELEM_TOL);
    expect(r.epMaxErrMv.ms).toBeLessThan(EP_PARITY_MV_TOL);
    expect(r.epMaxErrMv.ap).toBeLessThan(EP_PARITY_MV_TOL);
    expect(r.epMaxErrMv.fk).toBeLessThan(EP_STIFF_MV_TOL);
    expect(r.epMaxErrMv.tnnp).toBeLessThan(EP_STIFF_MV_TOL);
    const ap = r.tnnpAp;
    expect(ap.peakMv).toBeGreaterThan(20);
    expect(ap.endMv).toBeLessThan(-80);
    expect(ap.rmsMv).toBeLessThan(AP_RMS_MV_TOL);
    expect(ap.maxMv).toBeLessThan(AP_MAX_MV_TOL);
    expect(Math.abs(ap.upRefMs - ap.upGpuMs)).toBeLessThanOrEqual(UPSTROKE_TOL_MS + 1e-9);
    const mech: { name: string; tol: number; relErr: number; ran?: string; error?: string }[] = r.mechanics;
    expect(mech.map((m) => m.name)).toHaveLength(MECH_CASES.length);
    for (const re of MECH_CASES)
      expect(
        mech.some((m) => re.test(m.name)),
        `${r.backend}: ${re}`,
      ).toBe(true);
    for (const m of mech) {
      const what = `${r.backend} ${m.name}`;
      expect(m.error, `${what}: ${m.error}`).toBeUndefined();
      if (m.ran !== undefined) expect(m.ran, what).toBe(r.backend);
      expect(m.tol, what).toBeLessThanOrEqual(MECH_TOL_CEILING);
      expect(Number.isFinite(m.relErr), what).toBe(true);
      expect(m.relErr, what).toBeLessThan(m.tol);
    }
  }
  if (/swiftshader/i.test(check.probe.renderer ?? '')) expect(check.probe.realGpu).toBe(false);
});
