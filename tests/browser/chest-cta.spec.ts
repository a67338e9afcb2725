// The whole viewer chain on the patient's scan (real chest CTA from ../shared/data, opened through the file
// chooser, headless Chromium 1280x720): CT + whole-heart label -> split into myocardium and blood pool (volumes
// add up to the label, blood fraction as the Otsu split) -> organs drawn -> EP on the myocardium -> activation
// colours with a legend in ms -> a probe on the heart plots an action potential (upstroke, plateau, decay) -> a
// coronal clipping plane cuts the heart -> the slice view shows the CT with the label overlay -> session saved,
// page reloaded, scan re-opened, session reopened -> the same camera and the same probe (organ, vertex, RAS mm),
// which plots again after a re-run.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { canvasColours, colormapFraction, viewCentre } from './colors';
import { apShape, pinProbeAt, probeSeries } from './epProbe';
import { camera, cameraError, CAMERA_REL_TOL, expectCamera, orbit, waitForScene } from './sessionHelpers';
import { changedFraction, greyStats, slicePixels } from './sliceHelpers';

const DATA = '../shared/data/chest-cta';
const OUT = 'test-results/chest-cta';
/** Mitchell-Schaeffer Vm in mV (rest -80, peak ~+20): the upstroke must clear this above rest. */
const MIN_AP_AMPLITUDE_MV = 60;
/** MS action potential duration ~300 ms at these parameters: 40 ms after the peak it is still above half-height. */
const PLATEAU_MS = 40;
/** The run ends with Vm below the peak by at least this much (repolarisation has begun). */
const MIN_DECAY_MV = 5;
/** 600 ms at dx 2 mm activates the whole chest-CTA myocardium from the apex (p99 ~526 ms; README EP table). */
const EP_DURATION_MS = '600';
/** Share of activated myocardium cells the run must reach. */
const MIN_ACTIVATED = 0.95;
/** Canvas fraction of colormap hues (colors.ts colormapFraction) for "the map is shown". */
const MIN_COLORMAP_FRACTION = 0.01;
/** Share of pixels in the view centre that a plane through the heart must change. */
const MIN_CLIP_CHANGED = 0.1;
/** Summed |dRGB| (0..765) above which a pixel counts as changed. */
const PIXEL_DELTA = 40;
/** CT soft-tissue window on a chest slice: clearly structured grey (std of the grey level, 0..255). */
const MIN_CT_STD = 20;
/** Label overlay: saturated (coloured) pixels on an axial slice through the heart, fraction of the slice. */
const MIN_OVERLAY_FRACTION = 0.01;
/** Same probe vertex, same run on the same backend: the re-run reproduces the series (mV). */
const PROBE_REPRO_TOL_MV = 0.01;
/** TotalSegmentator heart label ~669 ml (README); the two smoothed surfaces together stay within 15 % of it. */
const HEART_ML = 669;
const HEART_ML_TOL = 0.15;
/** Otsu split of the contrast CTA heart label: blood pool 68.9 % of the label (tests/unit/segment); the smoothed
 *  surface pair keeps the blood fraction within this band. */
const BLOOD_FRACTION_BAND: [number, number] = [0.55, 0.8];
/** Candidate probe points on the heart in the anterior view (fractions of the canvas). */
const HEART_POINTS = [
  [0.5, 0.5],
  [0.52, 0.55],
  [0.47, 0.45],
  [0.55, 0.6],
  [0.45, 0.55],
] as const;

const epPanel = (page: Page) => page.getByRole('region', { name: 'cardiac electrophysiology' });

async function openChestCta(page: Page): Promise<void> {
  await page.getByTestId('open-files').setInputFiles([`${DATA}/ct.nii.gz`, `${DATA}/heart.nii.gz`]);
  const dialog = page.getByRole('dialog', { name: 'Choose organs' });
  await expect(dialog).toBeVisible({ timeout: 60_000 });
  await dialog.getByRole('checkbox', { name: 'split heart into myocardium and blood pool' }).check();
  await dialog.getByRole('button', { name: /^Reconstruct/ }).click();
  await expect(page.locator('.source')).toHaveText(/ct\.nii\.gz/, { timeout: 150_000 });
  await expect(page.locator('.task')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.locator('.organ-list')).toContainText('heart_myocardium');
  await page.waitForTimeout(800);
}

async function runEp(page: Page): Promise<{ status: string; activatedFraction: number }> {
  await epPanel(page).getByRole('button', { name: 'Run EP' }).click();
  await expect(page.locator('.task[data-task="ep"]')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.locator('.task[data-task="ep"]')).toHaveCount(0, { timeout: 300_000 });
  return page.evaluate(() => (window as any).__organTwin.epSummary());
}

async function sessionProbes(page: Page): Promise<Array<{ organ: string; vertex: number; ras: number[] }>> {
  return page.evaluate(() => (window as any).__organTwin.session.capture().slices.fields?.probes ?? []);
}

test('chest CTA: EP, activation legend, probe AP, clipping, slices with labels, session round trip', async ({ page }) => {
  test.setTimeout(900_000);
  mkdirSync(OUT, { recursive: true });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await waitForScene(page);
  await openChestCta(page);
  const list = page.locator('.organ-list');
  await expect(list).toContainText('heart_blood_pool');
  // the two parts replace the whole-heart surface and add up to the label's volume
  await expect(list.locator('li', { hasText: /^heart\s/ })).toHaveCount(0);
  const mlOf = async (name: string) => Number(/([\d.]+) ml/.exec(await list.locator('li', { hasText: name }).first().innerText())?.[1]);
  const myo = await mlOf('heart_myocardium');
  const blood = await mlOf('heart_blood_pool');
  expect(Math.abs(myo + blood - HEART_ML) / HEART_ML).toBeLessThan(HEART_ML_TOL);
  expect(blood / (myo + blood)).toBeGreaterThan(BLOOD_FRACTION_BAND[0]);
  expect(blood / (myo + blood)).toBeLessThan(BLOOD_FRACTION_BAND[1]);
  await page.screenshot({ path: `${OUT}/1-organs.png` });
  const anatomy = await canvasColours(page, '.viewer-canvas canvas');

  // EP on the myocardium label (default stimulus at the apex).
  await epPanel(page).getByLabel('dx', { exact: true }).fill('2');
  await epPanel(page).getByLabel('duration', { exact: true }).fill(EP_DURATION_MS);
  const summary = await runEp(page);
  expect(summary.status).toBe('completed');
  expect(summary.activatedFraction).toBeGreaterThan(MIN_ACTIVATED);

  // Activation map: colormap hues on the heart, legend in ms.
  await page.getByRole('button', { name: 'Activation (ms)' }).click();
  await page.waitForTimeout(600);
  await expect(page.getByTestId('scalar-bar')).toContainText('activation');
  await expect(page.getByTestId('scalar-bar')).toContainText('ms');
  const act = await canvasColours(page, '.viewer-canvas canvas');
  await page.screenshot({ path: `${OUT}/2-activation.png` });
  expect(colormapFraction(act.families)).toBeGreaterThan(colormapFraction(anatomy.families) + MIN_COLORMAP_FRACTION);
  const hi = Number(await page.getByLabel('range max').inputValue());
  expect(hi).toBeGreaterThan(50); // a whole-heart activation spans hundreds of ms (README: p99 ~526 ms)

  // Probe on the heart: Vm(t) is an action potential.
  await page.getByRole('button', { name: 'Vm (mV)' }).click();
  await page.getByRole('button', { name: 'Pin probes' }).click();
  await pinProbeAt(page, HEART_POINTS, 1);
  await page.getByRole('button', { name: 'Click on the organ… (done)' }).click();
  await expect(page.getByTestId('probe-plot')).toBeVisible();
  const series = await probeSeries(page, 0);
  const ap = apShape(series, PLATEAU_MS);
  expect(ap.peak - ap.rest).toBeGreaterThan(MIN_AP_AMPLITUDE_MV);
  expect(ap.plateau - ap.rest).toBeGreaterThan(MIN_AP_AMPLITUDE_MV / 2);
  expect(ap.last).toBeLessThan(ap.peak - MIN_DECAY_MV);
  const [probe] = await sessionProbes(page);
  // the myocardium or the blood-pool surface inside it (sampled from the same grid: the endocardial Vm)
  expect(probe?.organ).toMatch(/^heart_(myocardium|blood_pool)$/);
  await page.screenshot({ path: `${OUT}/3-probe.png` });

  // Clipping: a coronal plane through the scene centre cuts the heart (capped cross-section).
  const before = await viewCentre(page);
  await page.getByRole('button', { name: '+ coronal' }).click();
  await page.waitForTimeout(700);
  const clipped = await viewCentre(page);
  await page.screenshot({ path: `${OUT}/4-clipped.png` });
  expect(changedFraction(before, clipped, PIXEL_DELTA)).toBeGreaterThan(MIN_CLIP_CHANGED);

  // Slices: the axial slice through the heart shows the CT (structured grey) and the label overlay colours.
  await page.getByRole('button', { name: 'Activation (ms)' }).click();
  await page.getByLabel('slices', { exact: true }).check();
  await page.waitForFunction(
    () => ((document.querySelector('[aria-label="axial slice"]') as HTMLCanvasElement | null)?.width ?? 0) > 10,
  );
  await page.getByLabel('field overlay opacity').fill('0'); // the label overlay alone
  await page.waitForTimeout(700);
  const axial = await slicePixels(page, 'axial');
  expect(greyStats(axial.px).std).toBeGreaterThan(MIN_CT_STD);
  let coloured = 0;
  for (let i = 0; i < axial.px.length; i += 4) {
    const c = [axial.px[i]!, axial.px[i + 1]!, axial.px[i + 2]!];
    if (Math.max(...c) - Math.min(...c) > 30) coloured++;
  }
  expect(coloured / (axial.px.length / 4)).toBeGreaterThan(MIN_OVERLAY_FRACTION);
  await page.screenshot({ path: `${OUT}/5-slices.png` });
  await page.getByLabel('field overlay opacity').fill('1');

  // Session: change the camera, save, forget the autosave, reload, re-open the scan, reopen the session.
  await page.getByLabel('slices', { exact: true }).uncheck();
  await orbit(page, 110, -50);
  await page.waitForTimeout(400);
  const cam = await camera(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save session' }).click(),
  ]);
  const file = `${OUT}/chest-cta.otwin.json`;
  await download.saveAs(file);
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  expect(saved.sources.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['ct.nii.gz', 'heart.nii.gz']));
  expect(JSON.stringify(saved)).not.toMatch(/"data"|base64/); // view state only, no voxels
  await page.getByRole('button', { name: 'Clear saved' }).click();
  await page.reload();
  await waitForScene(page);
  await expect(page.locator('.probe-list li')).toHaveCount(0);
  await openChestCta(page);
  expect(cameraError(await camera(page), cam)).toBeGreaterThan(100 * CAMERA_REL_TOL);
  await page.getByTestId('session-file-input').setInputFiles(file);
  await expectCamera(page, cam);
  await expect(page.locator('.probe-list li')).toHaveCount(1);
  await expect.poll(() => sessionProbes(page)).toEqual([probe]);
  await expect.poll(() => page.evaluate(() => (window as any).__organTwin.session.capture().slices.tools?.clipPlanes?.length ?? 0)).toBe(1);
  await expect(epPanel(page).getByLabel('duration', { exact: true })).toHaveValue(EP_DURATION_MS);
  await page.screenshot({ path: `${OUT}/6-reopened.png` });

  // The restored probe plots the same action potential after a re-run with the restored parameters.
  expect((await runEp(page)).status).toBe('completed');
  await expect(page.getByTestId('probe-plot')).toBeVisible();
  const again = await probeSeries(page, 0);
  expect(again.t).toEqual(series.t);
  expect(Math.max(...again.v.map((v, i) => Math.abs(v - series.v[i]!)))).toBeLessThan(PROBE_REPRO_TOL_MV);
  expect(errors).toEqual([]);
});
