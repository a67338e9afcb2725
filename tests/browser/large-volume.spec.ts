// Large volumes in the browser: a synthetic 512x512x512 int16 CT (256 MB, uncompressed NIfTI written into
// test-results/ by the test, never committed) is opened through the file input, a bone threshold surface is
// reconstructed and drawn without the tab crashing; the page's memory (measureUserAgentSpecificMemory, which
// includes workers, else the JS heap) is recorded in test-results/large-volume/memory.json. A volume over the
// memory budget (DEFAULT_BUDGET_BYTES) is refused with a message saying what to change, and the scene stays.
import { expect, test, type Page } from '@playwright/test';
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { DEFAULT_BUDGET_BYTES } from '../../src/volume/budget';
import { waitForScene } from './sessionHelpers';

const OUT = 'test-results/large-volume';
const N = 512;
const SPACING_MM = 0.7;
const BALL_RADIUS_VOX = 110;

/** NIfTI-1 header (352 bytes incl. extension flag) for an int16 volume with an sform of diag(spacing). */
function niftiHeader(dims: [number, number, number], spacing: number): Buffer {
  const h = Buffer.alloc(352);
  h.writeInt32LE(348, 0);
  [3, dims[0], dims[1], dims[2], 1, 1, 1, 1].forEach((d, t) => h.writeInt16LE(d, 40 + 2 * t));
  h.writeInt16LE(4, 70); // int16
  h.writeInt16LE(16, 72);
  [1, spacing, spacing, spacing, 1, 1, 1, 1].forEach((p, t) => h.writeFloatLE(p, 76 + 4 * t));
  h.writeFloatLE(352, 108); // vox_offset
  h.writeFloatLE(1, 112); // scl_slope
  h[123] = 2 | 8;
  h.writeInt16LE(1, 254); // sform_code
  const srow = [spacing, 0, 0, 0, 0, spacing, 0, 0, 0, 0, spacing, 0];
  srow.forEach((v, t) => h.writeFloatLE(v, 280 + 4 * t));
  Buffer.from('n+1\0', 'latin1').copy(h, 344);
  return h;
}

/** Writes the 512^3 phantom slab by slab: air (-1000 HU) with a 700 HU ball, so Node never holds 256 MB. */
function writeLargeCt(path: string): number {
  const fd = openSync(path, 'w');
  writeSync(fd, niftiHeader([N, N, N], SPACING_MM));
  const slab = new Int16Array(N * N);
  const c = N / 2;
  for (let k = 0; k < N; k++) {
    slab.fill(-1000);
    const dz = k - c;
    for (let j = 0; j < N; j++) {
      const dy = j - c;
      const r2 = BALL_RADIUS_VOX ** 2 - dz * dz - dy * dy;
      if (r2 <= 0) continue;
      const half = Math.sqrt(r2);
      for (let i = Math.ceil(c - half); i <= Math.floor(c + half); i++) slab[i + N * j] = 700;
    }
    writeSync(fd, new Uint8Array(slab.buffer));
  }
  closeSync(fd);
  return 352 + N * N * N * 2;
}

async function pageMemory(page: Page, stage: string): Promise<Record<string, unknown>> {
  return page.evaluate(async (s) => {
    const perf = performance as any;
    let uaBytes: number | undefined;
    if (typeof perf.measureUserAgentSpecificMemory === 'function' && crossOriginIsolated) {
      const r = await Promise.race([
        perf.measureUserAgentSpecificMemory(),
        new Promise((res) => setTimeout(() => res(undefined), 30_000)),
      ]);
      uaBytes = (r as { bytes?: number } | undefined)?.bytes;
    }
    return {
      stage: s,
      uaSpecificBytes: uaBytes,
      jsHeapUsed: perf.memory?.usedJSHeapSize,
      jsHeapTotal: perf.memory?.totalJSHeapSize,
    };
  }, stage);
}

test('512^3 int16 CT (256 MB) opens, reconstructs and renders; memory recorded', async ({ page }) => {
  test.setTimeout(900_000);
  mkdirSync(OUT, { recursive: true });
  const file = `${OUT}/large-512.nii`;
  const bytes = writeLargeCt(file);
  page.on('close', () => rmSync(file, { force: true }));
  expect(bytes).toBe(352 + 256 * 2 ** 20);
  let crashed = false;
  page.on('crash', () => (crashed = true));
  await page.goto('/');
  await waitForScene(page);
  const memory = [await pageMemory(page, 'phantom loaded')];
  const t0 = Date.now();
  await page.getByTestId('open-files').setInputFiles(file);
  const dialog = page.getByRole('dialog');
  // A ball in air: no body and no lungs, so only the HU bone threshold applies.
  await dialog.getByRole('checkbox', { name: /segment lungs/ }).uncheck({ timeout: 300_000 });
  await dialog.getByRole('checkbox', { name: /segment bone/ }).check();
  const tRead = Date.now() - t0;
  await dialog.getByRole('button', { name: /^Reconstruct \d+ organs?$/ }).click();
  // Either the new scene or an error notice; fail fast on the latter.
  await expect(
    page.locator('.source').getByText('large-512.nii').or(page.locator('.notice.error')),
  ).toBeVisible({
    timeout: 600_000,
  });
  await expect(page.locator('.notice.error')).toHaveCount(0);
  await page.waitForFunction(() => document.querySelectorAll('.task').length === 0, undefined, {
    timeout: 120_000,
  });
  const tTotal = Date.now() - t0;
  await page.waitForTimeout(1000);
  await page.screenshot({ path: `${OUT}/large-512.png` });
  memory.push(await pageMemory(page, 'after reconstruct'));
  const state = await page.evaluate(() => (window as any).__organTwin.appState());
  writeFileSync(
    `${OUT}/memory.json`,
    JSON.stringify(
      {
        volumeBytes: bytes,
        readMs: tRead,
        totalMs: tTotal,
        organs: state.organs.map((o: any) => ({
          name: o.name,
          triangles: o.triangles,
          volumeMl: o.volumeMl,
        })),
        memory,
      },
      null,
      2,
    ),
  );
  expect(crashed).toBe(false);
  expect(state.organs.length).toBeGreaterThan(0);
  // The ball: 4/3·π·(110·0.7 mm)^3 = 1912 ml; the reconstructed surface encloses it within a few percent.
  const ballMl = ((4 / 3) * Math.PI * (BALL_RADIUS_VOX * SPACING_MM) ** 3) / 1000;
  const got = state.organs.reduce((s: number, o: any) => s + (o.volumeMl ?? 0), 0);
  expect(Math.abs(got - ballMl) / ballMl).toBeLessThan(0.05);
  expect(Number(await page.evaluate(() => document.body.dataset.organsDrawn))).toBeGreaterThan(0);
});

test('a volume over the memory budget is refused with what to change; the scene stays', async ({ page }) => {
  mkdirSync(OUT, { recursive: true });
  // Header only: dims whose int16 data exceed the budget (the reader must refuse before allocating).
  const side = Math.ceil(Math.cbrt(DEFAULT_BUDGET_BYTES / 2) * 1.1);
  const file = `${OUT}/over-budget.nii`;
  writeFileSync(file, niftiHeader([side, side, side], 0.5));
  await page.goto('/');
  await waitForScene(page);
  const before = await page.evaluate(() => (window as any).__organTwin.appState());
  await page.getByTestId('open-files').setInputFiles(file);
  const notice = page.locator('.notice.error');
  await expect(notice).toContainText('over-budget.nii');
  await expect(notice).toContainText(/over the 1\.5 GB budget/);
  await expect(notice).toContainText(/crop or downsample/);
  const after = await page.evaluate(() => (window as any).__organTwin.appState());
  expect(after.sourceName).toBe(before.sourceName);
  expect(after.organs.map((o: any) => o.id)).toEqual(before.organs.map((o: any) => o.id));
  expect(Number(await page.evaluate(() => document.body.dataset.organsDrawn))).toBeGreaterThan(0);
});
