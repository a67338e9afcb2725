// Anatomy tools on the phantom: a coronal clipping plane cuts the heart (pixels in the heart region change and
// the capped cross-section shows the organ colour, absent with caps off), the slice panel shows the CT with a
// coloured label overlay, and a two-click distance measurement gives a plausible length in mm.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

/** Fraction of heart-region pixels that must change when the plane cuts through. */
const MIN_CHANGED = 0.1;
/** Summed |ΔRGB| (0..765) above which a pixel counts as changed. */
const PIXEL_DELTA = 40;
/** A phantom organ-to-organ distance between two nearby clicks lies in this range (mm). */
const DIST_RANGE_MM: [number, number] = [3, 200];

/** RGB of the central square (fraction `size` of the shorter side) of the 3D canvas, downsampled to 64×64. */
async function centre(page: Page, size = 0.4): Promise<number[]> {
  return page.evaluate((sz) => {
    const src = document.querySelector('.viewer-canvas canvas') as HTMLCanvasElement;
    const s = Math.min(src.width, src.height) * sz;
    const c = document.createElement('canvas');
    c.width = c.height = 64;
    const ctx = c.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(src, (src.width - s) / 2, (src.height - s) / 2, s, s, 0, 0, 64, 64);
    return [...ctx.getImageData(0, 0, 64, 64).data];
  }, size);
}

function changed(a: number[], b: number[]): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 4) if (Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!) > PIXEL_DELTA) n++;
  return n / (a.length / 4);
}

/** Fraction of pixels that are clearly red (the heart family: hue within ±30° of red, saturated). */
function redFraction(px: number[]): number {
  let n = 0;
  for (let i = 0; i < px.length; i += 4) {
    const [r, g, b] = [px[i]!, px[i + 1]!, px[i + 2]!];
    if (r > 60 && r > 1.6 * g && r > 1.3 * b) n++;
  }
  return n / (px.length / 4);
}

async function settle(page: Page) {
  await page.waitForTimeout(700);
}

test('clipping, slices and measurement on the phantom', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  mkdirSync('test-results/screenshots', { recursive: true });
  await page.goto('/');
  await page.waitForFunction(() => Number(document.body.dataset.organsDrawn ?? 0) > 0, undefined, { timeout: 150_000 });
  await expect(page.locator('.task')).toHaveCount(0, { timeout: 60_000 });
  await settle(page);
  const before = await centre(page);

  // Clipping: a coronal plane through the middle, camera in front -> the heart is cut and capped.
  await page.getByRole('button', { name: '+ coronal' }).click();
  await settle(page);
  const clipped = await centre(page);
  await page.screenshot({ path: 'test-results/screenshots/anatomy-clip-coronal.png' });
  expect(changed(before, clipped)).toBeGreaterThan(MIN_CHANGED);
  await page.getByLabel('capped cross-sections').uncheck();
  await settle(page);
  const uncapped = await centre(page);
  await page.screenshot({ path: 'test-results/screenshots/anatomy-clip-uncapped.png' });
  expect(changed(clipped, uncapped)).toBeGreaterThan(MIN_CHANGED / 2);
  expect(redFraction(clipped)).toBeGreaterThan(redFraction(uncapped));
  await page.getByLabel('capped cross-sections').check();
  await page.getByRole('button', { name: 'remove coronal plane' }).click();
  await settle(page);

  // Slices: the axial CT slice is non-uniform and carries the label overlay colours.
  await page.getByLabel('slices', { exact: true }).check();
  const axial = page.getByLabel('axial slice', { exact: true });
  await expect(axial).toBeVisible();
  await page.waitForFunction(() => ((document.querySelector('[aria-label="axial slice"]') as HTMLCanvasElement | null)?.width ?? 0) > 10);
  const slice = await axial.evaluate((c: HTMLCanvasElement) => {
    const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let sum = 0, sum2 = 0, coloured = 0; // prettier-ignore
    const n = px.length / 4;
    for (let i = 0; i < px.length; i += 4) {
      const g = (px[i]! + px[i + 1]! + px[i + 2]!) / 3;
      sum += g;
      sum2 += g * g;
      if (Math.max(px[i]!, px[i + 1]!, px[i + 2]!) - Math.min(px[i]!, px[i + 1]!, px[i + 2]!) > 30) coloured++;
    }
    return { std: Math.sqrt(sum2 / n - (sum / n) ** 2), coloured: coloured / n };
  });
  expect(slice.std).toBeGreaterThan(20);
  expect(slice.coloured).toBeGreaterThan(0.02);
  // Clicking the axial slice moves the crosshair: the coronal slice index follows.
  const coronalIndex = page.locator('[data-plane="coronal"] figcaption .muted');
  const ci0 = await coronalIndex.innerText();
  const box = (await axial.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.3);
  await expect(coronalIndex).not.toHaveText(ci0);
  await page.locator('.slice-controls').getByRole('button', { name: 'Lung', exact: true }).click();
  await page.getByLabel('in 3D').check();
  await settle(page);
  await page.screenshot({ path: 'test-results/screenshots/anatomy-slices.png' });
  await page.getByLabel('in 3D').uncheck();
  await page.getByLabel('slices', { exact: true }).uncheck();

  // Distance: two clicks on organs near the view centre.
  await page.keyboard.press('m');
  await expect(page.getByRole('button', { name: 'Distance' })).toHaveAttribute('aria-pressed', 'true');
  const cv = (await page.locator('.viewer-canvas canvas').boundingBox())!;
  const cx = cv.x + cv.width / 2;
  const cy = cv.y + cv.height / 2;
  await page.mouse.click(cx - 40, cy + 20);
  await page.mouse.click(cx + 40, cy + 40);
  const value = page.locator('.measure-list .measure-value').first();
  await expect(value).toBeVisible();
  const mm = Number(/([\d.]+) mm/.exec(await value.innerText())?.[1]);
  expect(mm).toBeGreaterThan(DIST_RANGE_MM[0]);
  expect(mm).toBeLessThan(DIST_RANGE_MM[1]);
  await expect(page.locator('.measure-label')).toHaveText(/mm/);
  await page.getByLabel('anatomy labels').check();
  await settle(page);
  await page.screenshot({ path: 'test-results/screenshots/anatomy-measure-labels.png' });
  await page.keyboard.press('Escape');
  expect(errors).toEqual([]);
});
