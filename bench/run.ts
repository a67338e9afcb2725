// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line), prints markdown
// tables with ratios against same-run baselines, and writes bench/results.json.
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { printSection, withRatios, type BenchSection } from './lib';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
  .sort();

const report: Record<string, BenchSection[]> = {};
for (const f of files) {
  console.log(`\n# ${f}`);
  const mod = (await import(join(here, f))) as { default: () => Promise<BenchSection[]> };
  const sections = await mod.default();
  for (const s of sections) {
    s.rows = withRatios(s.rows);
    printSection(s);
  }
  report[f] = sections;
}
const meta = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model };
writeFileSync(join(here, 'results.json'), JSON.stringify({ meta, report }, null, 2));
console.log(`\nwrote bench/results.json (${files.length} bench files)`);
