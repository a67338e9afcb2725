// Helpers for the session browser tests: wait for the phantom scene, read the camera and organ states
// through the window.__organTwin debug hook, and compare cameras with a relative tolerance.
import { expect, type Page } from '@playwright/test';

export interface Cam {
  position: number[];
  target: number[];
  up: number[];
  fov: number;
}

/** Relative camera tolerance: |a - b| / max(|b|, 1 mm) per vector. */
export const CAMERA_REL_TOL = 1e-3;

export async function waitForScene(page: Page): Promise<void> {
  await page.waitForFunction(() => Number(document.body.dataset.organsDrawn ?? 0) > 0, undefined, {
    timeout: 170_000,
  });
  await expect(page.locator('.task')).toHaveCount(0, { timeout: 120_000 });
}

export async function camera(page: Page): Promise<Cam> {
  const c = await page.evaluate(() => (window as any).__organTwin?.camera?.());
  expect(c, 'camera accessor on window.__organTwin').toBeTruthy();
  return c as Cam;
}

export function cameraError(a: Cam, b: Cam): number {
  const rel = (x: number[], y: number[]) =>
    Math.hypot(...x.map((v, i) => v - y[i]!)) / Math.max(Math.hypot(...y), 1);
  return Math.max(
    rel(a.position, b.position),
    rel(a.target, b.target),
    rel(a.up, b.up),
    Math.abs(a.fov - b.fov) / b.fov,
  );
}

/** Polls until the camera is within tolerance of `want` (restores apply a few frames after the scene draws). */
export async function expectCamera(page: Page, want: Cam): Promise<void> {
  await expect
    .poll(async () => cameraError(await camera(page), want), { timeout: 20_000 })
    .toBeLessThan(CAMERA_REL_TOL);
}

export async function organStates(
  page: Page,
): Promise<Record<string, { visible: boolean; opacity: number }>> {
  return page.evaluate(() => {
    const s = (window as any).__organTwin.appState();
    const out: Record<string, { visible: boolean; opacity: number }> = {};
    for (const o of s.organs) out[o.name] = { visible: o.visible, opacity: o.opacity };
    return out;
  });
}

/** Orbits the camera by dragging across the 3D view. */
export async function orbit(page: Page, dx: number, dy: number): Promise<void> {
  const box = (await page.locator('.viewer-canvas canvas').boundingBox())!;
  const x = box.x + box.width * 0.4;
  const y = box.y + box.height * 0.5;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(x + (dx * i) / 8, y + (dy * i) / 8);
  await page.mouse.up();
}
