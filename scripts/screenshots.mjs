#!/usr/bin/env node
// `npm run screenshots`: the documentation's screenshots (docs/img/cases-view.png, grid.png, preview.png), taken in
// a real VS Code (the code-server harness of the real-editor suite, set up by test/e2e/setup.sh) on a fresh copy of
// the Liverpool example. The only script that writes into docs/img/; the tests write screenshots to test-results/.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSuite } from '../test/e2e/build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const say = (msg) => console.log(`[screenshots] ${msg}`);
const step = (what, cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[screenshots] ${what} failed`);
    process.exit(1);
  }
};

step('the build', process.execPath, ['esbuild.mjs']);
step('the setup of the real-editor harness', 'bash', [path.join(root, 'test/e2e/setup.sh')]);
const scenes = await buildSuite({ tests: 'test/e2e/screenshots', out: path.join(root, 'out/e2e/screenshots') });
const dir = mkdtempSync(path.join(os.tmpdir(), 'sqs-screenshots-'));
const folder = path.join(dir, 'liverpool-2013');
cpSync(path.join(root, 'examples/liverpool-2013'), folder, { recursive: true });
say(`taking the screenshots on a copy of the example in ${folder}`);
const run = spawnSync(
  process.execPath,
  ['test/e2e/harness/run-code-server.mjs', '--ext', root, '--tests', scenes, '--folder', folder, '--results', path.join(root, 'docs/img')],
  { cwd: root, stdio: 'inherit' },
);
rmSync(dir, { recursive: true, force: true });
if (run.status !== 0) {
  console.error('[screenshots] the scenes failed (see above); docs/img/ may hold some new screenshots and some old');
  process.exit(1);
}
say('docs/img/cases-view.png, grid.png and preview.png written');
