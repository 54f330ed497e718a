#!/usr/bin/env node
// Runs the benchmarks: every bench/*.bench.ts (through tsx), or those named: node scripts/bench.mjs checks
// Each prints medians; numbers are for comparing runs on one machine, not for asserting in tests.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wanted = process.argv.slice(2);
const files = readdirSync(path.join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts') && (wanted.length === 0 || wanted.includes(f.replace(/\.bench\.ts$/, ''))))
  .sort();
if (files.length === 0) {
  console.error(`no benchmarks${wanted.length ? ` named ${wanted.join(', ')}` : ''} in bench/`);
  process.exit(2);
}
let failed = false;
for (const f of files) {
  console.log(`\n=== ${f} ===`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join('bench', f)], { cwd: root, stdio: 'inherit' });
  failed ||= r.status !== 0;
}
process.exit(failed ? 1 : 0);
