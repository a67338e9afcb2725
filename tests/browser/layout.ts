// Layout checks for the field overlays at the pinned 1280x720 viewport: the scalar bar and every control in it
// lie inside the view (nothing past the screen edge), the range inputs show their value whole, and the timeline
// does not run under the scalar bar. Units: CSS px.
import { expect, type Page } from '@playwright/test';

/** Spin buttons and padding of a number input (px) that the value text must leave free. */
const INPUT_CHROME_PX = 18;

export async function expectScalarBarLaidOut(page: Page): Promise<void> {
  const view = (await page.locator('.view').boundingBox())!;
  const bar = (await page.getByTestId('scalar-bar').boundingBox())!;
  expect(bar.x + bar.width).toBeLessThanOrEqual(view.x + view.width);
  for (const label of ['colormap', 'range mode', 'range min', 'range max']) {
    const b = (await page.getByLabel(label, { exact: true }).boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(bar.x);
    expect(b.x + b.width).toBeLessThanOrEqual(bar.x + bar.width);
  }
  for (const label of ['range min', 'range max']) {
    const fit = await page.getByLabel(label, { exact: true }).evaluate((el: HTMLInputElement) => {
      const g = document.createElement('canvas').getContext('2d')!;
      g.font = getComputedStyle(el).font;
      return { text: g.measureText(el.value).width, box: el.clientWidth };
    });
    expect(fit.text).toBeLessThan(fit.box - INPUT_CHROME_PX);
  }
  const timeline = page.getByRole('group', { name: 'timeline' });
  if (await timeline.count()) {
    // its box and its right-most control (the speed select: content can overflow a squeezed box)
    const t = (await timeline.boundingBox())!;
    const speed = (await timeline.getByLabel('speed').boundingBox())!;
    expect(Math.max(t.x + t.width, speed.x + speed.width)).toBeLessThanOrEqual(bar.x);
  }
}
