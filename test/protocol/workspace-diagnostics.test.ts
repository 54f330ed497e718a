import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LSPErrorCodes,
  type Diagnostic,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { EditorsChangedNotification } from '../../server/src/protocol';
import { minimalCase, minimalInspection } from '../helpers/index';
import { ensureBundle, messageOf, tempWorkspace, TestClient, type WorkspacePull } from './harness';

// The workspace pull (`workspace/diagnostic`): the diagnostics of files that are not open, as the Problems
// panel shows them. The pulls are sent as vscode-languageclient 11 sends them (result ids held, a partial
// result token); the inspection file is never opened in the editor here.

before(() => ensureBundle());

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);
const full = (pull: WorkspacePull) => [...pull.latest.values()].filter((r) => r.kind === 'full');
const idsOf = (pull: WorkspacePull) => [...pull.latest.values()].flatMap((r) => (r.resultId ? [{ uri: r.uri, value: r.resultId }] : []));
const reportsSince = (pull: WorkspacePull, from: number) => pull.received.slice(from);

describe('workspace diagnostics on the Liverpool example', () => {
  const ws = tempWorkspace({});
  cpSync(path.resolve(__dirname, '../../examples/liverpool-2013'), ws.dir, { recursive: true });
  const inspection = ws.uri('inspection.sqs.yaml');
  const liv01 = ws.uri('cases/liv-01.case.sqs.yaml');
  const liv01Text = readFileSync(path.join(ws.dir, 'cases/liv-01.case.sqs.yaml'), 'utf8');
  const client = new TestClient();
  const files = 1 + readdirSync(path.join(ws.dir, 'cases')).length;

  before(() => client.start(ws.uri('')));
  after(async () => {
    await client.stop();
    ws.remove();
  });

  it('reports every file of the workspace, open or not, in the first partial result', async () => {
    const pull = client.workspacePull();
    await client.until(() => full(pull).length === files, 'a report for each of the 35 files');
    assert.equal(pull.partials, 1, 'one partial result for a workspace this size');
    assert.equal(pull.answered, false, 'the pull is held open');
    assert.deepEqual(codes((pull.latest.get(inspection) as { items: Diagnostic[] }).items), [], 'the published inspection is consistent');
    assert.ok(
      [...pull.latest.values()].every((r) => r.version === null && typeof r.resultId === 'string'),
      'closed files: no version, and a result id',
    );
    pull.cancel();
    await assert.rejects(pull.response);
  });

  it("a case edit brings the closed inspection file's SQS030 through the held pull, and the undo clears it", async () => {
    const pull = client.workspacePull();
    await client.until(() => full(pull).length === files, 'the first report');
    const from = pull.received.length;

    await client.open(liv01, liv01Text);
    await client.change(liv01, liv01Text.replace('"2.1": sufficient', '"2.1": not sufficient'));
    const ds = await client.workspaceReport(pull, inspection, (d) => codes(d).includes('SQS030'), 'SQS030 in the closed inspection file');
    const mismatch = ds.find((d) => d.code === 'SQS030')!;
    assert.match(messageOf(mismatch), /^2\.1: sufficient 19, but the case files tally 18\./);
    const stated = readFileSync(path.join(ws.dir, 'inspection.sqs.yaml'), 'utf8')
      .split('\n')
      .findIndex((l) => l.startsWith('  "2.1": { relevant: 22, sufficient: 19 }'));
    assert.equal(mismatch.range.start.line, stated);
    assert.equal(pull.answered, false, 'still held: changes stream, the client does not poll');
    // Only the files whose findings the edit changed are sent again: the case edited and the inspection file.
    assert.deepEqual([...new Set(reportsSince(pull, from).map((r) => r.uri))].sort(), [liv01, inspection].sort());
    const open = pull.latest.get(liv01)!;
    assert.equal(open.version, client.versions.get(liv01), 'an open document is reported at its version');

    await client.change(liv01, liv01Text);
    await client.workspaceReport(pull, inspection, (d) => !codes(d).includes('SQS030'), 'SQS030 cleared by the undo');
    await client.close(liv01);
    pull.cancel();
    await assert.rejects(pull.response);
  });

  it('files whose result id the client holds come back unchanged; a pull without partial results is held until one changes', async () => {
    const first = client.workspacePull();
    await client.until(() => full(first).length === files, 'the first report');
    const ids = idsOf(first);
    first.cancel();
    await assert.rejects(first.response);

    const again = client.workspacePull(ids);
    await client.until(() => again.latest.size === files, 'a report for every file');
    assert.ok(
      [...again.latest.values()].every((r) => r.kind === 'unchanged'),
      'every file unchanged',
    );
    // By file: the order of the reports is not the protocol's (a file still settling is reported after the others).
    assert.deepEqual(
      Object.fromEntries([...again.latest.values()].map((r) => [r.uri, r.resultId])),
      Object.fromEntries(ids.map((i) => [i.uri, i.value])),
      'with the ids the client holds',
    );
    again.cancel();
    await assert.rejects(again.response);

    // Without a partial result token the answer is the report; with nothing new, it waits for something new.
    const liv02 = ws.uri('cases/liv-02.case.sqs.yaml');
    const text = readFileSync(path.join(ws.dir, 'cases/liv-02.case.sqs.yaml'), 'utf8');
    await client.open(liv02, text);
    const current = client.workspacePull(ids);
    await client.until(() => current.latest.get(liv02)?.kind === 'full', 'the opened file reported (a new analysis, a new id)');
    const held = client.workspacePull(idsOf(current), { stream: false });
    await assert.doesNotReject(current.response, 'the held pull is answered when replaced');
    await client.change(liv02, text.replace(/^case: LIV-02$/m, 'case: LIV-02\nsentense: oops'));
    const answer = await held.response;
    const byUri = new Map(answer.items.map((r) => [r.uri, r]));
    const edited = byUri.get(liv02) as WorkspaceDocumentDiagnosticReport & { items: Diagnostic[] };
    assert.equal(edited.kind, 'full', 'the edited file in full');
    assert.ok(codes(edited.items).includes('SQS010'), `the misspelt key: ${JSON.stringify(codes(edited.items))}`);
    assert.equal(byUri.get(ws.uri('cases/liv-03.case.sqs.yaml'))?.kind, 'unchanged', 'the others unchanged');
    await client.close(liv02);
  });

  it('cancellation: the held pull is answered RequestCancelled and sent nothing more', async () => {
    const cancelled = client.workspacePull();
    await client.until(() => full(cancelled).length === files, 'the first report');
    cancelled.cancel();
    await assert.rejects(cancelled.response, (e: { code?: number }) => e.code === LSPErrorCodes.RequestCancelled);
    const after = cancelled.received.length;

    // Another pull sees the next change: by then the cancelled one would have had it too.
    const other = client.workspacePull();
    await client.until(() => full(other).length === files, "the other pull's first report");
    await client.open(liv01, liv01Text);
    await client.change(liv01, liv01Text.replace('"2.1": sufficient', '"2.1": not sufficient'));
    await client.workspaceReport(other, inspection, (d) => codes(d).includes('SQS030'), 'SQS030 to the other pull');
    assert.equal(cancelled.received.length, after, 'nothing to the cancelled pull');
    await client.change(liv01, liv01Text);
    await client.close(liv01);
    other.cancel();
    await assert.rejects(other.response);
  });

  it('a new pull while one is held answers the held one (empty: it streamed everything already)', async () => {
    const held = client.workspacePull();
    await client.until(() => full(held).length === files, 'the first report');
    const next = client.workspacePull(idsOf(held));
    assert.deepEqual(await held.response, { items: [] });
    await client.until(() => next.latest.size === files, "the new pull's report");
    next.cancel();
    await assert.rejects(next.response);
  });
});

describe('workspace diagnostics follow the disk, closed documents and settings', () => {
  const ws = tempWorkspace({
    'inspection.sqs.yaml': minimalInspection,
    'cases/a.case.sqs.yaml': minimalCase('T-1'),
    'cases/b.case.sqs.yaml': minimalCase('T-2'),
  });
  const client = new TestClient();
  const inspection = ws.uri('inspection.sqs.yaml');
  const a = ws.uri('cases/a.case.sqs.yaml');
  const b = ws.uri('cases/b.case.sqs.yaml');
  let pull: WorkspacePull;
  before(async () => {
    await client.start(ws.uri(''));
    pull = client.workspacePull();
    await client.until(() => full(pull).length === 3, 'the first report');
  });
  after(async () => {
    pull.cancel();
    await pull.response.catch(() => undefined);
    await client.stop();
    ws.remove();
  });

  it('a case file deleted on disk is cleared, without a result id, and the inspection counts one case fewer', async () => {
    ws.removePath('cases/b.case.sqs.yaml');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: b, type: FileChangeType.Deleted }] });
    await client.workspaceReport(pull, inspection, (d) => codes(d).includes('SQS040'), 'the sample mismatch');
    const gone = pull.latest.get(b)!;
    assert.deepEqual(gone, { kind: 'full', uri: b, version: null, items: [] });
    ws.write('cases/b.case.sqs.yaml', minimalCase('T-2'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: b, type: FileChangeType.Created }] });
    await client.workspaceReport(pull, inspection, (d) => !codes(d).includes('SQS040'), 'the sample whole again');
    assert.equal(pull.latest.get(b)?.kind, 'full');
  });

  it('a document closed without saving is reported as the disk has it', async () => {
    await client.open(a, minimalCase('T-1').replace('"1.2": sufficient', '"1.2": sufficent'));
    await client.workspaceReport(pull, a, (d) => codes(d).includes('SQS011'), 'the unsaved slip');
    await client.close(a);
    await client.workspaceReport(pull, a, (d) => !codes(d).includes('SQS011'), 'the file on disk, without the slip');
    assert.equal(pull.latest.get(a)!.version, null);
  });

  it('a document deleted on disk counts while open; closed, it is cleared after the last pull of it is answered', async () => {
    const c = ws.uri('cases/c.case.sqs.yaml');
    const text = minimalCase('T-3').replace('"1.2": sufficient', '"1.2": sufficent');
    ws.write('cases/c.case.sqs.yaml', text);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: c, type: FileChangeType.Created }] });
    await client.workspaceReport(pull, inspection, (d) => codes(d).includes('SQS040'), 'a third case over the sample');
    await client.open(c, text);
    assert.ok(codes(await client.diagnostics(c)).includes('SQS011'));

    ws.removePath('cases/c.case.sqs.yaml');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: c, type: FileChangeType.Deleted }] });
    // Open, its text still counts: the sample still has three.
    assert.ok(codes(await client.diagnostics(c)).includes('SQS011'));
    assert.ok(codes(await client.diagnostics(inspection)).includes('SQS040'));

    // What vscode-languageclient does as the last tab closes: a last pull of the document (whose answer it drops, and
    // until which it drops what the workspace pull says of the file), then the server is told.
    let answered = -1;
    const last = client.pull(c).then(() => (answered = pull.received.length));
    await client.connection.sendNotification(EditorsChangedNotification, { shown: [], hidden: [c] });
    await last;
    await client.workspaceReport(pull, c, (d) => d.length === 0, 'the deleted file cleared');
    const cleared = pull.received.findIndex((r, i) => i >= answered && r.uri === c && r.kind === 'full' && r.items.length === 0);
    assert.ok(cleared >= answered, 'cleared after the last pull was answered');
    await client.workspaceReport(pull, inspection, (d) => !codes(d).includes('SQS040'), 'the sample whole again');

    // A tab opened on it again (VS Code sends no didOpen for a document it kept open): its text counts again.
    await client.connection.sendNotification(EditorsChangedNotification, { shown: [c], hidden: [] });
    await client.workspaceReport(pull, inspection, (d) => codes(d).includes('SQS040'), 'the shown text counted again');
    await client.close(c);
    await client.workspaceReport(pull, inspection, (d) => !codes(d).includes('SQS040'), 'closed for good');
  });

  it('a settings change sends every file again, with the new severities', async () => {
    const before = new Map([...pull.latest].map(([u, r]) => [u, r.resultId]));
    client.settings = { diagnostics: { notYetJudged: 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.workspaceReport(pull, a, (d) => !codes(d).includes('SQS051'), 'what is left to judge, off');
    await client.until(() => [inspection, a, b].every((u) => pull.latest.get(u)?.resultId !== before.get(u)), 'new result ids for every file');
  });

  it('reads severities as sqs check --severity does ("info" too), and logs the ones it cannot use', async () => {
    client.settings = { diagnostics: { notYetJudged: 'off', severity: { SQS051: 'info', 'sample-mismatch': 'loud' } } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const report = await client.workspaceReport(pull, a, (d) => codes(d).includes('SQS051'), 'what is left to judge, back as information');
    assert.ok(report.filter((d) => d.code === 'SQS051').every((d) => d.severity === DiagnosticSeverity.Information));
    await client.until(
      () => client.logs.some((l) => l.includes('sqs.diagnostics.severity: sample-mismatch: "loud" is not a severity')),
      'the unusable level logged',
    );
  });
});

describe('push diagnostics (a client without pull, like Neovim 0.7)', () => {
  const ws = tempWorkspace({
    'inspection.sqs.yaml': minimalInspection.replace('sample: 2', 'sample: 2\ntallies:\n  "1.2": { relevant: 2, sufficient: 2 }'),
    'cases/a.case.sqs.yaml': minimalCase('T-1'),
    'cases/b.case.sqs.yaml': minimalCase('T-2'),
  });
  const client = new TestClient({ pull: false });
  const inspection = ws.uri('inspection.sqs.yaml');
  const a = ws.uri('cases/a.case.sqs.yaml');
  before(() => client.start(ws.uri('')));
  after(async () => {
    await client.stop();
    ws.remove();
  });

  it("publishes the files of an open case file's inspection, and clears them when it closes", async () => {
    const b = ws.uri('cases/b.case.sqs.yaml');
    await client.open(a, minimalCase('T-1').replace('"1.2": sufficient', '"1.2": not sufficient\n  # reason needed'));
    await client.until(() => codes(client.published.get(inspection) ?? []).includes('SQS030'), 'SQS030 pushed for the closed inspection file');
    await client.until(() => codes(client.published.get(b) ?? []).includes('SQS051'), "the other case file's notes, though it is closed");
    await client.close(a);
    await client.until(
      () => [inspection, a, b].every((u) => client.published.get(u)?.length === 0),
      'all three cleared once no file of the inspection is open',
    );
  });
});
