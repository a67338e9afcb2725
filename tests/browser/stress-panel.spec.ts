// Stress panel outputs in the built app (headless Chromium, 1280x720, the phantom): after a vertebra axial
// compression run the result line shows the fracture-risk indicator (percent of bone above the 0.77 % / 0.70 %
// yield strains, Morgan & Keaveny 2001) and the material law, and the strain and strain-energy views colour the
// vertebra with a legend in % and kJ/m³. Units: N, mm, %, kJ/m³.
import { expect, test, type Page } from '@playwright/test';

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
