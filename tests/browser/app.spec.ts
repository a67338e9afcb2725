// Smoke test of the built app in headless Chromium (1280x720): the embedded phantom is reconstructed and drawn,
// the canvas shows several distinct organ colour families (not merely non-blank), matches the committed golden
// image of the default anterior view (golden.ts), and a screenshot is kept in test-results/ (ignored by git).
// Also checks the organ list shows and hides organs, and that hiding the aorta or one vertebra fails the golden
// comparison
// while showing it again passes (the tolerance catches a small real change but not a re-render).
import { expect, test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { canvasColours } from './colors';
import { expectGolden, expectShiftTolerated, goldenDiff, MAX_MEAN_ABS, MAX_STRONG_FRACTION } from './golden';

// A family counts when it covers at least this fraction of the canvas: well above antialiasing fringes.
const MIN_FAMILY_FRACTION = 0.002;
const MIN_FAMILIES = 3;

test('phantom organs are reconstructed and drawn in distinct colours', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.locator('.task')).toBeVisible({ timeout: 30_000 }).catch(() => undefined);
  await page.waitForFunction(() => Number(document.body.dataset.organsDrawn ?? 0) > 0, undefined, { timeout: 150_000 });
  await expect(page.locator('.task')).toHaveCount(0);
  await page.waitForTimeout(500);
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.screenshot({ path: 'test-results/screenshots/phantom-anterior.png' });
  const stats = await canvasColours(page, '.viewer-canvas canvas');
  writeFileSync('test-results/screenshots/phantom-anterior.colours.json', JSON.stringify(stats, null, 2));
  const families = Object.entries(stats.families).filter(([k, f]) => k !== 'dark' && f >= MIN_FAMILY_FRACTION);
  expect(families.length, JSON.stringify(stats.families)).toBeGreaterThanOrEqual(MIN_FAMILIES);
  expect(stats.nonBackgroundFraction).toBeGreaterThan(0.05);

  const names = await page.locator('.organ-list li').allInnerTexts();
  for (const organ of ['heart_myocardium', 'lung_left', 'lung_right']) expect(names.join('\n')).toContain(organ);
  expect(names.join('\n')).toMatch(/vertebra_/);

  await expectGolden(page, 'phantom-anterior');
  await expectShiftTolerated(page, 'phantom-anterior');
  // The aorta hidden: a real change, which the comparison must reject; shown again: the re-render passes.
  const aorta = page.getByRole('checkbox', { name: /^show aorta/ });
  await aorta.uncheck();
  await page.waitForTimeout(300);
  const hiddenOne = await goldenDiff(page, 'phantom-anterior', { tag: '-aorta-hidden' });
  expect(hiddenOne.pass, JSON.stringify(hiddenOne)).toBe(false);
  expect(Math.max(hiddenOne.meanAbs / MAX_MEAN_ABS, hiddenOne.strongFraction / MAX_STRONG_FRACTION)).toBeGreaterThan(2);
  await aorta.check();
  // One vertebra hidden (only its tip shows behind the heart): still rejected.
  const vertebra = page.getByRole('checkbox', { name: /^show vertebra_/ }).first();
  await vertebra.uncheck();
  await page.waitForTimeout(300);
  const tip = await goldenDiff(page, 'phantom-anterior', { tag: '-vertebra-hidden' });
  expect(tip.pass, JSON.stringify(tip)).toBe(false);
  await vertebra.check();
  await page.waitForTimeout(300);
  await expectGolden(page, 'phantom-anterior', { tag: '-reshown' });

  // Hiding every organ empties the canvas; showing them again restores it.
  for (const box of await page.getByRole('checkbox', { name: /^show / }).all()) await box.uncheck();
  await page.waitForTimeout(300);
  const hidden = await canvasColours(page, '.viewer-canvas canvas');
  expect(hidden.nonBackgroundFraction).toBeLessThan(stats.nonBackgroundFraction / 4);
  expect(errors).toEqual([]);
});
