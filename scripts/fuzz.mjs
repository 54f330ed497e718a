#!/usr/bin/env node
// The long fuzz run: `npm run fuzz` (100,000 documents), or `node scripts/fuzz.mjs --documents N --seed S --workers W`.
// Each worker (test/fuzz/run.ts, through tsx) takes its share of the documents with a seed of its own; every document
// goes through parse, the checks of its file and the inspection file, and the CLI's outputs, each step timed against
// 1 s; every 10th twice (the same output), every 100th through the report in every format; then odd disks through
// `sqs check`. Prints each failure as it comes and the counts at the end; exits 1 on any failure or slow step.
// `--minutes M` stops taking documents after M minutes (the counts say how many were done).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const documents = option('documents', 100_000);
const seed = option('seed', 11);
const workers = option('workers', 2);
const disks = option('disk', 200);
const minutes = option('minutes', 0);

const started = Date.now();
const results = await Promise.all(
  Array.from({ length: workers }, (_, w) => {
    const share = Math.floor(documents / workers) + (w < documents % workers ? 1 : 0);
    const args = [
      '--import',
      'tsx',
      'test/fuzz/run.ts',
      '--documents',
      String(share),
      '--seed',
      String(seed + w),
      '--disk',
      String(w === 0 ? disks : 0),
      '--minutes',
      String(minutes),
    ];
    return new Promise((resolve) => {
      const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
      let counts;
      let rest = '';
      child.stdout.on('data', (chunk) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop();
        for (const line of lines) {
          if (line.startsWith('COUNTS ')) counts = JSON.parse(line.slice(7));
          else console.log(`[worker ${w}] ${line}`);
        }
      });
      child.on('close', (code) => resolve({ code, counts }));
    });
  }),
);
const total = { documents: 0, rendered: 0, twice: 0, failures: 0, slow: 0, slowestMs: 0, disks: 0, diskFailures: 0 };
for (const { code, counts } of results) {
  if (!counts) {
    console.log(`a worker stopped (exit ${code}) before its counts`);
    total.failures++;
    continue;
  }
  for (const k of Object.keys(total)) total[k] = k === 'slowestMs' ? Math.max(total[k], counts[k]) : total[k] + counts[k];
}
const took = ((Date.now() - started) / 60_000).toFixed(1);
console.log(
  `fuzz: ${total.documents} documents (${total.twice} run twice, ${total.rendered} through every renderer), ${total.disks} disks, ` +
    `${workers} workers, seed ${seed}, ${took} min; slowest step ${total.slowestMs} ms; ` +
    `${total.failures + total.diskFailures} failures, ${total.slow} steps over 1 s`,
);
process.exit(total.failures + total.diskFailures + total.slow > 0 ? 1 : 0);
