// Zero egress with patient data: load the app, open a real CT through the file input (else the phantom),
// reconstruct, run the EP and stress solvers where their panels exist, export (session file, meshes), and
// assert that no request left the app's own origin (blob:/data: allowed). Then prove the CSP is enforced in the
// page AND in the workers (a cross-origin fetch is refused with a CSP violation) while gpu.js (webgl2),
// WebAssembly, workers and cross-origin isolation still work.
import { expect, test, type Page } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
import { waitForScene } from './sessionHelpers';

const LUMBAR_CT = '../shared/data/lumbar-ct/ct.nii.gz';
const FOREIGN = 'https://example.org/organ-twin-egress-probe';
/** gpu.js float32 axpy vs the float64 reference (values are O(1)). */
const GPU_TOL = 1e-5;
const SOLVER_WAIT_MS = 150_000;

async function waitIdle(page: Page, ms: number): Promise<boolean> {
  return page
    .waitForFunction(() => document.querySelectorAll('.task').length === 0, undefined, { timeout: ms })
    .then(() => true)
    .catch(() => false);
}

/** Clicks a solver's Run button if the panel is there; cancels it if it outlasts the wait. */
async function runSolver(page: Page, name: RegExp): Promise<string> {
  const btn = page.getByRole('button', { name });
  if ((await btn.count()) === 0) return 'no panel';
  if (await btn.first().isDisabled()) return 'disabled';
  await btn.first().click();
  if (await waitIdle(page, SOLVER_WAIT_MS)) return 'finished';
  await page
    .locator('.task button')
    .first()
    .click()
    .catch(() => undefined);
  await waitIdle(page, 30_000);
  return 'cancelled after wait';
}

test('no request leaves the app origin; CSP blocks foreign origins in page and workers; gpu.js/wasm still run', async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(600_000);
  mkdirSync('test-results/egress', { recursive: true });
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  context.on('weberror', (e) => requests.push(`weberror:${e.error().message}`));
  page.on('websocket', (ws) => requests.push(ws.url()));
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
  await waitForScene(page);
  const steps: Record<string, string> = {};

  steps.ep = await runSolver(page, /^Run EP$/);
  steps.stress = await runSolver(page, /^Run stress$/);

  const [session] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save session' }).click(),
  ]);
  await session.saveAs('test-results/egress/session.otwin.json');
  const exportBtn = page.getByRole('button', { name: 'Export visible' });
  if ((await exportBtn.count()) > 0) {
    const [mesh] = await Promise.all([page.waitForEvent('download'), exportBtn.click()]);
    await mesh.saveAs(`test-results/egress/${mesh.suggestedFilename()}`);
    steps.meshExport = mesh.suggestedFilename();
  }

  const fileInput = page.getByTestId('open-files');
  if ((await fileInput.count()) > 0 && existsSync(LUMBAR_CT)) {
    await fileInput.setInputFiles(LUMBAR_CT);
    const go = page.getByRole('dialog').getByRole('button', { name: /^Reconstruct \d+ organs?$/ });
    await go.click({ timeout: 60_000 });
    await expect(page.locator('.source')).toContainText('ct.nii.gz', { timeout: 170_000 });
    await waitIdle(page, 120_000);
    steps.scan = 'lumbar ct.nii.gz';
    steps.stressOnScan = await runSolver(page, /^Run stress$/);
  } else steps.scan = 'phantom (no file input yet)';
  console.log('egress steps', JSON.stringify(steps));

  const foreign = requests.filter(
    (u) => !(u.startsWith(`${origin}/`) || u.startsWith('blob:') || u.startsWith('data:')),
  );
  expect(foreign, `requests outside ${origin}`).toEqual([]);
  expect(requests.length).toBeGreaterThan(0);

  // Isolation + CSP, page side.
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  const pageFetch = await page.evaluate(
    (u) => (window as any).__organTwin.selfCheck.foreignFetch(u),
    FOREIGN,
  );
  expect(pageFetch.blocked).toBe(true);
  expect(pageFetch.violation).toMatch(/^connect-src blocked https:\/\/example\.org/);
  const gpu = await page.evaluate(() => (window as any).__organTwin.selfCheck.gpu('webgl2'));
  expect(gpu.backend).toBe('webgl2');
  expect(gpu.maxError).toBeLessThan(GPU_TOL);
  expect(await page.evaluate(() => (window as any).__organTwin.selfCheck.wasm())).toBe(42);

  // CSP, worker side: every live worker refuses a cross-origin fetch with a violation (header-delivered CSP).
  const workers = page.workers();
  expect(workers.length).toBeGreaterThan(0);
  for (const w of workers) {
    const r = await w.evaluate(async (u) => {
      let violation = '';
      self.addEventListener(
        'securitypolicyviolation',
        (e) => (violation = `${e.effectiveDirective} ${e.blockedURI}`),
      );
      try {
        await fetch(u, { mode: 'no-cors' });
        return { blocked: false, violation };
      } catch (err) {
        await new Promise((res) => setTimeout(res, 50));
        return { blocked: true, violation, error: String(err) };
      }
    }, FOREIGN);
    expect(r.blocked, w.url()).toBe(true);
    expect(r.violation, w.url()).toMatch(/^connect-src https:\/\/example\.org/);
  }
  await page.screenshot({ path: 'test-results/egress/final.png' });
});
