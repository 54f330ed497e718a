import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';

// The build once skipped an entry point it could not find and reported success, so a renamed file shipped an
// extension without its client, server or preview script. It must fail, naming what is missing.

const root = path.resolve(__dirname, '../..');

describe('esbuild.mjs', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sqs-build-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('fails, naming the entry point, when one is missing', () => {
    copyFileSync(path.join(root, 'esbuild.mjs'), path.join(dir, 'esbuild.mjs'));
    copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    // Every entry point but the preview's webview script.
    for (const entry of [
      'client/src/extension.ts',
      'server/src/server.ts',
      'server/src/cli/main.ts',
      'client/src/web/extension.ts',
      'server/src/web/server.ts',
      'client/src/grid/webview/main.ts',
      'scripts/export-schemas.ts',
    ]) {
      mkdirSync(path.dirname(path.join(dir, entry)), { recursive: true });
      writeFileSync(path.join(dir, entry), '');
    }
    const run = spawnSync(process.execPath, [path.join(dir, 'esbuild.mjs')], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stderr, /entry point not found: client\/src\/preview\/webview\/main\.ts/);
  });
});
