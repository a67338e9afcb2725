#!/usr/bin/env node
// organ-twin CLI launcher: registers the tsx TypeScript loader and runs src/cli/main.ts (same core as the app).
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
