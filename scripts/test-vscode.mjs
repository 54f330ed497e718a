#!/usr/bin/env node
// `npm run test:vscode`: the extension's tests inside a real VS Code, on the Liverpool example.
//
//   node scripts/test-vscode.mjs [--runner code-server|electron] [--no-setup] [--no-build] [--keep-workspace]
//                                [--no-start-check]        (skip the check of `npm start` that follows the suite)
//                                [--only desktop|web]     (one build; both by default, the web one with code-server only)
//                                [--result-file <json>]   (the counts, for scripts/test.mjs)
//
// Picks the runner that can work on this machine, and says which and why:
//   - electron (@vscode/test-electron) when VSCODE_EXECUTABLE names a VS Code binary, or when asked for
//     (--runner electron / SQS_E2E_RUNNER=electron) on a machine that can download VS Code;
//   - otherwise, on Linux x64, code-server in headless Chromium (set up by test/e2e/setup.sh, idempotent).
// The workspace is a fresh copy for every run, so tests may edit and save: the Liverpool example as the first
// folder, a second inspection (test/e2e/fixtures/second-inspection) as the second.
// Screenshots go to test-results/. The last line is always "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSuite } from '../test/e2e/build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const say = (msg) => console.log(`[test:vscode] ${msg}`);
const finish = (passed, failed, code = failed > 0 ? 1 : 0) => {
  if (opt('result-file')) writeFileSync(opt('result-file'), JSON.stringify({ passed, failed }));
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code);
};

function chooseRunner() {
  const asked = opt('runner') ?? process.env.SQS_E2E_RUNNER;
  if (asked === 'code-server' || asked === 'electron') return { runner: asked, why: 'as asked' };
  if (asked) {
    console.error(`[test:vscode] unknown runner "${asked}": use code-server or electron`);
    finish(0, 1, 2);
  }
  if (process.env.VSCODE_EXECUTABLE) return { runner: 'electron', why: `VSCODE_EXECUTABLE=${process.env.VSCODE_EXECUTABLE}` };
  if (process.platform === 'linux' && process.arch === 'x64') {
    return { runner: 'code-server', why: 'no VSCODE_EXECUTABLE, and @vscode/test-electron would need to download VS Code' };
  }
  return { runner: 'electron', why: `code-server's harness supports Linux x64 only; this is ${process.platform}-${process.arch}` };
}

function run(cmd, argv, what) {
  return new Promise((resolve) => {
    const child = spawn(cmd, argv, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let last = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      last = (last + chunk.toString()).split('\n').slice(-3).join('\n');
    });
    // Ctrl-C reaches the child through the terminal; stop it ourselves when the signal comes some other way.
    const forward = (sig) => child.kill(sig);
    process.on('SIGTERM', forward);
    child.on('close', (code, signal) => {
      process.off('SIGTERM', forward);
      const m = /(\d+) passed, (\d+) failed\s*$/.exec(last);
      resolve({ code: code ?? 1, signal, passed: m ? +m[1] : 0, failed: m ? +m[2] : 1, what });
    });
  });
}

/** A private copy of the workspace: the Liverpool inspection and a second one, as a two-folder workspace. */
function prepareWorkspace() {
  const liverpool = path.join(root, 'examples/liverpool-2013');
  say('workspace: copies of examples/liverpool-2013 and test/e2e/fixtures/second-inspection');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sqs-e2e-workspace-'));
  cpSync(liverpool, path.join(dir, 'liverpool-2013'), { recursive: true });
  cpSync(path.join(root, 'test/e2e/fixtures/second-inspection'), path.join(dir, 'second-inspection'), { recursive: true });
  const file = path.join(dir, 'sqs-e2e.code-workspace');
  writeFileSync(file, JSON.stringify({ folders: [{ path: 'liverpool-2013' }, { path: 'second-inspection' }] }, null, 2));
  return { dir, file };
}

const { runner, why } = chooseRunner();
const t0 = Date.now();

if (!flag('no-build')) {
  say('building the extension and the suite');
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('[test:vscode] the build failed');
    finish(0, 1);
  }
}
const only = opt('only');
if (only && only !== 'desktop' && only !== 'web') {
  console.error(`[test:vscode] unknown build "${only}": use desktop or web`);
  finish(0, 1, 2);
}
const suite = await buildSuite();
// The web build's suite stays in the Node extension host and drives the extension in the Web Worker host: VS Code
// runs a suite in the host of the extension whose folder holds it, so this one is built outside the extension.
const webSuiteDir = mkdtempSync(path.join(os.tmpdir(), 'sqs-e2e-web-suite-'));
const webSuite = runner === 'code-server' && only !== 'desktop' ? await buildSuite({ tests: 'test/e2e/web', out: webSuiteDir }) : undefined;

if (runner === 'code-server') {
  const harness = JSON.parse(readFileSync(path.join(root, 'test/e2e/harness/package.json'), 'utf8'));
  say(`runner: code-server ${harness.devDependencies['code-server']} (real VS Code workbench, Node extension host) in headless Chromium — ${why}`);
  if (!flag('no-setup')) {
    const setup = spawnSync('bash', [path.join(root, 'test/e2e/setup.sh')], { cwd: root, stdio: 'inherit' });
    if (setup.status !== 0) {
      console.error('[test:vscode] setup failed (see above); the real-editor tests cannot run');
      finish(0, 1);
    }
  }
} else {
  say(`runner: @vscode/test-electron (desktop VS Code${process.env.VSCODE_EXECUTABLE ? '' : ', downloaded'}) — ${why}`);
}

const script = runner === 'code-server' ? 'test/e2e/harness/run-code-server.mjs' : 'test/e2e/run-electron.mjs';
/** One run of a suite on a fresh copy of the workspace. */
async function runSuite(tests, what, extra = [], ext = root) {
  const ws = prepareWorkspace();
  const t = Date.now();
  const result = await run(
    process.execPath,
    [script, '--ext', ext, '--tests', tests, '--workspace', ws.file, '--results', path.join(root, 'test-results'), ...extra],
    what,
  );
  if (flag('keep-workspace')) say(`workspace kept in ${ws.dir}`);
  else rmSync(ws.dir, { recursive: true, force: true });
  say(`${what} run took ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return { passed: result.passed, failed: result.code !== 0 && result.failed === 0 ? 1 : result.failed };
}

let passed = 0;
let failed = 0;
if (only !== 'web') ({ passed, failed } = await runSuite(suite, `${runner} (desktop build)`));
if (webSuite) {
  // The .vsix as shipped (package.json has `main` and `browser`), installed and made a web extension by the user setting
  // remote.extensionKind ["ui"]: code-server's browser client then runs it in its Web Worker extension host, as vscode.dev
  // would. An extension under development ignores that setting, so the one under development is an empty driver,
  // a place for the suite in the Node host.
  say('the web build: the packaged extension in the Web Worker extension host, the suite (test/e2e/web) in the Node host driving it');
  const vsix = path.join(webSuiteDir, 'sqs-findings.vsix');
  const pack = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  const web =
    pack.status === 0
      ? await runSuite(
          webSuite,
          'code-server (web build)',
          ['--install', vsix, '--settings', JSON.stringify({ 'remote.extensionKind': { 'hmi-probation.sqs-findings': ['ui'] } })],
          path.join(root, 'test/e2e/web/driver'),
        )
      : (say('packaging the extension failed (see above)'), { passed: 0, failed: 1 });
  passed += web.passed;
  failed += web.failed;
} else if (only === 'web') {
  say(`the web build runs with the code-server runner only; ${runner} was chosen`);
  failed += 1;
}
rmSync(webSuiteDir, { recursive: true, force: true });
say(`took ${((Date.now() - t0) / 1000).toFixed(1)} s`);

// npm start as a user meets it: packaged, served, the example open, stopped by Ctrl-C (code-server only).
if (runner === 'code-server' && !flag('no-start-check')) {
  const t1 = Date.now();
  const start = await run(process.execPath, ['test/e2e/harness/start-check.mjs', '--results', path.join(root, 'test-results')], 'npm start');
  say(`npm start check took ${((Date.now() - t1) / 1000).toFixed(1)} s`);
  passed += start.passed;
  failed += start.code !== 0 && start.failed === 0 ? 1 : start.failed;
}
// The runners printed their own closing lines; this one is the script's, and the one scripts/test.mjs reads.
finish(passed, failed);
