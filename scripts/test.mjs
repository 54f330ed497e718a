#!/usr/bin/env node
// Runs the test suites and prints one closing line: "N passed, N failed".
//   node scripts/test.mjs            every suite
//   node scripts/test.mjs unit ...   only the named suites (--no-build: use the bundles as they are)
// The lint suite (ESLint and Prettier's check, `npm run lint`) runs first and counts as one test.
// Suites are folders under test/ with *.test.ts files run by node's test runner (through tsx), and suites with
// a script of their own (scriptSuites) that writes its counts to a result file. Suites that need the real-editor
// setup (Chromium, code-server, Neovim) get it first, once (test/e2e/setup.sh, idempotent).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nodeSuites = ['unit', 'protocol', 'nvim'];
const scriptSuites = { vscode: 'scripts/test-vscode.mjs' };
/** Suites that are one command: passed when it exits 0. */
const commandSuites = { lint: ['npm', ['run', '--silent', 'lint']] };
const needSetup = new Set(['vscode', 'nvim']);
const noBuild = process.argv.includes('--no-build');
const wanted = process.argv.slice(2).filter((a) => a !== '--no-build');
const suites = wanted.length > 0 ? wanted : [...Object.keys(commandSuites), ...nodeSuites, ...Object.keys(scriptSuites)];

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return testFiles(p);
    return name.endsWith('.test.ts') ? [p] : [];
  });
}

// The CLI, protocol and editor suites run the bundles; build them from the sources under test first
// (a second or two), so a suite never passes or fails on a stale bundle.
if (!noBuild && spawnSync(process.execPath, [path.join(root, 'esbuild.mjs')], { cwd: root, stdio: 'inherit' }).status !== 0) {
  console.log('\n0 passed, 1 failed (the build failed)');
  process.exit(1);
}

let passed = 0;
let failed = 0;
let setup;
for (const suite of suites) {
  if (needSetup.has(suite)) {
    setup ??= spawnSync('bash', [path.join(root, 'test/e2e/setup.sh')], { cwd: root, stdio: 'inherit' }).status === 0;
    if (!setup) {
      console.error(`suite ${suite}: not run, the setup failed (see above)`);
      failed++;
      continue;
    }
  }
  if (suite in commandSuites) {
    console.log(`\n=== ${suite}: ${commandSuites[suite].flat().join(' ')} ===`);
    const [command, args] = commandSuites[suite];
    const ok = spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status === 0;
    console.log(ok ? `${suite}: passed` : `${suite}: FAILED`);
    if (ok) passed++;
    else failed++;
    continue;
  }
  if (suite in scriptSuites) {
    console.log(`\n=== ${suite}: ${scriptSuites[suite]} ===`);
    const resultFile = path.join(root, 'out', `${suite}.result.json`);
    mkdirSync(path.dirname(resultFile), { recursive: true });
    rmSync(resultFile, { force: true });
    const run = spawnSync(process.execPath, [scriptSuites[suite], '--no-setup', '--result-file', resultFile], { cwd: root, stdio: 'inherit' });
    const counts = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : { passed: 0, failed: 0 };
    passed += counts.passed;
    failed += counts.failed;
    if (run.status !== 0 && counts.failed === 0) failed++; // it stopped before counting
    continue;
  }
  const files = testFiles(path.join(root, 'test', suite)).sort();
  if (files.length === 0) {
    console.error(`suite ${suite}: no test files`);
    failed++;
    continue;
  }
  console.log(`\n=== ${suite}: ${files.length} file(s) ===`);
  // The spec reporter is for people; the TAP copy is for counting.
  const tapFile = path.join(root, 'out', `${suite}.tap`);
  mkdirSync(path.dirname(tapFile), { recursive: true });
  rmSync(tapFile, { force: true });
  const run = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tapFile}`,
      ...files,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
  const p = Number(/^# pass (\d+)/m.exec(tap)?.[1] ?? 0);
  const f = Number(/^# fail (\d+)/m.exec(tap)?.[1] ?? 0);
  passed += p;
  failed += f;
  if (run.status !== 0 && f === 0) failed++; // a crash before any test reported
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
