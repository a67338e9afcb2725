// Stress panel in the built app (headless Chromium, 1280x720):
// - phantom vertebra compression: the result line shows the fracture-risk indicator (percent of bone above the
//   0.77 % / 0.70 % yield strains, Morgan & Keaveny 2001) and the material law; strain and strain-energy views
//   have legends in % and kJ/m³;
// - lumbar CT + seg-vert + seg-subreg (../shared/data): the sub-region map reaches the solver (cortical shell on
//   the L3 rim in the material line) and the HU→E law picked in the panel is used (femoral neck: stiffer);
// - picked regions: a picked loaded region drives the flexion moment (the run says so); on the lung a loaded
//   pick without a fixed pick is refused in the panel. Units: N, N·m, mm, %, kJ/m³.
import { existsSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

const LUMBAR = '../shared/data/lumbar-ct';
type Summary = { materialNote: string; maxDispMm: number; description: string; converged: boolean };
const summaryOf = (page: Page) =>
  page.evaluate(() => (window.__organTwin?.stressSummary as () => Summary | null)());

async function phantomReady(page: Page) {
  await page.goto('/');
  await page.waitForFunction(() => Number(document.body.dataset.organsDrawn ?? 0) > 0, undefined, {
    timeout: 150_000,
  });
  await expect(page.locator('.task')).toHaveCount(0, { timeout: 60_000 });
}

async function runStress(page: Page) {
  const panel = page.getByRole('region', { name: 'stress analysis' });
  await panel.getByRole('button', { name: 'Run stress' }).click();
  await expect(page.locator('.task[data-task="stress"]')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.locator('.task[data-task="stress"]')).toHaveCount(0, { timeout: 150_000 });
  return panel;
}

test('vertebra compression: fracture risk in the result line, strain and SED views with units', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await phantomReady(page);
  const panel = page.getByRole('region', { name: 'stress analysis' });
  await panel.getByLabel('stress preset').selectOption('vertebra-compression');
  await panel.getByLabel('element size', { exact: true }).fill('3');
  await runStress(page);
  const summary = await page.evaluate(() =>
    (window.__organTwin?.stressSummary as () => { fractureRisk?: { fractionAboveYield: number } } | null)(),
  );
  const f = summary?.fractureRisk?.fractionAboveYield;
  expect(f).toBeGreaterThanOrEqual(0);
  expect(f).toBeLessThanOrEqual(1);
  await expect(page.getByTestId('stress-fracture-risk')).toContainText(
    /% of bone above yield strain \(0\.77 % compressive/,
  );
  await expect(page.getByTestId('stress-material')).toContainText('4730');
  for (const [view, unit] of [
    ['principal strain ε3', '%'],
    ['principal strain ε1', '%'],
    ['strain energy density', 'kJ/m³'],
  ] as const) {
    await panel.getByRole('button', { name: view, exact: true }).click();
    await expect(page.getByTestId('scalar-bar')).toContainText(view);
    await expect(page.getByTestId('scalar-bar')).toContainText(unit);
  }
  expect(errors).toEqual([]);
});

/** Clicks around the canvas centre until the pick lands on an organ (the region's radius field appears). */
async function pickOnCanvas(page: Page, button: string) {
  const panel = page.getByRole('region', { name: 'stress analysis' });
  const box = (await page.locator('.viewer-canvas canvas').boundingBox())!;
  for (const [fx, fy] of [
    [0.5, 0.5],
    [0.47, 0.5],
    [0.53, 0.5],
    [0.5, 0.45],
    [0.5, 0.55],
    [0.4, 0.5],
    [0.6, 0.5],
  ] as const) {
    await panel.getByRole('button', { name: button }).click();
    await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
    await page.waitForTimeout(200);
    if ((await panel.getByLabel('r', { exact: true }).count()) > 0) return;
  }
  throw new Error(`no organ under the canvas centre for '${button}'`);
}

test('picked loaded region: drives the flexion moment; on the lung it needs a fixed region', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await phantomReady(page);
  await page.getByRole('button', { name: 'posterior', exact: true }).click(); // spine in front
  await page.waitForTimeout(300);
  const panel = page.getByRole('region', { name: 'stress analysis' });
  await panel.getByLabel('stress preset').selectOption('vertebra-flexion');
  await panel.getByLabel('element size', { exact: true }).fill('3');
  await pickOnCanvas(page, 'Pick loaded region');
  await expect(page.getByTestId('stress-pick-note')).toContainText(
    'flexion moment acts on the picked loaded region',
  );
  await runStress(page);
  const s = await summaryOf(page);
  expect(s?.converged).toBe(true);
  expect(s?.description).toMatch(
    /flexion moment 5 N·m \(the flexion moment acts on the picked loaded region/,
  );

  await panel.getByLabel('stress preset').selectOption('lung-inflation'); // clears the picks
  await expect(page.getByTestId('stress-pick-note')).toHaveCount(0);
  await pickOnCanvas(page, 'Pick loaded region');
  await expect(page.getByTestId('stress-pick-note')).toContainText('needs a fixed region too');
  await expect(panel.getByRole('button', { name: 'Run stress' })).toBeDisabled();
  expect(errors).toEqual([]);
});

test('lumbar CT with seg-subreg: cortical shell on the L3 rim, HU→E law from the panel', async ({ page }) => {
  test.skip(!existsSync(`${LUMBAR}/seg-subreg.nii.gz`), 'needs ../shared/data/lumbar-ct');
  test.setTimeout(300_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await phantomReady(page);
  await page
    .getByTestId('open-files')
    .setInputFiles([`${LUMBAR}/ct.nii.gz`, `${LUMBAR}/seg-vert.nii.gz`, `${LUMBAR}/seg-subreg.nii.gz`]);
  const dialog = page.getByRole('dialog', { name: 'Choose organs' });
  await expect(dialog).toBeVisible({ timeout: 60_000 });
  await dialog.getByRole('button', { name: /^Reconstruct/ }).click();
  await expect(page.locator('.source')).toHaveText(/ct\.nii\.gz/, { timeout: 150_000 });
  await expect(page.locator('.task')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.locator('.organ-list')).toContainText('L3');
  const panel = page.getByRole('region', { name: 'stress analysis' });
  await panel.getByLabel('stress preset').selectOption('vertebra-compression');
  await expect(panel.getByLabel('stress organ')).toContainText('L3');
  await panel.getByLabel('stress organ').selectOption({ label: 'L3' });
  await panel.getByLabel('element size', { exact: true }).fill('3');
  await runStress(page);
  const vert = (await summaryOf(page))!;
  expect(vert.converged).toBe(true);
  expect(vert.materialNote).toMatch(/4730·ρ_app\^1\.56/);
  expect(vert.materialNote).toMatch(/cortical shell 0\.35 mm, E = 12000 MPa, on \d+ mm² of rim surface/);
  await expect(page.getByTestId('stress-material')).toContainText('cortical shell');

  await panel.getByLabel('HU to E law').selectOption('femoral-neck');
  await runStress(page);
  const neck = (await summaryOf(page))!;
  expect(neck.materialNote).toMatch(/6850·ρ_app\^1\.49/);
  // 6850·ρ^1.49 > 4730·ρ^1.56 for every ρ_app < 196 g/cm³: the femoral-neck law is stiffer everywhere
  expect(neck.maxDispMm).toBeLessThan(vert.maxDispMm);
  expect(errors).toEqual([]);
});
