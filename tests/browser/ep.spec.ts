// EP workflow in the built app (headless Chromium, SwiftShader, 1280x720): the phantom loads, a coarse EP run
// (Mitchell-Schaeffer, dx 3 mm) streams Vm frames onto the heart, the activation map (turbo colours + isochrones)
// replaces the anatomy colours with a legend in ms and matches its golden image (another colormap does not), and
// a probe pinned on the heart shows an action potential: upstroke of more than 60 mV above rest (model Vm in mV:
// rest −80, peak ≈ +20), a plateau, then decay.
// A second probe is pinned; both list their current value; the probe CSV (t [ms] + one column per probe) and the
// per-vertex field CSV (x/y/z RAS mm + Vm) and the solver-grid VTI are downloaded through the UI and read back;
// hovering the heart shows Vm in mV; the PNG screenshot carries the scalar bar. A second test: S1-S2 from the panel.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { canvasColours, colormapFraction } from './colors';
import { expectScalarBarLaidOut } from './layout';
import { pinProbeAt } from './epProbe';
import { expectGolden, expectShiftTolerated, goldenDiff } from './golden';
import { S2_CAPTURE_FRACTION } from '../../src/ui/solvers/epS2';

const SHOTS = 'test-results/screenshots';
/** Minimum AP amplitude above the resting value (mV). */
const MIN_AP_AMPLITUDE_MV = 60;
/** Canvas fraction of colormap hues (green–cyan–blue, absent from the anatomy palette) for "the map is shown". */
const MIN_COLORMAP_FRACTION = 0.01;
/** Probe-column checks: the AP peak lies above 0 mV and the trace decays by at least this much after it (mV). */
const MIN_DECAY_MV = 5;
/** Vm values in the field CSV lie within the model's physiological band (mV). */
const VM_BAND_MV: [number, number] = [-100, 60];
/** Fraction of heart vertices that must carry a value (the rest lie off the coarse EP grid / in the lesion). */
const MIN_DATA_FRACTION = 0.9;

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), bytes: readFileSync(await dl.path()) };
}

function csvTable(text: string): { header: string[]; rows: number[][] } {
  const lines = text.trim().split('\n');
  const header = lines[0]!.split(',');
  const rows = lines.slice(1).map((l) => l.split(',').map(Number));
  expect(rows.filter((r) => r.length !== header.length).length).toBe(0);
  return { header, rows };
}

async function waitForPhantom(page: Page): Promise<void> {
  await page.goto('/');
  await page.waitForFunction(() => Number(document.body.dataset.organsDrawn ?? 0) > 0, undefined, { timeout: 150_000 });
  await expect(page.locator('.task')).toHaveCount(0, { timeout: 60_000 });
}

test('EP run colours the heart, shows a legend and a probe action potential', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await waitForPhantom(page);
  mkdirSync(SHOTS, { recursive: true });
  const canvas = '.viewer-canvas canvas';
  const before = await canvasColours(page, canvas);

  const ep = page.getByRole('region', { name: 'cardiac electrophysiology' });
  await ep.getByLabel('dx', { exact: true }).fill('3');
  await ep.getByLabel('duration', { exact: true }).fill('450');
  // Stimulus and a short ablation line placed by clicking on the heart (fractions of the canvas, anterior view).
  const box = (await page.locator(canvas).boundingBox())!;
  const at = (fx: number, fy: number) => page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
  await ep.getByRole('button', { name: 'Place stimulus' }).click();
  await at(0.6, 0.6);
  await expect(ep.getByText(/^at -?\d+, -?\d+, -?\d+ mm$/)).toBeVisible();
  await ep.getByRole('button', { name: 'Draw lesion line' }).click();
  await at(0.46, 0.56);
  await at(0.5, 0.63);
  await ep.getByRole('button', { name: 'Finish lesion line' }).click();
  await expect(ep.getByText('2 points')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/ep-stimulus-lesion.png` });
  await ep.getByRole('button', { name: 'Run EP' }).click();
  await expect(page.locator('.task[data-task="ep"]')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.locator('.task[data-task="ep"]')).toHaveCount(0, { timeout: 150_000 });
  const summary = await page.evaluate(() => (window.__organTwin?.epSummary as () => { status: string; backend: string; activatedFraction: number; cells: number })());
  expect(summary.status).toBe('completed');
  expect(summary.activatedFraction).toBeGreaterThan(0.9);
  await expect(page.getByTestId('ep-backend')).toContainText('backend:');

  // Vm mid-beat: scrub to 60 ms, legend in mV.
  await page.getByLabel('time', { exact: true }).fill('60');
  await page.waitForTimeout(400);
  await expect(page.getByTestId('scalar-bar')).toContainText('mV');
  await page.screenshot({ path: `${SHOTS}/ep-vm-60ms.png` });
  await expectScalarBarLaidOut(page);
  // the slice panel narrows the 3D view: timeline and scalar bar still do not collide
  await page.getByLabel('slices', { exact: true }).check();
  await page.waitForTimeout(500);
  await expectScalarBarLaidOut(page);
  await page.screenshot({ path: `${SHOTS}/ep-vm-slices.png` });
  await page.getByLabel('slices', { exact: true }).uncheck();
  await page.waitForTimeout(300);

  // Activation map with isochrones, legend in ms, colormap hues appear.
  await page.getByRole('button', { name: 'Activation (ms)' }).click();
  await page.waitForTimeout(500);
  await expect(page.getByTestId('scalar-bar')).toContainText('ms');
  await page.screenshot({ path: `${SHOTS}/ep-activation.png` });
  await expectGolden(page, 'ep-activation');
  await expectShiftTolerated(page, 'ep-activation');
  // The same map in another colormap must fail the golden comparison (the tolerance is not blind to colour).
  await page.getByLabel('colormap', { exact: true }).selectOption('viridis');
  await page.waitForTimeout(400);
  const recoloured = await goldenDiff(page, 'ep-activation', { tag: '-viridis' });
  expect(recoloured.pass, JSON.stringify(recoloured)).toBe(false);
  await page.getByLabel('colormap', { exact: true }).selectOption('turbo');
  await page.waitForTimeout(400);
  const after = await canvasColours(page, canvas);
  writeFileSync(`${SHOTS}/ep-activation.colours.json`, JSON.stringify({ before, after }, null, 2));
  expect(colormapFraction(after.families)).toBeGreaterThan(colormapFraction(before.families) + MIN_COLORMAP_FRACTION);

  // Probe on the heart (centre of the view; the see-through lungs pass the click on), Vm(t) plotted.
  await page.getByRole('button', { name: 'Vm (mV)' }).click();
  await page.getByRole('button', { name: 'Pin probes' }).click();
  await pinProbeAt(page, [[0.5, 0.5], [0.52, 0.55], [0.47, 0.45], [0.55, 0.6]], 1);
  await expect(page.getByTestId('probe-plot')).toBeVisible();
  const series = await page.evaluate(() => (window.__organTwin?.probeSeries as (i: number) => { t: number[]; v: number[] })(0));
  writeFileSync(`${SHOTS}/ep-probe.json`, JSON.stringify(series));
  const v = series.v.filter((x) => Number.isFinite(x));
  expect(v.length).toBeGreaterThan(20);
  const rest = v[0]!;
  const peakIdx = v.indexOf(Math.max(...v));
  expect(v[peakIdx]! - rest).toBeGreaterThan(MIN_AP_AMPLITUDE_MV);
  // Plateau: still well depolarised 40 ms after the peak; decay: the last value is below the peak.
  const frameMs = series.t[1]! - series.t[0]!;
  const later = v[Math.min(v.length - 1, peakIdx + Math.round(40 / frameMs))]!;
  expect(later - rest).toBeGreaterThan(MIN_AP_AMPLITUDE_MV / 2);
  expect(v[v.length - 1]!).toBeLessThan(v[peakIdx]! - 5);
  await page.screenshot({ path: `${SHOTS}/ep-probe.png` });

  // A second probe; each has its own series and shows its value now (60 ms) in the list.
  await pinProbeAt(page, [[0.56, 0.6], [0.6, 0.66], [0.44, 0.52], [0.53, 0.68], [0.5, 0.42]], 2);
  await page.getByRole('button', { name: 'Click on the organ… (done)' }).click();
  await expect(page.locator('.probe-value')).toHaveCount(2);
  for (const v of await page.locator('.probe-value').all()) await expect(v).toHaveText(/^-?\d+(\.\d+)? mV$/);
  const both = await page.evaluate(() => [0, 1].map((i) => (window.__organTwin?.probeSeries as (i: number) => { t: number[]; v: number[] })(i)));

  // Probe CSV through the UI: t [ms] + one Vm column per probe, all finite, an action potential in each column.
  const probeFile = await downloaded(page, () => page.getByRole('button', { name: 'Probe CSV' }).click());
  expect(probeFile.name).toMatch(/probes-Vm\.csv$/);
  writeFileSync(`${SHOTS}/ep-probes.csv`, probeFile.bytes);
  const probes = csvTable(probeFile.bytes.toString('utf8'));
  expect(probes.header[0]).toBe('t [ms]');
  expect(probes.header.length).toBe(3);
  for (const h of probes.header.slice(1)) expect(h).toMatch(/^P\d+ Vm \(heart\S* RAS -?[\d.]+ -?[\d.]+ -?[\d.]+ mm\) \[mV\]$/);
  expect(probes.rows.length).toBe(both[0]!.t.length);
  // (aggregate checks: one expect per property, not per cell — thousands of expects stall the runner)
  expect(probes.rows.flat().filter((x) => !Number.isFinite(x))).toEqual([]);
  expect(probes.rows.filter((r, i) => i > 0 && !(r[0]! > probes.rows[i - 1]![0]!)).length).toBe(0);
  for (const c of [1, 2]) {
    const col = probes.rows.map((r) => r[c]!);
    // the same numbers the plot shows (float32 frames, written with round-trip precision)
    expect(col.map((x) => Math.fround(x))).toEqual(both[c - 1]!.v.map((x) => Math.fround(x)));
    const peak = col.indexOf(Math.max(...col));
    expect(col[peak]!).toBeGreaterThan(0);
    expect(col[peak]! - col[0]!).toBeGreaterThan(MIN_AP_AMPLITUDE_MV);
    expect(col[col.length - 1]!).toBeLessThan(col[peak]! - MIN_DECAY_MV);
  }

  // Field CSV of the shown field (Vm, frame on screen) through the UI: RAS mm positions and Vm in mV per vertex.
  const fieldFile = await downloaded(page, () => page.getByRole('button', { name: 'Field CSV' }).click());
  expect(fieldFile.name).toMatch(/^heart\S*-Vm-\d+(\.\d+)?ms\.csv$/);
  const field = csvTable(fieldFile.bytes.toString('utf8'));
  expect(field.header.slice(0, 4)).toEqual(['vertex', 'x_RAS [mm]', 'y_RAS [mm]', 'z_RAS [mm]']);
  expect(field.header[4]).toMatch(/^Vm @ \d+(\.\d+)? ms \[mV\]$/);
  expect(field.rows.length).toBeGreaterThan(500);
  expect(field.rows.filter((r, i) => r[0] !== i).length).toBe(0);
  expect(field.rows.filter((r) => !r.slice(1, 4).every(Number.isFinite)).length).toBe(0);
  const values = field.rows.map((r) => r[4]!).filter((x) => Number.isFinite(x));
  expect(values.length / field.rows.length).toBeGreaterThan(MIN_DATA_FRACTION);
  expect(values.reduce((a, b) => Math.min(a, b), Infinity)).toBeGreaterThan(VM_BAND_MV[0]);
  expect(values.reduce((a, b) => Math.max(a, b), -Infinity)).toBeLessThan(VM_BAND_MV[1]);

  // Grid VTI of the shown field: the EP grid (dx 3 mm) with Vm at the frame on screen and the activation map.
  const vti = await downloaded(page, () => page.getByRole('button', { name: 'Grid VTI' }).click());
  expect(vti.name).toMatch(/-Vm-grid-\d+(\.\d+)?ms\.vti$/);
  const xml = vti.bytes.toString('utf8');
  expect(xml).toMatch(/<ImageData WholeExtent="0 \d+ 0 \d+ 0 \d+" Origin="[-\d.e ]+" Spacing="3 3 3">/);
  expect(xml).toMatch(/Name="Vm @ \d+(\.\d+)? ms \[mV\]"/);
  expect(xml).toContain('Name="activation [ms]"');
  expect(xml).toMatch(/Name="TimeValue" NumberOfTuples="1" format="ascii">\d+(\.\d+)?</);

  // Hover read-out: the heart under the pointer shows Vm with its units.
  let hovered = '';
  for (const [fx, fy] of [[0.5, 0.5], [0.56, 0.6], [0.52, 0.55], [0.47, 0.45], [0.55, 0.6]] as const) {
    await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
    await page.waitForTimeout(300);
    hovered = (await page.getByTestId('hover-readout').textContent().catch(() => '')) ?? '';
    if (/^Myocardium/.test(hovered) && /mV/.test(hovered)) break;
  }
  expect(hovered).toMatch(/^Myocardium · Vm -?\d+(\.\d+)? mV R -?\d+ A -?\d+ S -?\d+ mm$/);
  await page.screenshot({ path: `${SHOTS}/ep-hover-probes.png` });

  // PNG screenshot: the scalar bar is composed into the image (voltage map's top colour in the top-right corner,
  // where the WebGL canvas alone shows only background).
  const png = await downloaded(page, () => page.getByRole('button', { name: 'Screenshot (PNG)' }).click());
  writeFileSync(`${SHOTS}/ep-screenshot-composed.png`, png.bytes);
  const legend = await page.evaluate(async (b64) => {
    const img = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const w = Math.round(img.width * 0.2);
    const h = Math.round(img.height * 0.45);
    const px = g.getImageData(img.width - w, 0, w, h).data;
    let top = 0;
    for (let i = 0; i < px.length; i += 4) if (Math.abs(px[i]! - 255) + Math.abs(px[i + 1]! - 240) + Math.abs(px[i + 2]! - 160) < 30) top++;
    const canvas = document.querySelector('.viewer-canvas canvas') as HTMLCanvasElement;
    return { top, width: img.width, height: img.height, canvas: [canvas.width, canvas.height] };
  }, png.bytes.toString('base64'));
  expect([legend.width, legend.height]).toEqual(legend.canvas);
  expect(legend.top).toBeGreaterThan(50);

  // Playback advances the time display; pause stops it.
  const shown = await page.getByTestId('timeline-time').innerText();
  await page.getByRole('button', { name: 'play' }).click();
  await expect(page.getByTestId('timeline-time')).not.toHaveText(shown, { timeout: 10_000 });
  await page.getByRole('button', { name: 'pause' }).click();

  // A time step above the model's limit (Fenton-Karma: 0.1 ms) is refused with a notice; the results on screen
  // are kept.
  await ep.getByLabel('cell model').selectOption('fk');
  await ep.getByLabel('dt', { exact: true }).fill('0.2');
  await ep.getByRole('button', { name: 'Run EP' }).click();
  await expect(page.locator('.notice.error')).toContainText('EP:', { timeout: 30_000 });
  await expect(page.getByTestId('scalar-bar')).toContainText('Vm');
  await expect(page.locator('.probe-list li')).toHaveCount(2);

  // Posterior view with teaching labels: the gizmo's P faces the viewer, R on the screen's right; the composed
  // PNG carries the labels too (kept for review).
  await page.getByRole('button', { name: 'posterior' }).click();
  await page.getByLabel('anatomy labels').check();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${SHOTS}/ep-posterior-labels.png` });
  const labelled = await downloaded(page, () => page.getByRole('button', { name: 'Screenshot (PNG)' }).click());
  writeFileSync(`${SHOTS}/ep-posterior-composed.png`, labelled.bytes);
  await page.getByLabel('anatomy labels').uncheck();
  expect(errors).toEqual([]);
});

// S1-S2 from the EP panel: an S2 extrastimulus at the S1 site (default: apex). Mitchell-Schaeffer's refractory
// period is ≈ its APD, τ_close·ln(τ_out/4τ_in) ≈ 240 ms: S2 at 330 ms captures (tissue the S1 wave activated
// activates a second time and the panel says so); S2 at 150 ms, inside the apex's refractory period, does not.
test('S1-S2: S2 past the refractory period captures, S2 inside it does not', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await waitForPhantom(page);
  const ep = page.getByRole('region', { name: 'cardiac electrophysiology' });
  await ep.getByLabel('dx', { exact: true }).fill('3');
  type S2Summary = { status: string; s2StartMs?: number; secondActivationFraction: number; totalActivationMs: number };
  const runWith = async (couplingMs: number, durationMs: number): Promise<S2Summary> => {
    await ep.getByLabel('duration', { exact: true }).fill(String(durationMs));
    await ep.getByLabel('S2 coupling', { exact: true }).fill(String(couplingMs));
    await ep.getByRole('button', { name: 'Run EP' }).click();
    await expect(page.locator('.task[data-task="ep"]')).toHaveCount(1, { timeout: 30_000 });
    await expect(page.locator('.task[data-task="ep"]')).toHaveCount(0, { timeout: 150_000 });
    return page.evaluate(() => {
      const s = (window.__organTwin?.epSummary as () => S2Summary & { ecg?: unknown })();
      return { status: s.status, s2StartMs: s.s2StartMs, secondActivationFraction: s.secondActivationFraction, totalActivationMs: s.totalActivationMs };
    });
  };
  await ep.getByLabel('S1-S2', { exact: true }).check();
  mkdirSync(SHOTS, { recursive: true });
  const captured = await runWith(330, 450);
  await page.screenshot({ path: `${SHOTS}/ep-s1s2-captured.png` });
  await expect(page.getByTestId('ep-s2')).toHaveText(/^S2 at 330 ms: captured, \d+ % of the tissue activated a second time/);
  const blocked = await runWith(150, 250);
  writeFileSync(`${SHOTS}/ep-s1s2.json`, JSON.stringify({ captured, blocked }, null, 2));
  expect(captured.status).toBe('completed');
  expect(captured.s2StartMs).toBe(330);
  expect(captured.secondActivationFraction).toBeGreaterThan(S2_CAPTURE_FRACTION);
  expect(blocked.status).toBe('completed');
  expect(blocked.s2StartMs).toBe(150);
  expect(blocked.secondActivationFraction).toBeLessThan(S2_CAPTURE_FRACTION / 5);
  await expect(page.getByTestId('ep-s2')).toHaveText(/^S2 at 150 ms: no capture \(\d+ % activated again; tissue at the site still refractory\)$/);
  // an S2 past the end of the run is refused before it starts
  await ep.getByLabel('S2 coupling', { exact: true }).fill('300');
  await ep.getByRole('button', { name: 'Run EP' }).click();
  await expect(page.locator('.notice.error')).toContainText("EP: S2 at 300 ms lies past the run's 250 ms duration");
  expect(errors).toEqual([]);
});
