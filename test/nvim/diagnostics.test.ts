// The language server outside VS Code: headless Neovim starts `node server/out/server.js --stdio`, opens
// Liverpool files and must receive the server's diagnostics.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { hasNeovim, neovimDiagnostics, root } from './neovim';

describe('Neovim, a second LSP client of the bundled server', () => {
  let ws: string;
  const file = (p: string) => path.join(ws, p);

  before(() => {
    assert.ok(hasNeovim(), 'nvim is not installed: run bash test/e2e/setup.sh');
    const build = spawnSync(process.execPath, [path.join(root, 'esbuild.mjs')], { cwd: root, encoding: 'utf8' });
    assert.equal(build.status, 0, `the build failed:\n${build.stderr}`);
    ws = mkdtempSync(path.join(os.tmpdir(), 'sqs-nvim-ws-'));
    cpSync(path.join(root, 'examples/liverpool-2013'), ws, { recursive: true });
  });
  after(() => rmSync(ws, { recursive: true, force: true }));

  it('gets a case file’s own diagnostic at the value Neovim shows', () => {
    const liv = file('cases/liv-01.case.sqs.yaml');
    const text = readFileSync(liv, 'utf8');
    const line = text.split('\n').findIndex((l) => /^ {2}"1\.2": /.test(l));
    assert.ok(line > 0, 'liv-01 judges 1.2');
    writeFileSync(liv, text.replace(/^( {2}"1\.2": ).*$/m, '$1sufficent'));

    const run = neovimDiagnostics(ws, [liv], { expectCode: 'SQS011' });
    assert.ok(run.ok, `Neovim did not get SQS011: ${JSON.stringify(run)}`);
    const d = run.files[pathToFileURL(liv).href]!.find((x) => x.code === 'SQS011')!;
    assert.equal(d.line, line);
    assert.equal(d.character, '  "1.2": '.length);
    assert.match(d.message, /sufficent/);
    assert.equal(d.severity, 1);
    assert.deepEqual(run.server_exit, { code: 0, signal: 0 }, 'the server shuts down cleanly when Neovim stops it');
  });

  it('gets the inspection’s sample-size diagnostic when a case file is missing', () => {
    rmSync(file('cases/liv-34.case.sqs.yaml'));
    const inspection = file('inspection.sqs.yaml');
    const run = neovimDiagnostics(ws, [inspection], { expectCode: 'SQS040' });
    assert.ok(run.ok, `Neovim did not get SQS040: ${JSON.stringify(run)}`);
    const d = run.files[pathToFileURL(inspection).href]!.find((x) => x.code === 'SQS040')!;
    const sampleLine = readFileSync(inspection, 'utf8').split('\n').findIndex((l) => l.startsWith('sample:'));
    assert.equal(d.line, sampleLine);
    assert.match(d.message, /34 cases but this inspection has 33 case files/);
  });
});
