import assert from 'node:assert/strict';
import { cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, type CodeAction } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { fileTypeBits, ReadDirectoryRequest, ReadFileRequest, type ReadFileParams, type ReadFileResult, type UriParams } from '../../server/src/protocol';
import { ensureBundle, messageOf, TestClient } from './harness';

// A folder that is not on the disk (a virtual workspace: a repository opened remotely, `vscode-vfs:`). The desktop
// server reads it as the web build reads everything: through the editor, over sqs/fs/*. The client here answers
// from a copy of the Liverpool example, as client/src/editorFiles.ts answers with vscode.workspace.fs.

const root = 'vscode-vfs://github/hmip/inspections';
const example = path.resolve(__dirname, '../../examples/liverpool-2013');
const second = path.resolve(__dirname, '../e2e/fixtures/second-inspection');

describe('a virtual workspace, read through the editor', () => {
  let dir: string;
  let client: TestClient;
  const asked: string[] = [];
  const read: string[] = [];
  const toPath = (uri: string) => path.join(dir, 'ws', URI.parse(uri).path.slice(URI.parse(root).path.length));

  before(async () => {
    ensureBundle();
    dir = mkdtempSync(path.join(tmpdir(), 'sqs-virtual-'));
    cpSync(example, path.join(dir, 'ws', 'liverpool'), { recursive: true });
    // A linked folder of cases, and in another inspection a linked case file: the editor has no realpath, so neither
    // is read, and each is said.
    cpSync(path.join(example, 'cases'), path.join(dir, 'elsewhere'), { recursive: true });
    symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'ws', 'liverpool', 'linked-cases'));
    cpSync(second, path.join(dir, 'ws', 'second'), { recursive: true });
    symlinkSync(path.join(dir, 'elsewhere', 'liv-01.case.sqs.yaml'), path.join(dir, 'ws', 'second', 'cases', 'linked.case.sqs.yaml'));
    client = new TestClient();
    client.connection.onRequest(ReadDirectoryRequest.method, ({ uri }: UriParams) => {
      asked.push(uri);
      try {
        return readdirSync(toPath(uri)).map((name) => {
          const p = path.join(toPath(uri), name);
          const link = lstatSync(p).isSymbolicLink() ? fileTypeBits.symbolicLink : 0;
          const s = statSync(p, { throwIfNoEntry: false });
          return [name, link | (s?.isDirectory() ? fileTypeBits.directory : s?.isFile() ? fileTypeBits.file : 0)];
        });
      } catch {
        return null;
      }
    });
    client.connection.onRequest(ReadFileRequest.method, ({ uri, maxBytes }: ReadFileParams): ReadFileResult | null => {
      try {
        // As vscode.workspace.fs's stat says, by its SymbolicLink bit.
        if (lstatSync(toPath(uri)).isSymbolicLink()) return { data: '', size: 0, symbolicLink: true };
        read.push(uri);
        const bytes = readFileSync(toPath(uri));
        return { data: bytes.subarray(0, maxBytes).toString('base64'), size: bytes.length };
      } catch {
        return null;
      }
    });
    await client.start(root);
  });

  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('indexes the folder through the editor: an unsaved case edit flags the stated count of an inspection file never opened', async () => {
    assert.ok(asked.includes(`${root}/liverpool/cases`), `the server listed the cases folder through the editor (asked: ${asked.length})`);
    const inspection = `${root}/liverpool/inspection.sqs.yaml`;
    assert.deepEqual(
      (await client.diagnostics(inspection)).map((d) => d.code),
      ['SQS008'],
      'Liverpool as published has no findings but the linked folder',
    );
    const liv01 = `${root}/liverpool/cases/liv-01.case.sqs.yaml`;
    const text = readFileSync(path.join(example, 'cases', 'liv-01.case.sqs.yaml'), 'utf8');
    assert.match(text, /^ {2}"2\.1": sufficient$/m);
    await client.open(liv01, text.replace(/^ {2}"2\.1": sufficient$/m, '  "2.1": not sufficient'));
    const ds = await client.diagnosticsUntil(inspection, (d) => d.some((x) => x.code === 'SQS030'), 'SQS030 on the inspection read through the editor');
    assert.ok(
      ds.some((d) => messageOf(d).includes('2.1: sufficient 19, but the case files tally 18.')),
      ds.map(messageOf).join(' | '),
    );
  });

  it('does not walk a linked folder, and says so in the inspection file, the link its related place', async () => {
    assert.ok(!asked.some((u) => u.includes('linked-cases')), 'the linked folder was not listed');
    const [d, ...more] = (await client.diagnostics(`${root}/liverpool/inspection.sqs.yaml`)).filter((x) => x.code === 'SQS008');
    assert.equal(more.length, 0);
    assert.match(messageOf(d!), /^linked-cases is a symbolic link to a folder, and where a link leads cannot be seen/);
    assert.deepEqual(
      d!.relatedInformation?.map((r) => [r.location.uri, r.message]),
      [[`${root}/liverpool/linked-cases`, 'linked-cases: the link, not followed']],
    );
  });

  it('reads no linked case file: the link gets the finding, and none of what it leads to is read', async () => {
    const link = `${root}/second/cases/linked.case.sqs.yaml`;
    const ds = await client.diagnostics(link);
    assert.deepEqual(
      ds.map((d) => [d.code, d.range.start.line]),
      [['SQS008', 0]],
    );
    assert.match(messageOf(ds[0]!), /^This file is a symbolic link, and where a link leads cannot be seen/);
    assert.ok(!read.some((u) => u.includes('linked')), read.filter((u) => u.includes('linked')).join(', '));
  });

  it('offers no fix that sets a stated count to the tally while a linked folder of the inspection is not read', async () => {
    const inspection = `${root}/liverpool/inspection.sqs.yaml`;
    const text = readFileSync(path.join(example, 'inspection.sqs.yaml'), 'utf8');
    await client.open(inspection, text.replace('"2.1": { relevant: 22, sufficient: 19 }', '"2.1": { relevant: 22, sufficient: 17 }'));
    const ds = (await client.diagnosticsUntil(inspection, (x) => x.some((d) => d.code === 'SQS030'), 'SQS030 on 2.1')).filter((d) => d.code === 'SQS030');
    const titles: string[] = [];
    for (const d of ds) {
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: inspection },
        range: d.range,
        context: { diagnostics: [d] },
      })) as CodeAction[];
      titles.push(...actions.map((a) => a.title));
    }
    assert.ok(titles.length > 0, 'the finding still has its other actions');
    assert.deepEqual(
      titles.filter((t) => /^Set /.test(t)),
      [],
      'the cases behind linked-cases are not counted: the stated 19 may be right',
    );
  });
});
