import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { ExportDataRequest, ExportRequest, PreviewRequest, reportFormats } from '../../server/src/protocol';
import { ensureBundle, TestClient } from './harness';

// Nothing leaves the machine: the server and the CLI run with every network API of Node replaced by a trap that
// records the attempt (test/helpers/noNetwork.cjs), do a day's work on the Liverpool example, and the record stays
// empty. The trap is shown to catch first, so an empty record means something. (The webview's own policy, nothing
// to connect to, is preview-html.test.ts's; the bundles' imports are no-network.test.ts's in the unit suite.)

const root = path.resolve(__dirname, '../..');
const trap = path.join(root, 'test/helpers/noNetwork.cjs');

describe('nothing leaves the machine', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sqs-no-network-'));
  const record = path.join(dir, 'network.log');
  const example = path.join(dir, 'liverpool');
  const traced = { args: ['--require', trap], env: { NO_NETWORK_LOG: record } };
  const attempts = () => readFileSync(record, 'utf8').split('\n').filter(Boolean);

  before(() => {
    ensureBundle();
    cpSync(path.join(root, 'examples/liverpool-2013'), example, { recursive: true });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('the trap catches a process that reaches out', () => {
    const r = spawnSync(process.execPath, ['--require', trap, '-e', "require('node:net').connect(9, '127.0.0.1')"], {
      env: { ...process.env, NO_NETWORK_LOG: record },
      encoding: 'utf8',
    });
    assert.notEqual(r.status, 0);
    assert.deepEqual(attempts(), ['net.connect']);
    rmSync(record);
  });

  it('the language server indexes, checks, previews and exports every format and the data without a network call', async () => {
    const client = new TestClient({ node: traced });
    try {
      await client.start(URI.file(example).toString());
      const uri = URI.file(path.join(example, 'cases/liv-01.case.sqs.yaml')).toString();
      await client.open(uri, readFileSync(URI.parse(uri).fsPath, 'utf8'));
      assert.ok(Array.isArray(await client.diagnostics(uri)));
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 8, character: 4 } });
      await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 8, character: 4 } });
      assert.ok(await client.connection.sendRequest(PreviewRequest, { uri }));
      for (const f of reportFormats) assert.ok(await client.connection.sendRequest(ExportRequest, { uri, format: f.id }), f.id);
      assert.ok(await client.connection.sendRequest(ExportDataRequest, { scope: 'workspace', format: 'xlsx' }));
    } finally {
      await client.stop();
    }
    assert.deepEqual(attempts(), []);
  });

  it('sqs check, render (every format) and export run without a network call', () => {
    const sqs = (...args: string[]) =>
      spawnSync(process.execPath, ['--require', trap, path.join(root, 'server/out/cli.js'), ...args], {
        env: { ...process.env, NO_NETWORK_LOG: record },
        encoding: 'utf8',
      }).status;
    assert.equal(sqs('check', example), 0);
    for (const f of reportFormats) assert.equal(sqs('render', example, '--format', f.id, '--out', path.join(dir, `report.${f.id}`)), 0, f.id);
    assert.equal(sqs('export', example, '--format', 'xlsx', '--out', path.join(dir, 'data.xlsx')), 0);
    assert.deepEqual(attempts(), []);
  });
});
