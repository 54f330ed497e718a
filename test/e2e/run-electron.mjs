#!/usr/bin/env node
// Runs the extension's mocha suite in desktop VS Code through @vscode/test-electron's runTests(). For any machine
// that has VS Code (VSCODE_EXECUTABLE=/path/to/code) or can download it (from Microsoft's update service; this
// project's CI machines cannot). Same suite as the code-server runner, minus the tests that need the page driver.
//
//   node test/e2e/run-electron.mjs --ext <extension folder> --tests <suite index.js>
//        (--folder <dir> | --workspace <file.code-workspace>) [--results test-results]
// Env: VSCODE_EXECUTABLE (a VS Code binary to use), VSCODE_VERSION (version to download, default stable).
// The last line is always "N passed, N failed".
import { runTests } from '@vscode/test-electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf('--' + name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const target = opt('workspace', opt('folder', ''));
if (!target) {
  console.error('[electron] give --folder <dir> or --workspace <file.code-workspace>');
  process.exit(2);
}
if (process.env.VSCODE_EXECUTABLE && !fs.existsSync(process.env.VSCODE_EXECUTABLE)) {
  console.error(`[electron] VSCODE_EXECUTABLE=${process.env.VSCODE_EXECUTABLE} does not exist`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const state = fs.mkdtempSync(path.join(os.tmpdir(), 'sqs-vscode-'));
const syncDir = path.join(state, 'sync');
fs.mkdirSync(syncDir);
const results = path.resolve(opt('results', path.join(ROOT, 'test-results')));
fs.mkdirSync(results, { recursive: true });

let code = 1;
try {
  code = await runTests({
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
    version: process.env.VSCODE_VERSION || undefined,
    extensionDevelopmentPath: path.resolve(opt('ext', ROOT)),
    extensionTestsPath: path.resolve(opt('tests', path.join(ROOT, 'out/e2e/suite/index.js'))),
    extensionTestsEnv: { E2E_SYNC_DIR: syncDir, E2E_RESULTS_DIR: results, E2E_RUNNER: 'electron' },
    launchArgs: [
      path.resolve(target),
      '--disable-extensions', // other installed extensions must not colour the results
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--disable-gpu',
      '--user-data-dir',
      path.join(state, 'user-data'),
      '--extensions-dir',
      path.join(state, 'extensions'),
    ],
  });
} catch (e) {
  console.error('[electron] VS Code did not run the suite:', e?.message ?? e);
}
const resultFile = path.join(syncDir, 'result.json');
const summary = fs.existsSync(resultFile) ? JSON.parse(fs.readFileSync(resultFile, 'utf8')) : undefined;
fs.rmSync(state, { recursive: true, force: true });
console.log(summary ? `${summary.passed} passed, ${summary.failed} failed` : '0 passed, 1 failed');
process.exit(code === 0 && summary && summary.failed === 0 ? 0 : 1);
