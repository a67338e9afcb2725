// Anatomy tools on the phantom: a coronal clipping plane cuts the heart (pixels in the heart region change and
// the capped cross-section shows the organ colour, absent with caps off; the clipped view matches its golden
// image); the slice panel (beside the 3D view, everything on screen at 1280×720) shows the CT with a coloured label overlay, radiological direction letters,
// a right-drag window/level and a crosshair linked both ways with the 3D view; the slice planes in 3D are
// see-through CT; a two-click distance measurement gives a plausible length in mm. A second test runs a coarse
// EP on the heart and checks the activation and Vm overlays on the slices by pixel colour (colormap LUT).
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { expectGolden, expectShiftTolerated } from './golden';
import { changedFraction, greyStats, lutPixels, sliceFieldTime, slicePixels } from './sliceHelpers';
import { viewCentre } from './colors';
/** The phantom shows lungs, aorta, trachea, heart chambers and vertebrae: at least this many fit without overlap. */
const MIN_VISIBLE_LABELS = 5;

/** Fraction of heart-region pixels that must change when the plane cuts through. */
const MIN_CHANGED = 0.1;
/** Summed |ΔRGB| (0..765) above which a pixel counts as changed. */
const PIXEL_DELTA = 40;
/** A phantom organ-to-organ distance between two nearby clicks lies in this range (mm). */
const DIST_RANGE_MM: [number, number] = [3, 200];
/** Mean grey change (0..255) a clear window/level drag must cause on the axial slice. */
const MIN_WL_GREY_SHIFT = 5;
/** With the see-through slice planes on, the red (heart) pixels must still read reddish: at least this share. */
const MIN_RED_KEPT = 0.5;
/** The planes must not turn the view into a white sheet: at most this share of near-white pixels. */
const MAX_WHITE_FRACTION = 0.25;
/** Slice pixels that must carry the field colours (fraction of the slice) when the plane cuts the heart. */
const MIN_FIELD_FRACTION = 0.005;
/** Activation colours on a slice through the heart span at least this many of the 256 LUT entries. */
const MIN_LUT_SPREAD = 40;
/** Vm overlay pixels that must change between two times mid-beat (fraction of the slice). */
const MIN_VM_CHANGE = 0.002;
/** The Vm frame drawn on a slice lies at most this far before the timeline time (frames every 4 ms). */
const FRAME_STEP_MS = 5;
/** The time slider snaps to its step (duration / 1000), so the set time may sit slightly past the value typed. */
const SLIDER_SNAP_MS = 1;
const LETTERS = {
  axial: { left: 'R', right: 'L', top: 'A', bottom: 'P' },
  coronal: { left: 'R', right: 'L', top: 'S', bottom: 'I' },
  sagittal: { left: 'A', right: 'P', top: 'S', bottom: 'I' },
};

/** Fraction of pixels that are clearly red (the heart family: hue within ±30° of red, saturated). */
function redFraction(px: number[]): number {
  let n = 0;
  for (let i = 0; i < px.length; i += 4) {
    const [r, g, b] = [px[i]!, px[i + 1]!, px[i + 2]!];
    if (r > 60 && r > 1.6 * g && r > 1.3 * b) n++;
  }
  return n / (px.length / 4);
}

/** Fraction of red-tinted pixels (a red organ seen through a grey, half-transparent plane). */
function reddishFraction(px: number[]): number {
  let n = 0;
  for (let i = 0; i < px.length; i += 4) {
    const [r, g, b] = [px[i]!, px[i + 1]!, px[i + 2]!];
    if (r > 60 && r > 1.15 * g && r > 1.1 * b) n++;
  }
  return n / (px.length / 4);
}

/** Fraction of near-white pixels (all channels above 215). */
function whiteFraction(px: number[]): number {
  let n = 0;
  for (let i = 0; i < px.length; i += 4) if (px[i]! > 215 && px[i + 1]! > 215 && px[i + 2]! > 215) n++;
  return n / (px.length / 4);
}

async function settle(page: Page) {
  await page.waitForTimeout(700);
}

async function loadPhantom(page: Page) {
  await page.goto('/');
  await page.waitForFunction(() => Number(document.body.dataset.organsDrawn ?? 0) > 0, undefined, {
    timeout: 150_000,
  });
  await expect(page.locator('.task')).toHaveCount(0, { timeout: 60_000 });
  await settle(page);
}

/** At 1280×720 the slice panel sits beside the 3D view (gizmo uncovered) and every slice slider is on screen. */
async function expectSliceLayout(page: Page) {
  const vp = page.viewportSize()!;
  const panel = (await page.getByRole('region', { name: 'Slices' }).boundingBox())!;
  const view = (await page.locator('.viewer-canvas canvas').boundingBox())!;
  expect(view.x + view.width).toBeLessThanOrEqual(panel.x + 1);
  for (const plane of ['axial', 'coronal', 'sagittal']) {
    const slider = (await page.getByLabel(`${plane} slice index`).boundingBox())!;
    expect(slider.y + slider.height).toBeLessThanOrEqual(vp.height);
    const img = (await page.getByLabel(`${plane} slice`, { exact: true }).boundingBox())!;
    expect(img.x).toBeGreaterThanOrEqual(panel.x);
    expect(img.x + img.width).toBeLessThanOrEqual(panel.x + panel.width + 1);
  }
}

/** Clicks near the 3D view centre (anterior view: the heart) until the crosshair lands on the heart. */
async function clickHeart(page: Page) {
  // with the slice panel open, the 3D canvas narrows once its resize observer fires (late under load): wait for it
  // to end left of the panel, or the click fractions below land beside the heart
  const panel = page.getByRole('region', { name: 'Slices' });
  if ((await panel.count()) > 0) {
    const px = (await panel.boundingBox())!.x;
    await expect
      .poll(async () => {
        const b = (await page.locator('.viewer-canvas canvas').boundingBox())!;
        return b.x + b.width <= px + 1;
      })
      .toBe(true);
  }
  const cv = (await page.locator('.viewer-canvas canvas').boundingBox())!;
  for (const [dx, dy] of [
    [0.04, 0.1],
    [0.08, 0.14],
    [0, 0.06],
    [0.1, 0.1],
  ] as const) {
    await page.mouse.click(cv.x + cv.width * (0.5 + dx), cv.y + cv.height * (0.5 + dy));
    await settle(page);
    // the hover read-out names the organ the same pick (opaque organs first) put the crosshair on
    const hit = await page.evaluate(() => document.querySelector('.hover-readout')?.textContent ?? '');
    if (/heart|ventric|myocard/i.test(hit)) return;
  }
  throw new Error('no click near the view centre hit the heart');
}

test('clipping, slices and measurement on the phantom', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  mkdirSync('test-results/screenshots', { recursive: true });
  await loadPhantom(page);
  const before = await viewCentre(page);

  // Clipping: a coronal plane through the middle, camera in front -> the heart is cut and capped.
  await page.getByRole('button', { name: '+ coronal' }).click();
  await settle(page);
  const clipped = await viewCentre(page);
  await page.screenshot({ path: 'test-results/screenshots/anatomy-clip-coronal.png' });
  await expectGolden(page, 'anatomy-clip-coronal');
  await expectShiftTolerated(page, 'anatomy-clip-coronal');
  expect(changedFraction(before, clipped, PIXEL_DELTA)).toBeGreaterThan(MIN_CHANGED);
  await page.getByLabel('capped cross-sections').uncheck();
  await settle(page);
  const uncapped = await viewCentre(page);
  await page.screenshot({ path: 'test-results/screenshots/anatomy-clip-uncapped.png' });
  expect(changedFraction(clipped, uncapped, PIXEL_DELTA)).toBeGreaterThan(MIN_CHANGED / 2);
  expect(redFraction(clipped)).toBeGreaterThan(redFraction(uncapped));
  await page.getByLabel('capped cross-sections').check();
  await page.getByRole('button', { name: 'remove coronal plane' }).click();
  await settle(page);

  // Slices: the axial CT slice is non-uniform and carries the label overlay colours.
  await page.getByLabel('slices', { exact: true }).check();
  const axial = page.getByLabel('axial slice', { exact: true });
  await expect(axial).toBeVisible();
  await page.waitForFunction(
    () =>
      ((document.querySelector('[aria-label="axial slice"]') as HTMLCanvasElement | null)?.width ?? 0) > 10,
  );
  const slice = await axial.evaluate((c: HTMLCanvasElement) => {
    const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let sum = 0, sum2 = 0, coloured = 0; // prettier-ignore
    const n = px.length / 4;
    for (let i = 0; i < px.length; i += 4) {
      const g = (px[i]! + px[i + 1]! + px[i + 2]!) / 3;
      sum += g;
      sum2 += g * g;
      if (Math.max(px[i]!, px[i + 1]!, px[i + 2]!) - Math.min(px[i]!, px[i + 1]!, px[i + 2]!) > 30)
        coloured++;
    }
    return { std: Math.sqrt(sum2 / n - (sum / n) ** 2), coloured: coloured / n };
  });
  expect(slice.std).toBeGreaterThan(20);
  expect(slice.coloured).toBeGreaterThan(0.02);
  await expectSliceLayout(page);
  // Patient directions at the edges, radiological (the phantom is RAS; the unit tests cover other affines).
  for (const [plane, dirs] of Object.entries(LETTERS))
    for (const [edge, letter] of Object.entries(dirs))
      await expect(page.locator(`[data-plane="${plane}"] [data-dir="${edge}"]`)).toHaveText(letter);
  // Clicking the axial slice moves the crosshair: the coronal slice index follows.
  const coronalIndex = page.locator('[data-plane="coronal"] figcaption .muted');
  const ci0 = await coronalIndex.innerText();
  const box = (await axial.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.3);
  await expect(coronalIndex).not.toHaveText(ci0);
  // Window/level: a right-drag on the slice widens the window and raises the level; a preset restores it.
  const wl = page.getByTestId('slice-window');
  await expect(wl).toHaveText('W 400 L 40');
  const g0 = greyStats((await slicePixels(page, 'axial')).px);
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.mouse.down({ button: 'right' });
  await page.mouse.move(box.x + box.width * 0.5 + 80, box.y + box.height * 0.5 + 60, { steps: 6 });
  await page.mouse.up({ button: 'right' });
  await expect(wl).toContainText('(drag)');
  const dragged = /W (\d+) L (-?\d+)/.exec(await wl.innerText())!;
  expect(Number(dragged[1])).toBeGreaterThan(400);
  expect(Number(dragged[2])).toBeGreaterThan(40);
  const g1 = greyStats((await slicePixels(page, 'axial')).px);
  expect(Math.abs(g1.mean - g0.mean)).toBeGreaterThan(MIN_WL_GREY_SHIFT);
  await expect(coronalIndex).not.toHaveText(ci0); // a window drag does not move the crosshair
  await page.locator('.slice-controls').getByRole('button', { name: 'Lung', exact: true }).click();
  await expect(wl).toHaveText('W 1500 L -600');
  await page.locator('.slice-controls').getByRole('button', { name: 'Soft tissue', exact: true }).click();
  await expect(wl).toHaveText('W 400 L 40');
  // 3D -> slices: clicking the heart in the 3D view moves the crosshair there (the axial slice index follows).
  const axialIndex = page.locator('[data-plane="axial"] figcaption .muted');
  const ai0 = await axialIndex.innerText();
  await clickHeart(page);
  await expect(axialIndex).not.toHaveText(ai0);
  // Slice planes in 3D: CT greyscale, see-through, organs still visible behind/through them.
  const noPlanes = await viewCentre(page);
  await page.getByLabel('in 3D').check();
  await settle(page);
  const withPlanes = await viewCentre(page);
  await page.screenshot({ path: 'test-results/screenshots/anatomy-slices.png' });
  expect(reddishFraction(withPlanes)).toBeGreaterThan(MIN_RED_KEPT * redFraction(noPlanes));
  expect(whiteFraction(withPlanes)).toBeLessThan(MAX_WHITE_FRACTION);
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
  // Teaching labels are decluttered: several show, with anatomical names, and no two visible ones overlap.
  const rects = await page.$$eval('.anat-label', (els) =>
    els
      .filter((e) => getComputedStyle(e).visibility === 'visible')
      .map((e) => {
        const r = e.getBoundingClientRect();
        return { text: e.textContent ?? '', l: r.left, r: r.right, t: r.top, b: r.bottom };
      }),
  );
  expect(rects.length).toBeGreaterThanOrEqual(MIN_VISIBLE_LABELS);
  expect(rects.map((r) => r.text)).toContain('Aorta');
  for (let i = 0; i < rects.length; i++)
    for (let j = i + 1; j < rects.length; j++) {
      const a = rects[i]!,
        c = rects[j]!;
      const overlap = a.l < c.r - 1 && c.l < a.r - 1 && a.t < c.b - 1 && c.t < a.b - 1;
      expect(overlap, `${a.text} overlaps ${c.text}`).toBe(false);
    }
  await page.keyboard.press('Escape');
  expect(errors).toEqual([]);
});

test('solver field overlay on the slices after an EP run', async ({ page }) => {
  test.setTimeout(420_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  mkdirSync('test-results/screenshots', { recursive: true });
  await loadPhantom(page);
  await page.getByLabel('slices', { exact: true }).check();
  await page.waitForFunction(
    () =>
      ((document.querySelector('[aria-label="axial slice"]') as HTMLCanvasElement | null)?.width ?? 0) > 10,
  );
  await clickHeart(page); // crosshair on the heart's anterior surface...
  // ...then 15 mm posterior (phantom: RAS, 1.5 mm voxels, coronal index grows anteriorly) so all three slices cut it
  const coronalSlider = page.getByLabel('coronal slice index');
  await coronalSlider.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
  const ep = page.getByRole('region', { name: 'cardiac electrophysiology' });
  await ep.getByLabel('dx', { exact: true }).fill('3');
  await ep.getByLabel('duration', { exact: true }).fill('250');
  await ep.getByRole('button', { name: 'Run EP' }).click();
  await expect(page.locator('.task[data-task="ep"]')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.locator('.task[data-task="ep"]')).toHaveCount(0, { timeout: 300_000 });
  const summary = await page.evaluate(() => (window.__organTwin?.epSummary as () => { status: string })());
  expect(summary.status).toBe('completed');

  // Activation map: slice pixels in the heart carry turbo colours over a spread of activation times.
  await page.getByRole('button', { name: 'Activation (ms)' }).click();
  await expect(page.getByTestId('scalar-bar')).toContainText('ms');
  await page.getByLabel('field overlay opacity').fill('0');
  await settle(page);
  const plain = await slicePixels(page, 'axial');
  expect(plain.field).toBe('activation');
  await page.getByLabel('field overlay opacity').fill('1');
  await settle(page);
  const colormap = (await page.getByLabel('colormap').inputValue()) as 'turbo';
  let spread = 0;
  const report: Record<string, unknown> = {};
  for (const plane of ['axial', 'coronal', 'sagittal'] as const) {
    const off =
      plane === 'axial'
        ? plain
        : await (async () => {
            await page.getByLabel('field overlay opacity').fill('0');
            await settle(page);
            const p = await slicePixels(page, plane);
            await page.getByLabel('field overlay opacity').fill('1');
            await settle(page);
            return p;
          })();
    const on = await slicePixels(page, plane);
    const m = lutPixels(on.px, off.px, colormap);
    report[plane] = m;
    expect(m.fraction, `${plane}: activation colours`).toBeGreaterThan(MIN_FIELD_FRACTION);
    spread = Math.max(spread, m.lutMax - m.lutMin);
  }
  // activation times on the axial slice (from its LUT indices and the bar's range), for the Vm check below
  const lo = Number(await page.getByLabel('range min').inputValue());
  const hi = Number(await page.getByLabel('range max').inputValue());
  const ax = report.axial as { lutMin: number; lutMax: number };
  const axialMs = [lo + (ax.lutMin / 255) * (hi - lo), lo + (ax.lutMax / 255) * (hi - lo)];
  report.axialActivationMs = axialMs;
  writeFileSync('test-results/screenshots/anatomy-slices-activation.json', JSON.stringify(report, null, 2));
  expect(spread).toBeGreaterThan(MIN_LUT_SPREAD);
  await page.getByLabel('field overlay opacity').fill('0.8');
  await page.getByLabel('in 3D').check();
  await settle(page);
  await page.screenshot({ path: 'test-results/screenshots/anatomy-slices-activation.png' });

  // Vm follows the timeline: the axial overlay differs between just before the wave reaches that slice (all
  // resting) and just after it has crossed it (depolarised; the action potential outlasts the 250 ms run).
  await page.getByRole('button', { name: 'Vm (mV)' }).click();
  const duration = Number(await page.getByLabel('time', { exact: true }).getAttribute('max'));
  // (the slice marks the time of the frame it drew: wait for it, a software-rendered frame can take a while)
  const showAt = async (t: number) => {
    await page.getByLabel('time', { exact: true }).fill(String(t));
    await expect
      .poll(async () => {
        const lag = t - (await sliceFieldTime(page, 'axial'));
        return lag > -SLIDER_SNAP_MS && lag < FRAME_STEP_MS;
      })
      .toBe(true);
    return slicePixels(page, 'axial');
  };
  const early = await showAt(Math.max(0, Math.floor(axialMs[0]! - 3)));
  expect(early.field).toBe('Vm');
  const later = await showAt(Math.min(duration, Math.ceil(axialMs[1]! + 5)));
  expect(changedFraction(early.px, later.px)).toBeGreaterThan(MIN_VM_CHANGE);
  await page.screenshot({ path: 'test-results/screenshots/anatomy-slices-vm.png' });
  expect(errors).toEqual([]);
});
