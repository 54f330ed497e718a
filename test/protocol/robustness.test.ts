import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CompletionRequest,
  DidChangeWatchedFilesNotification,
  DocumentSymbolRequest,
  FileChangeType,
  HoverRequest,
  LSPErrorCodes,
} from 'vscode-languageserver-protocol/node';
import { InspectionStatusRequest, ReportRequest, ScaffoldRequest } from '../../server/src/protocol';
import { minimalCase, minimalInspection } from '../helpers/index';
import { ensureBundle, tempWorkspace, TestClient } from './harness';

// The server must never crash and never hang: bad input gets a diagnostic, a failing handler a neutral
// answer and a line in the log, and the next request is answered as usual.

before(() => ensureBundle());

describe('hostile input', () => {
  const ws = tempWorkspace({ 'inspection.sqs.yaml': minimalInspection, 'a.case.sqs.yaml': minimalCase('T-1') });
  const client = new TestClient();
  before(() => client.start(ws.uri('')));
  after(async () => {
    await client.stop();
    ws.remove();
  });

  const alive = async () => {
    const ds = await client.diagnostics(ws.uri('inspection.sqs.yaml'));
    assert.ok(Array.isArray(ds), 'the server still answers');
  };

  it('a huge file gets one diagnostic, quickly', async () => {
    const uri = ws.uri('huge.case.sqs.yaml');
    await client.open(uri, `case: X\nnotes: "${'x'.repeat(3_000_000)}"\n`);
    const ds = await client.diagnostics(uri);
    assert.deepEqual(
      ds.map((d) => d.code),
      ['SQS003'],
    );
    await client.close(uri);
    await alive();
  });

  it('an alias bomb is refused where it is used', async () => {
    const uri = ws.uri('bomb.case.sqs.yaml');
    const bomb = [
      'case: X',
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefg'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefg'[i]}`).join(', ')}]`),
      'notes: *g',
      '',
    ].join('\n');
    await client.open(uri, bomb);
    assert.ok((await client.diagnostics(uri)).some((d) => d.code === 'SQS006'));
    await client.close(uri);
    await alive();
  });

  it('a binary file written to disk is reported, not parsed', async () => {
    ws.write('binary.case.sqs.yaml', '\u0000\u0001\u0002 not text');
    const before = client.inspectionsChanged;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: ws.uri('binary.case.sqs.yaml'), type: FileChangeType.Created }],
    });
    await client.until(() => client.inspectionsChanged > before, 'the change notification');
    await client.open(ws.uri('binary.case.sqs.yaml'), '\u0000\u0001\u0002 not text');
    assert.ok((await client.diagnostics(ws.uri('binary.case.sqs.yaml'))).length > 0);
    await client.close(ws.uri('binary.case.sqs.yaml'));
    await alive();
  });

  it('positions past the end of a document, and documents it does not know, get empty answers', async () => {
    const uri = ws.uri('a.case.sqs.yaml');
    await client.open(uri, minimalCase('T-1'));
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 10_000, character: 10_000 } }), null);
    const completion = await client.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: ws.uri('nope.case.sqs.yaml') },
      position: { line: 0, character: 0 },
    });
    assert.equal(completion, null);
    assert.deepEqual(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'untitled:Untitled-1' } }), []);
    await alive();
  });

  it('a handler that fails on malformed parameters answers neutrally and logs why', async () => {
    const logged = client.logs.length;
    const hover = await client.connection.sendRequest('textDocument/hover', { position: { line: 0, character: 0 } });
    assert.equal(hover, null);
    await client.until(() => client.logs.slice(logged).some((l) => /textDocument\/hover failed/.test(l)), 'the failure logged');
    await alive();
  });

  it('a cancelled diagnostics pull is answered as cancelled or with a result, and the server goes on', async () => {
    const uri = ws.uri('a.case.sqs.yaml');
    const source = new (await import('vscode-languageserver-protocol/node')).CancellationTokenSource();
    const pending = client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token);
    source.cancel();
    await pending.then(
      (r) => assert.ok(r),
      (e: { code?: number }) => assert.equal(e.code, LSPErrorCodes.RequestCancelled, `cancelled, not ${JSON.stringify(e)}`),
    );
    await alive();
  });
});

describe('SQS requests', () => {
  const ws = tempWorkspace({
    'insp/inspection.sqs.yaml': minimalInspection.replace('sample: 2', 'sample: 3'),
    'insp/cases/a.case.sqs.yaml': minimalCase('TT-01'),
    'insp/cases/b.case.sqs.yaml': minimalCase('TT-02').replace('sentence: referral order', 'sentence: nonsense'),
    'elsewhere/lost.case.sqs.yaml': minimalCase('X-1'),
  });
  const client = new TestClient();
  before(() => client.start(ws.uri('')));
  after(async () => {
    await client.stop();
    ws.remove();
  });

  it('sqs/inspectionStatus: cases, what is judged, and the problems over the inspection', async () => {
    const status = await client.connection.sendRequest(InspectionStatusRequest, { uri: ws.uri('insp/cases/a.case.sqs.yaml') });
    assert.equal(status?.kind, 'case');
    const i = status.inspection!;
    assert.equal(i.area, 'Testtown');
    assert.equal(i.sample, 3);
    assert.equal(i.cases, 2);
    assert.equal(i.casesJudged, 0, 'minimal cases leave criteria unjudged');
    assert.ok(i.errors >= 2, 'the sample mismatch and the unknown sentence');
    const lost = await client.connection.sendRequest(InspectionStatusRequest, { uri: ws.uri('elsewhere/lost.case.sqs.yaml') });
    assert.deepEqual(lost, { kind: 'case' });
  });

  it('sqs/report: the live tallies of the inspection', async () => {
    const report = await client.connection.sendRequest(ReportRequest, { uri: ws.uri('insp/inspection.sqs.yaml') });
    assert.equal(report?.catalogue, 'sqs-2013');
    const t12 = report.tallies.find((t) => t.question === '1.2/assessment')!;
    assert.deepEqual([t12.relevant, t12.sufficient], [2, 2]);
  });

  it('sqs/scaffold: a case file for the folder with the next id', async () => {
    const s = await client.connection.sendRequest(ScaffoldRequest, { kind: 'case', folder: ws.uri('insp/cases') });
    assert.equal(s.caseId, 'TT-03');
    assert.equal(s.fileName, 'TT-03.case.sqs.yaml');
    const i = await client.connection.sendRequest(ScaffoldRequest, { kind: 'inspection', folder: ws.uri('new') });
    assert.equal(i.fileName, 'inspection.sqs.yaml');
    // The editor's input box asks the server whether an id can be used, and the file it names.
    const quoted = await client.connection.sendRequest(ScaffoldRequest, { kind: 'case', folder: ws.uri('insp/cases'), caseId: 'TT: 04' });
    assert.deepEqual([quoted.fileName, quoted.problem, quoted.snippet.split('\n')[0]], ['TT-04.case.sqs.yaml', undefined, 'case: ${1:"TT: 04"}']);
    const refused = await client.connection.sendRequest(ScaffoldRequest, { kind: 'case', folder: ws.uri('insp/cases'), caseId: 'TT/04' });
    assert.match(refused.problem ?? '', /cannot contain \//);
  });

  it('notifies sqs/inspectionsChanged when a file of an inspection changes', async () => {
    const before = client.inspectionsChanged;
    await client.open(ws.uri('insp/cases/a.case.sqs.yaml'), minimalCase('TT-01').replace('"1.2": sufficient', '"1.2": not sufficient'));
    await client.until(() => client.inspectionsChanged > before, 'sqs/inspectionsChanged');
  });
});
