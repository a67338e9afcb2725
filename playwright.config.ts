// Browser tests: @playwright/test driving Debian's Chromium (never a downloaded browser), headless,
// 1280x720, against the production build served by `vite preview` (same headers as production).
import { defineConfig } from '@playwright/test';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--enable-unsafe-webgpu',
];

// PW_PORT / PW_DIST let several developers run browser tests side by side (own build dir, own port); PW_REUSE=1
// reuses a preview server already listening on the port.
const port = Number(process.env.PW_PORT ?? 4173);
const dist = process.env.PW_DIST ?? 'dist';

export default defineConfig({
  testDir: 'tests/browser',
  testMatch: /.*\.spec\.ts/,
  timeout: 180_000,
  expect: { timeout: 60_000 },
  workers: 1,
  retries: 0,
  outputDir: 'test-results/playwright',
  reporter: [['list'], ['json', { outputFile: 'test-results/browser.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 720 },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS },
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1 --outDir ${dist}`,
    url: `http://127.0.0.1:${port}`,
    // never silently test someone else's build on a shared port: reuse a running server only when asked
    reuseExistingServer: !process.env.CI && process.env.PW_REUSE === '1',
    timeout: 60_000,
  },
});
