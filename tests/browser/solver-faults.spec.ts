// Faults in the built app (headless Chromium, 1280x720, phantom): a render failure in the 3D view or the panels
// shows a message with "Try again" while the organ list, the other area and the session stay (no blank page);
// the solver worker dying mid-EP ends the task with a message, keeps the scene, and the next EP run works on a
// new worker; cancelling an EP run clears the task bar and labels the partial fields; a lost WebGL context is
// reported and, once the browser restores it, the view is redrawn to the committed reference. Units: ms, mm.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { expectGolden } from './golden';
import {
  camera,
  cameraError,
  CAMERA_REL_TOL,
  expectCamera,
  orbit,
  organStates,
  waitForScene,
} from './sessionHelpers';

const SHOTS = 'test-results/screenshots';
/** Long enough that the run is still going when the test acts on it (ms of model time). */
const LONG_RUN_MS = 3000;
/** A short run that completes in well under a minute at dx 3 mm (ms of model time). */
const SHORT_RUN_MS = 60;

const hook = <T>(page: Page, fn: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(
    ([f, a]) => ((window as any).__organTwin[f as string] as (...x: unknown[]) => T)(...(a as unknown[])),
    [fn, args] as const,
  );

async function startEp(page: Page, durationMs: number): Promise<void> {
  const ep = page.getByRole('region', { name: 'cardiac electrophysiology' });
  await ep.getByLabel('dx', { exact: true }).fill('3');
  await ep.getByLabel('duration', { exact: true }).fill(String(durationMs));
  await ep.getByRole('button', { name: 'Run EP' }).click();
  await expect(page.locator('.task[data-task="ep"]')).toHaveCount(1, { timeout: 30_000 });
}

/** Waits until the EP run is in its time loop and frames have reached the field store. */
async function waitForFrames(page: Page): Promise<void> {
  await expect(page.locator('.task[data-task="ep"]')).toContainText('t ≈', { timeout: 120_000 });
  await expect
    .poll(() => hook<{ name: string }[]>(page, 'fields').then((f) => f.some((x) => x.name === 'Vm')), {
      timeout: 60_000,
    })
    .toBe(true);
}

test('a render failure in the 3D view or the panels shows a message and Try again; the organ list and session stay', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await waitForScene(page);
  await orbit(page, 110, -50);
  const cam = await camera(page);

  await hook(page, 'breakRender', 'view');
  const view = page.getByTestId('boundary-view');
  await expect(view).toContainText('The 3D view could not be shown');
  await expect(view).toContainText('session are kept');
  await expect(page.locator('.viewer-canvas canvas')).toHaveCount(0);
  await expect(page.locator('.notice.error')).toContainText('3D view failed to draw');
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/boundary-view.png` });
  // The organ list and the panels still work; the session still holds the camera the user had.
  await page.getByRole('checkbox', { name: 'show lung_left' }).uncheck();
  await expect.poll(async () => (await organStates(page)).lung_left?.visible).toBe(false);
  await expect(page.getByRole('region', { name: 'cardiac electrophysiology' })).toBeVisible();
  const saved = await page.evaluate(() => (window as any).__organTwin.session.capture().camera);
  expect(cameraError(saved, cam)).toBeLessThan(CAMERA_REL_TOL);
  // Try again while it is still broken: the message comes back; once fixed, the view returns with that camera.
  await view.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('boundary-view')).toBeVisible();
  await hook(page, 'fixRender', 'view');
  await page.getByTestId('boundary-view').getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('boundary-view')).toHaveCount(0);
  await expect(page.locator('.viewer-canvas canvas')).toHaveCount(1);
  await expectCamera(page, cam);

  await hook(page, 'breakRender', 'panels');
  const panels = page.getByTestId('boundary-panels');
  await expect(panels).toContainText('The panels could not be shown');
  await expect(page.getByRole('region', { name: 'cardiac electrophysiology' })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'show lung_left' })).toBeVisible();
  await expect(page.locator('.viewer-canvas canvas')).toHaveCount(1);
  expect((await organStates(page)).lung_left?.visible).toBe(false);
  await hook(page, 'fixRender', 'panels');
  await panels.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('region', { name: 'cardiac electrophysiology' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the solver worker dying mid-EP ends the task with a message; the scene stays; the next EP run works', async ({
  page,
}) => {
  test.setTimeout(420_000);
  await page.goto('/');
  await waitForScene(page);
  const before = await organStates(page);
  const cam = await camera(page);
  await startEp(page, LONG_RUN_MS);
  await waitForFrames(page);
  expect(await hook<boolean>(page, 'crashSolverWorker')).toBe(true);
  await expect(page.locator('.task[data-task="ep"]')).toHaveCount(0, { timeout: 10_000 });
  await expect(page.locator('.busy-veil')).toHaveCount(0);
  await expect(page.locator('.notice.error').filter({ hasText: /^The solver worker stopped/ })).toContainText(
    'session are kept',
  );
  await expect(
    page.locator('.notice.error').filter({ hasText: /^EP: the solver worker stopped/ }),
  ).toHaveCount(1);
  // The frames that arrived are labelled as a partial run; the scene and camera are as they were.
  await expect(page.getByTestId('ep-status')).toContainText('Partial EP run — the solver worker stopped');
  expect(await organStates(page)).toEqual(before);
  expect(cameraError(await camera(page), cam)).toBeLessThan(CAMERA_REL_TOL);
  expect(Number(await page.evaluate(() => document.body.dataset.organsDrawn))).toBeGreaterThan(0);

  // A new worker takes the next run, which completes and clears the label.
  const ep = page.getByRole('region', { name: 'cardiac electrophysiology' });
  await ep.getByLabel('duration', { exact: true }).fill(String(SHORT_RUN_MS));
  await ep.getByRole('button', { name: 'Run EP' }).click();
  await expect(page.locator('.task[data-task="ep"]')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.locator('.task[data-task="ep"]')).toHaveCount(0, { timeout: 240_000 });
  const summary = await hook<{ status: string; activatedFraction: number }>(page, 'epSummary');
  expect(summary.status).toBe('completed');
  expect(summary.activatedFraction).toBeGreaterThan(0);
  await expect(page.getByTestId('ep-status')).toHaveCount(0);
});

test('cancelling an EP run clears the task bar and labels the partial fields; the app stays usable', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.goto('/');
  await waitForScene(page);
  const before = await organStates(page);
  await startEp(page, LONG_RUN_MS);
  await waitForFrames(page);
  await page
    .getByRole('region', { name: 'cardiac electrophysiology' })
    .getByRole('button', { name: 'Cancel' })
    .click();
  await expect(page.locator('.task[data-task="ep"]')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('.busy-veil')).toHaveCount(0);
  await expect(page.locator('.notice.info').filter({ hasText: /EP cancelled at t = [\d.]+ ms/ })).toHaveCount(
    1,
  );
  await expect(page.getByTestId('ep-status')).toContainText(/Partial EP run — cancelled at t = [\d.]+ ms/);
  const summary = await hook<{ status: string }>(page, 'epSummary');
  expect(summary.status).toBe('cancelled');
  // The partial Vm frames are on screen with their legend; nothing else changed; Run EP is available again.
  const fields = await hook<{ name: string }[]>(page, 'fields');
  expect(fields.map((f) => f.name)).toContain('Vm');
  await expect(page.getByTestId('scalar-bar')).toContainText('mV');
  expect(await organStates(page)).toEqual(before);
  await expect(page.getByRole('button', { name: 'Run EP' })).toBeEnabled();
});

test('a lost WebGL context is reported; once restored the view is redrawn as before and the scene stays', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await waitForScene(page);
  await page.waitForTimeout(500);
  const organs = await organStates(page);
  const cam = await camera(page);
  // the standard extension a browser uses to simulate a GPU reset (the same events as a real loss)
  const lose = (what: 'loseContext' | 'restoreContext') =>
    page.evaluate((w) => {
      const c = document.querySelector('.viewer-canvas canvas') as HTMLCanvasElement;
      const gl = (c.getContext('webgl2') ?? c.getContext('webgl')) as WebGLRenderingContext;
      const ext = gl.getExtension('WEBGL_lose_context');
      if (!ext) return false;
      (window as any).__loseExt ??= ext; // after the loss getExtension returns null: keep the handle
      ((window as any).__loseExt as WEBGL_lose_context)[w]();
      return true;
    }, what);
  expect(await lose('loseContext')).toBe(true);
  await expect(page.locator('.notice.error')).toContainText('3D view: the GPU context was lost');
  await expect(page.locator('body')).toHaveAttribute('data-gl-context', 'lost');
  await page.evaluate(() => ((window as any).__loseExt as WEBGL_lose_context).restoreContext());
  await expect(page.locator('body')).toHaveAttribute('data-gl-context', 'restored');
  await expect(page.locator('.notice').filter({ hasText: 'the GPU context is back' })).toBeVisible();
  await page.waitForTimeout(700);
  // the same picture as the committed reference of the default view, the same organs and camera
  await expectGolden(page, 'phantom-anterior');
  expect(await organStates(page)).toEqual(organs);
  expect(cameraError(await camera(page), cam)).toBeLessThan(CAMERA_REL_TOL);
  expect(errors).toEqual([]);
});
