// The language server outside VS Code: headless Neovim starts `node server/out/server.js --stdio`, opens
// Liverpool files and must receive the server's diagnostics, in the right place, as it types.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, before, beforeEach, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { hasNeovim, neovimDiagnostics, root, type NeovimRun } from './neovim';

const lineOf = (file: string, pattern: RegExp) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => pattern.test(l));
const received = (run: NeovimRun, file: string, code: string, message = '') =>
  run.files[pathToFileURL(file).href]?.find((d) => d.code === code && d.message.includes(message));

describe('Neovim, a second LSP client of the bundled server', () => {
  let ws: string;
  const file = (p: string) => path.join(ws, p);

  before(() => {
    assert.ok(hasNeovim(), 'nvim is not installed: run bash test/e2e/setup.sh');
    const build = spawnSync(process.execPath, [path.join(root, 'esbuild.mjs')], { cwd: root, encoding: 'utf8' });
    assert.equal(build.status, 0, `the build failed:\n${build.stderr}`);
  });
  beforeEach(() => {
    ws = mkdtempSync(path.join(os.tmpdir(), 'sqs-nvim-ws-'));
    cpSync(path.join(root, 'examples/liverpool-2013'), ws, { recursive: true });
  });
  afterEach(() => rmSync(ws, { recursive: true, force: true }));

  it('a judgement changed in a Liverpool case file breaks a stated count: the diagnostic arrives', () => {
    const liv = file('cases/liv-01.case.sqs.yaml');
    const inspection = file('inspection.sqs.yaml');
    const line = lineOf(liv, /^ {2}"2\.1": sufficient$/);
    assert.ok(line > 0, 'LIV-01 judges 2.1 sufficient');

    const run = neovimDiagnostics(ws, {
      open: [liv, inspection],
      edits: [{ file: liv, line, text: '  "2.1": not sufficient' }],
      // The full stop: no "(31 of the 34 sampled case files written)" from before the server read them all.
      expect: [{ file: inspection, code: 'SQS030', message: '2.1: sufficient 19, but the case files tally 18.' }],
    });
    assert.ok(run.ok, `Neovim did not get SQS030: ${JSON.stringify(run)}`);
    assert.equal(run.mode, 'pull');
    const [only, ...others] = run.files[pathToFileURL(inspection).href]!;
    assert.deepEqual(others, [], 'the one broken count is the only finding');
    const stated = lineOf(inspection, /^ {2}"2\.1": \{ relevant: 22, sufficient: 19 \}/);
    assert.deepEqual(
      [only!.code, only!.line, only!.character, only!.severity],
      ['SQS030', stated, readFileSync(inspection, 'utf8').split('\n')[stated]!.indexOf('19'), 1],
    );
    assert.deepEqual(run.server_exit, { code: 0, signal: 0 }, 'the server shuts down cleanly when Neovim stops it');
  });

  it('a case file’s own slip is reported at the value', () => {
    const liv = file('cases/liv-02.case.sqs.yaml');
    const line = lineOf(liv, /^ {2}"1\.2": \w/);
    assert.ok(line > 0, 'LIV-02 judges 1.2 in one line');
    const text = readFileSync(liv, 'utf8').split('\n');
    text[line] = '  "1.2": sufficent';
    writeFileSync(liv, text.join('\n'));

    const run = neovimDiagnostics(ws, { open: [liv], expect: [{ file: liv, code: 'SQS011', message: 'sufficent' }] });
    assert.ok(run.ok, `Neovim did not get SQS011: ${JSON.stringify(run)}`);
    const d = received(run, liv, 'SQS011')!;
    assert.deepEqual([d.line, d.character], [line, '  "1.2": '.length]);
  });

  it('a missing case file: the sample diagnostic, counted once the server has read the whole workspace', () => {
    rmSync(file('cases/liv-34.case.sqs.yaml'));
    const inspection = file('inspection.sqs.yaml');
    // The first answer may come before the server has read every case file; it asks for a new pull when it has.
    const run = neovimDiagnostics(ws, { open: [inspection], expect: [{ file: inspection, code: 'SQS040', message: 'has 33 case files' }] });
    assert.ok(run.ok, `Neovim did not get SQS040: ${JSON.stringify(run)}`);
    assert.equal(received(run, inspection, 'SQS040', 'has 33 case files')!.line, lineOf(inspection, /^sample:/));
  });
});
