// Session browser-test helpers for panel parameters beyond camera and organ visibility: the stress load (N),
// element size (mm) and cortical shell thickness (mm), a right-dragged slice window/level (HU) on top of the Lung preset, and an organ colour
// ('#rrggbb' in the colour input, sRGB 0..1 in the store). change() sets them and returns what to expect back.
import { expect, type Page } from '@playwright/test';

export const COLOUR_ORGAN = 'heart_myocardium';
const COLOUR = '#3366cc';

export interface ParamView {
  load: string;
  elementMm: string;
  shellMm: string;
  window: string;
  colour: string;
  rgb: number[];
}

const stressField = (page: Page, label: string) =>
  page.getByRole('region', { name: 'stress analysis' }).getByLabel(label, { exact: true });

export async function storeColour(page: Page, organ = COLOUR_ORGAN): Promise<number[] | undefined> {
  return page.evaluate(
    (name) => (window as any).__organTwin.appState().organs.find((o: { name: string }) => o.name === name)?.color,
    organ,
  );
}

/** Changes stress load + element size, shows the slices with Lung + a right-drag W/L, recolours one organ. */
export async function changeParams(page: Page): Promise<ParamView> {
  await stressField(page, 'load').fill('1200');
  await stressField(page, 'element size').fill('3.5');
  await stressField(page, 'shell thickness').fill('0.5');
  await page.getByLabel('slices', { exact: true }).check();
  await page.locator('.slice-controls').getByRole('button', { name: 'Lung', exact: true }).click();
  const wl = page.getByTestId('slice-window');
  await expect(wl).toHaveText('W 1500 L -600');
  const box = (await page.getByLabel('axial slice', { exact: true }).boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.mouse.down({ button: 'right' });
  await page.mouse.move(box.x + box.width * 0.5 + 60, box.y + box.height * 0.5 - 40, { steps: 5 });
  await page.mouse.up({ button: 'right' });
  await expect(wl).toContainText('(drag)');
  const wlText = await wl.innerText();
  expect(wlText).not.toContain('W 1500 L -600');
  await page.getByLabel(`colour ${COLOUR_ORGAN}`).fill(COLOUR);
  const rgb = [0x33 / 255, 0x66 / 255, 0xcc / 255];
  await expect.poll(() => storeColour(page)).toEqual(rgb);
  return { load: '1200', elementMm: '3.5', shellMm: '0.5', window: wlText, colour: COLOUR, rgb };
}

/** The panels show `want` (or, with `not`, none of it: the defaults before a restore). */
export async function expectParams(page: Page, want: ParamView, not = false): Promise<void> {
  const load = expect(stressField(page, 'load'));
  const element = expect(stressField(page, 'element size'));
  const shell = expect(stressField(page, 'shell thickness'));
  const colour = expect(page.getByLabel(`colour ${COLOUR_ORGAN}`));
  if (not) {
    await load.not.toHaveValue(want.load);
    await element.not.toHaveValue(want.elementMm);
    await shell.not.toHaveValue(want.shellMm);
    await colour.not.toHaveValue(want.colour);
    expect(await storeColour(page)).not.toEqual(want.rgb);
    await expect(page.getByTestId('slice-window')).toHaveCount(0); // slices hidden by default
    return;
  }
  await load.toHaveValue(want.load);
  await element.toHaveValue(want.elementMm);
  await shell.toHaveValue(want.shellMm);
  await expect(page.getByTestId('slice-window')).toHaveText(want.window);
  await colour.toHaveValue(want.colour);
  await expect.poll(() => storeColour(page)).toEqual(want.rgb);
}
