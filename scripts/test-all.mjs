// The one test command (`npm test`): typecheck, lint, unit tests (vitest, Node), production build,
// browser tests (Playwright + Debian Chromium). Prints a closing line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;

function run(label, cmd, args) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  console.log(`=== ${label}: exit ${r.status} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return r.status === 0;
}

function countStep(ok) {
  if (ok) passed += 1;
  else failed += 1;
}

countStep(run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']));
countStep(run('lint', 'npx', ['eslint', '.', '--max-warnings=0']));

const unitOk = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']);
if (existsSync('test-results/unit.json')) {
  const u = JSON.parse(readFileSync('test-results/unit.json', 'utf8'));
  passed += u.numPassedTests ?? 0;
  failed += (u.numFailedTests ?? 0) + (u.numFailedTestSuites ?? 0);
  if (!unitOk && (u.numFailedTests ?? 0) === 0 && (u.numFailedTestSuites ?? 0) === 0) failed += 1;
} else if (!unitOk) failed += 1;

const buildOk = run('build', 'npx', ['vite', 'build']);
countStep(buildOk);
if (buildOk && process.env.SKIP_BROWSER !== '1') {
  const browserOk = run('browser tests', 'npx', ['playwright', 'test']);
  if (existsSync('test-results/browser.json')) {
    const b = JSON.parse(readFileSync('test-results/browser.json', 'utf8'));
    const s = b.stats ?? {};
    passed += s.expected ?? 0;
    failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
    if (!browserOk && (s.unexpected ?? 0) === 0) failed += 1;
  } else if (!browserOk) failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
