#!/usr/bin/env node
// `npm run fuzz:server`: random edit sequences against the bundled language server over stdio (10,000 by default),
// checked against its invariants and against `sqs check` (test/protocol/fuzz/). Arguments are passed on:
//   --sequences N  --seed S  --first K  --steps N
// Runs through tsx, as the test suites do. (`npm run fuzz`, issue 11's, fuzzes the core; the two can be joined.)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'test/protocol/fuzz/main.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
