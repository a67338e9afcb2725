// EP workflow in the built app (headless Chromium, SwiftShader, 1280x720): the phantom loads, a coarse EP run
// (Mitchell-Schaeffer, dx 3 mm) streams Vm frames onto the heart, the activation map (turbo colours + isochrones)
// replaces the anatomy colours with a legend in ms, and a probe pinned on the heart shows an action potential:
// upstroke of more than 60 mV above rest (model Vm in mV: rest −80, peak ≈ +20), a plateau, then decay.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { canvasColours } from './colors';

const SHOTS = 'test-results/screenshots';
/** Minimum AP amplitude above the resting value (mV). */
const MIN_AP_AMPLITUDE_MV = 60;
/** Canvas fraction of colormap hues (green–cyan–blue, absent from the anatomy palette) for "the map is shown". */
const MIN_COLORMAP_FRACTION = 0.01;
const COLORMAP_FAMILIES = /^hue(60|90|120|150|180|210)-/;

function colormapFraction(families: Record<string, number>): number {
  return Object.entries(families)
    .filter(([k]) => COLORMAP_FAMILIES.test(k))
    .reduce((s, [, f]) => s + f, 0);
}

async function waitForPhantom(page: Page): Promise<void> {
  await page.goto('/');
  await page.waitForFunction(() => Number(document.body.dataset.organsDrawn ?? 0) > 0, undefined, { timeout: 150_000 });
  await expect(page.locator('.task')).toHaveCount(0, { timeout: 60_000 });
}

test('EP run colours the heart, shows a legend and a probe action potential', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await waitForPhantom(page);
  mkdirSync(SHOTS, { recursive: true });
  const canvas = '.viewer-canvas canvas';
  const before = await canvasColours(page, canvas);

  const ep = page.getByRole('region', { name: 'cardiac electrophysiology' });
  await ep.getByLabel('dx', { exact: true }).fill('3');
  await ep.getByLabel('duration', { exact: true }).fill('450');
  // Stimulus and a short ablation line placed by clicking on the heart (fractions of the canvas, anterior view).
  const box = (await page.locator(canvas).boundingBox())!;
  const at = (fx: number, fy: number) => page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
  await ep.getByRole('button', { name: 'Place stimulus' }).click();
  await at(0.6, 0.6);
  await expect(ep.getByText(/^at -?\d+, -?\d+, -?\d+ mm$/)).toBeVisible();
  await ep.getByRole('button', { name: 'Draw lesion line' }).click();
  await at(0.46, 0.56);
  await at(0.5, 0.63);
  await ep.getByRole('button', { name: 'Finish lesion line' }).click();
  await expect(ep.getByText('2 points')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/ep-stimulus-lesion.png` });
  await ep.getByRole('button', { name: 'Run EP' }).click();
  await expect(page.locator('.task[data-task="ep"]')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.locator('.task[data-task="ep"]')).toHaveCount(0, { timeout: 150_000 });
  const summary = await page.evaluate(() => (window.__organTwin?.epSummary as () => { status: string; backend: string; activatedFraction: number; cells: number })());
  expect(summary.status).toBe('completed');
  expect(summary.activatedFraction).toBeGreaterThan(0.9);
  await expect(page.getByTestId('ep-backend')).toContainText('backend:');

  // Vm mid-beat: scrub to 60 ms, legend in mV.
  await page.getByLabel('time', { exact: true }).fill('60');
  await page.waitForTimeout(400);
  await expect(page.getByTestId('scalar-bar')).toContainText('mV');
  await page.screenshot({ path: `${SHOTS}/ep-vm-60ms.png` });

  // Activation map with isochrones, legend in ms, colormap hues appear.
  await page.getByRole('button', { name: 'Activation (ms)' }).click();
  await page.waitForTimeout(500);
  await expect(page.getByTestId('scalar-bar')).toContainText('ms');
  await page.screenshot({ path: `${SHOTS}/ep-activation.png` });
  const after = await canvasColours(page, canvas);
  writeFileSync(`${SHOTS}/ep-activation.colours.json`, JSON.stringify({ before, after }, null, 2));
  expect(colormapFraction(after.families)).toBeGreaterThan(colormapFraction(before.families) + MIN_COLORMAP_FRACTION);

  // Probe on the heart (centre of the view; the see-through lungs pass the click on), Vm(t) plotted.
  await page.getByRole('button', { name: 'Vm (mV)' }).click();
  await page.getByRole('button', { name: 'Pin probes' }).click();
  for (const [fx, fy] of [[0.5, 0.5], [0.52, 0.55], [0.47, 0.45], [0.55, 0.6]] as const) {
    await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
    await page.waitForTimeout(200);
    if ((await page.locator('.probe-list li').count()) > 0) break;
  }
  await expect(page.locator('.probe-list li')).toHaveCount(1);
  await expect(page.getByTestId('probe-plot')).toBeVisible();
  const series = await page.evaluate(() => (window.__organTwin?.probeSeries as (i: number) => { t: number[]; v: number[] })(0));
  writeFileSync(`${SHOTS}/ep-probe.json`, JSON.stringify(series));
  const v = series.v.filter((x) => Number.isFinite(x));
  expect(v.length).toBeGreaterThan(20);
  const rest = v[0]!;
  const peakIdx = v.indexOf(Math.max(...v));
  expect(v[peakIdx]! - rest).toBeGreaterThan(MIN_AP_AMPLITUDE_MV);
  // Plateau: still well depolarised 40 ms after the peak; decay: the last value is below the peak.
  const frameMs = series.t[1]! - series.t[0]!;
  const later = v[Math.min(v.length - 1, peakIdx + Math.round(40 / frameMs))]!;
  expect(later - rest).toBeGreaterThan(MIN_AP_AMPLITUDE_MV / 2);
  expect(v[v.length - 1]!).toBeLessThan(v[peakIdx]! - 5);
  await page.screenshot({ path: `${SHOTS}/ep-probe.png` });

  // Playback advances the time display; pause stops it.
  const shown = await page.getByTestId('timeline-time').innerText();
  await page.getByRole('button', { name: 'play' }).click();
  await expect(page.getByTestId('timeline-time')).not.toHaveText(shown, { timeout: 10_000 });
  await page.getByRole('button', { name: 'pause' }).click();

  // A time step above the model's limit is refused with a notice; the results on screen are kept.
  await ep.getByLabel('dt', { exact: true }).fill('0.2');
  await ep.getByRole('button', { name: 'Run EP' }).click();
  await expect(page.locator('.notice.error')).toContainText('EP:', { timeout: 30_000 });
  await expect(page.getByTestId('scalar-bar')).toContainText('Vm');
  await expect(page.locator('.probe-list li')).toHaveCount(1);
  expect(errors).toEqual([]);
});
