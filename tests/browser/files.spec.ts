// Opening the patient's scan through the file chooser: chest CT + heart + aorta label maps (heart on a larger
// grid, resampled through the affines) -> label dialog -> reconstruction -> the scan's organs replace the
// phantom and the heart is drawn; EP on that unsplit heart runs on heart minus the contrast blood pool. A
// truncated copy of the CT gives a notice naming the file and the organs already shown stay listed. Data from
// ../shared/data (never copied into the repo).
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { canvasColours } from './colors';

const DATA = '../shared/data/chest-cta';
/** A heart family must cover at least this fraction of the canvas (it fills a good part of the view). */
const MIN_HEART_FRACTION = 0.02;
/** TotalSegmentator heart ~669 ml (README); a smoothed surface stays within this fraction of it. */
const HEART_ML = 669;
const HEART_ML_TOL = 0.15;

async function phantomReady(page: Page) {
  await page.goto('/');
  await page.waitForFunction(() => Number(document.body.dataset.organsDrawn ?? 0) > 0, undefined, {
    timeout: 150_000,
  });
  await expect(page.locator('.task')).toHaveCount(0, { timeout: 60_000 });
}

test('a chest CT with heart and aorta label maps replaces the phantom', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await phantomReady(page);
  await expect(page.locator('.organ-list')).toContainText('heart_myocardium');

  await page
    .getByTestId('open-files')
    .setInputFiles([`${DATA}/ct.nii.gz`, `${DATA}/heart.nii.gz`, `${DATA}/aorta.nii.gz`]);
  const dialog = page.getByRole('dialog', { name: 'Choose organs' });
  await expect(dialog).toBeVisible({ timeout: 60_000 });
  await expect(dialog).toContainText('heart');
  await expect(dialog).toContainText('aorta');
  await expect(dialog.getByRole('checkbox', { name: 'reconstruct heart' })).toBeChecked();
  await dialog.getByRole('checkbox', { name: 'reconstruct aorta' }).check();
  // decimation defaults to half the triangles (surfaces stay closed, volume within 1 %: the heart ml check below)
  await expect(dialog.getByRole('combobox', { name: 'decimation' })).toHaveValue('0.5');
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: 'test-results/screenshots/files-dialog.png' });
  await dialog.getByRole('button', { name: /^Reconstruct/ }).click();

  await expect(page.locator('.source')).toHaveText(/ct\.nii\.gz/, { timeout: 150_000 });
  await expect(page.locator('.task')).toHaveCount(0, { timeout: 60_000 });
  const list = page.locator('.organ-list');
  await expect(list).toContainText('heart');
  await expect(list).toContainText('aorta');
  await expect(list).not.toContainText('heart_myocardium');
  const heartRow = list.locator('li', { hasText: /^heart/ }).first();
  const ml = Number(/([\d.]+) ml/.exec(await heartRow.innerText())?.[1]);
  expect(Math.abs(ml - HEART_ML) / HEART_ML).toBeLessThan(HEART_ML_TOL);
  await page.waitForTimeout(800);
  await page.screenshot({ path: 'test-results/screenshots/files-chest-cta.png' });
  const stats = await canvasColours(page, '.viewer-canvas canvas');
  writeFileSync('test-results/screenshots/files-chest-cta.colours.json', JSON.stringify(stats, null, 2));
  const red = Object.entries(stats.families)
    .filter(([k]) => /^hue(0|330)/.test(k))
    .reduce((s, [, f]) => s + f, 0);
  expect(red).toBeGreaterThan(MIN_HEART_FRACTION);

  // EP on the unsplit heart: the worker takes heart minus the contrast blood pool as tissue (as the CLI does) and
  // says so next to the backend; a short run is enough to see the domain.
  const ep = page.getByRole('region', { name: 'cardiac electrophysiology' });
  await ep.getByLabel('duration', { exact: true }).fill('60');
  await ep.getByRole('button', { name: 'Run EP' }).click();
  await expect(page.locator('.task[data-task="ep"]')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.locator('.task[data-task="ep"]')).toHaveCount(0, { timeout: 120_000 });
  await expect(page.getByTestId('ep-backend')).toContainText(/myocardium = 'heart' minus the contrast blood pool \(Otsu \d+ HU\) and fat: \d+ ml/);

  // A truncated copy of the CT: a notice names the file, the scan's organs stay.
  const bytes = readFileSync(`${DATA}/ct.nii.gz`);
  mkdirSync('test-results/tmp', { recursive: true });
  writeFileSync('test-results/tmp/truncated-ct.nii.gz', bytes.subarray(0, Math.floor(bytes.length / 3)));
  await page.getByTestId('open-files').setInputFiles('test-results/tmp/truncated-ct.nii.gz');
  const alert = page.getByRole('alert').filter({ hasText: 'truncated-ct.nii.gz' });
  await expect(alert).toBeVisible({ timeout: 60_000 });
  await expect(alert).toContainText('previous scene is unchanged');
  await expect(list).toContainText('heart');
  await expect(list).toContainText('aorta');
  await page.screenshot({ path: 'test-results/screenshots/files-corrupt-notice.png' });
  await alert.getByRole('button', { name: 'dismiss' }).click();
  await expect(alert).toHaveCount(0);
  expect(errors).toEqual([]);
});

// The myocardium / blood-pool split of the same heart label is checked in chest-cta.spec.ts (whole chain).

test('an STL mesh is added next to the current organs', async ({ page }) => {
  await phantomReady(page);
  const tri = (a: number[], b: number[], c: number[]) =>
    `facet normal 0 0 0\nouter loop\nvertex ${a.join(' ')}\nvertex ${b.join(' ')}\nvertex ${c.join(' ')}\nendloop\nendfacet\n`;
  const p = [
    [0, 0, 0],
    [30, 0, 0],
    [0, 30, 0],
    [0, 0, 30],
  ];
  const stl = `solid implant\n${tri(p[0]!, p[2]!, p[1]!)}${tri(p[0]!, p[1]!, p[3]!)}${tri(p[0]!, p[3]!, p[2]!)}${tri(p[1]!, p[2]!, p[3]!)}endsolid implant\n`;
  mkdirSync('test-results/tmp', { recursive: true });
  writeFileSync('test-results/tmp/implant.stl', stl);
  await page.getByTestId('open-files').setInputFiles('test-results/tmp/implant.stl');
  const list = page.locator('.organ-list');
  await expect(list.locator('li')).toContainText(['implant'], { timeout: 30_000 });
  await expect(list).toContainText('heart_myocardium');
});
