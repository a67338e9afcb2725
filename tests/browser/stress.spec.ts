// Stress workflow in the built app (headless Chromium, 1280x720): the vertebra axial-compression preset runs in
// the solver worker at a coarse element size, the vertebra turns into viridis von Mises colours with a legend in
// MPa, the principal-stress and displacement views switch, and the deformed shape can be shown. Screenshots kept.
import { expect, test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { canvasColours } from './colors';
import { expectScalarBarLaidOut } from './layout';

const SHOTS = 'test-results/screenshots';
/** Canvas fraction of viridis hues (blue–green–teal, absent from the anatomy palette). */
const MIN_COLORMAP_FRACTION = 0.002;
const VIRIDIS_FAMILIES = /^hue(60|90|120|150|180|210|240|270)-/;

function viridisFraction(families: Record<string, number>): number {
  return Object.entries(families)
    .filter(([k]) => VIRIDIS_FAMILIES.test(k))
    .reduce((s, [, f]) => s + f, 0);
}

test('vertebra compression shows von Mises colours with an MPa legend', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.waitForFunction(() => Number(document.body.dataset.organsDrawn ?? 0) > 0, undefined, { timeout: 150_000 });
  await expect(page.locator('.task')).toHaveCount(0, { timeout: 60_000 });
  mkdirSync(SHOTS, { recursive: true });
  // Look from behind so the spine is in front of the heart and lungs.
  await page.getByRole('button', { name: 'posterior', exact: true }).click();
  await page.waitForTimeout(300);
  const canvas = '.viewer-canvas canvas';
  const before = await canvasColours(page, canvas);

  const panel = page.getByRole('region', { name: 'stress analysis' });
  await panel.getByLabel('stress preset').selectOption('vertebra-compression');
  await panel.getByLabel('element size', { exact: true }).fill('3');
  await panel.getByRole('button', { name: 'Run stress' }).click();
  await expect(page.locator('.task[data-task="stress"]')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.locator('.task[data-task="stress"]')).toHaveCount(0, { timeout: 150_000 });
  const summary = await page.evaluate(() => (window.__organTwin?.stressSummary as () => { units: string; converged: boolean; elements: number; maxDispMm: number } | null)());
  expect(summary).not.toBeNull();
  expect(summary!.converged).toBe(true);
  expect(summary!.units).toBe('MPa');
  expect(summary!.maxDispMm).toBeGreaterThan(0);

  await expect(page.getByTestId('scalar-bar')).toContainText('von Mises');
  await expect(page.getByTestId('scalar-bar')).toContainText('MPa');
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${SHOTS}/stress-vonmises.png` });
  await expectScalarBarLaidOut(page); // robust range: min ≈ 0.01665 MPa must show whole
  const after = await canvasColours(page, canvas);
  writeFileSync(`${SHOTS}/stress-vonmises.colours.json`, JSON.stringify({ before, after, summary }, null, 2));
  expect(viridisFraction(after.families)).toBeGreaterThan(viridisFraction(before.families) + MIN_COLORMAP_FRACTION);

  // A probe on the loaded vertebra lists its von Mises value; hovering it reads the value out in MPa.
  const box = (await page.locator(canvas).boundingBox())!;
  await page.getByRole('button', { name: 'Pin probes' }).click();
  let at = { x: 0, y: 0 };
  for (const [fx, fy] of [[0.5, 0.5], [0.47, 0.5], [0.53, 0.5], [0.5, 0.47], [0.5, 0.53], [0.44, 0.5], [0.56, 0.5]] as const) {
    at = { x: box.x + box.width * fx, y: box.y + box.height * fy };
    await page.mouse.click(at.x, at.y);
    await page.waitForTimeout(200);
    if ((await page.locator('.probe-value').count()) > 0) break;
    for (const b of await page.getByRole('button', { name: /^remove probe/ }).all()) await b.click();
  }
  await page.getByRole('button', { name: 'Click on the organ… (done)' }).click();
  await expect(page.locator('.probe-value')).toHaveText(/^\d+(\.\d+)?(e-\d+)? MPa$/);
  await page.mouse.move(at.x, at.y);
  await expect(page.getByTestId('hover-readout')).toContainText(/von Mises \d+(\.\d+)?(e-\d+)? MPa/);
  await page.screenshot({ path: `${SHOTS}/stress-probe.png` });

  await panel.getByRole('button', { name: 'max principal' }).click();
  await expect(page.getByTestId('scalar-bar')).toContainText('max principal');
  await panel.getByRole('button', { name: 'displacement' }).click();
  await expect(page.getByTestId('scalar-bar')).toContainText('mm');
  await panel.getByRole('checkbox', { name: /^deformed/ }).check();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${SHOTS}/stress-displacement-deformed.png` });
  expect(errors).toEqual([]);
});

test('ventricle cavity pressure shows von Mises in kPa on the myocardium', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.waitForFunction(() => Number(document.body.dataset.organsDrawn ?? 0) > 0, undefined, { timeout: 150_000 });
  await expect(page.locator('.task')).toHaveCount(0, { timeout: 60_000 });
  mkdirSync(SHOTS, { recursive: true });
  const panel = page.getByRole('region', { name: 'stress analysis' });
  await panel.getByLabel('stress preset').selectOption('ventricle-pressure');
  await expect(panel.getByLabel('stress organ')).toContainText('heart_myocardium');
  await panel.getByLabel('element size', { exact: true }).fill('4');
  await panel.getByRole('button', { name: 'Run stress' }).click();
  await expect(page.locator('.task[data-task="stress"]')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.locator('.task[data-task="stress"]')).toHaveCount(0, { timeout: 150_000 });
  const summary = await page.evaluate(() => (window.__organTwin?.stressSummary as () => { units: string; converged: boolean } | null)());
  expect(summary?.converged).toBe(true);
  expect(summary?.units).toBe('kPa');
  await expect(page.getByTestId('scalar-bar')).toContainText('kPa');
  await panel.getByRole('checkbox', { name: /^deformed/ }).check();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${SHOTS}/stress-ventricle.png` });
  expect(errors).toEqual([]);
});
