import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ErrorCodes, HoverRequest } from 'vscode-languageserver-protocol/node';
import { InspectionStatusRequest } from '../../server/src/protocol';
import { minimalCase, minimalInspection } from '../helpers/index';
import { ensureBundle, tempWorkspace, TestClient } from './harness';

// LSP's lifecycle: before `initialize` a request is answered ServerNotInitialized (-32002) and a notification
// dropped, whatever the method; afterwards an unknown method is MethodNotFound (-32601).

before(() => ensureBundle());

const codeOf = (p: Promise<unknown>) =>
  p.then(
    (answer) => `answered ${JSON.stringify(answer)}`,
    (e: { code?: number }) => e.code,
  );

describe('the lifecycle of the server', () => {
  const ws = tempWorkspace({ 'inspection.sqs.yaml': minimalInspection, 'a.case.sqs.yaml': minimalCase('T-1') });
  const client = new TestClient();
  after(async () => {
    await client.stop();
    ws.remove();
  });

  it('answers every request before initialize with ServerNotInitialized, and drops notifications', async () => {
    const uri = ws.uri('a.case.sqs.yaml');
    const position = { line: 0, character: 0 };
    assert.equal(await codeOf(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position })), ErrorCodes.ServerNotInitialized);
    assert.equal(await codeOf(client.connection.sendRequest(InspectionStatusRequest, { uri })), ErrorCodes.ServerNotInitialized);
    assert.equal(await codeOf(client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })), ErrorCodes.ServerNotInitialized);
    assert.equal(await codeOf(client.connection.sendRequest('no/suchMethod', {})), ErrorCodes.ServerNotInitialized);
    assert.equal(await codeOf(client.connection.sendRequest('shutdown')), ErrorCodes.ServerNotInitialized);
    // Dropped: after initialize the document is not open, so its text is the disk's.
    await client.open(uri, 'case: [unclosed');

    await client.start(ws.uri(''));
    const ds = await client.diagnostics(uri);
    assert.ok(!ds.some((d) => d.code === 'SQS001'), `the text sent before initialize was dropped: ${ds.map((d) => d.code).join(' ')}`);
    assert.equal(await codeOf(client.connection.sendRequest('no/suchMethod', {})), ErrorCodes.MethodNotFound);
  });
});
