import assert from 'node:assert/strict';
import { renameSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { InspectionStatusRequest } from '../../server/src/protocol';
import { minimalCase, minimalInspection } from '../helpers/index';
import { ensureBundle, tempWorkspace, TestClient } from './harness';

// Which folders the server indexes and watches, over stdio: a workspace folder is never taken for a folder
// from outside it, and a folder that appears is indexed though its files are never named.

before(() => ensureBundle());

type Status = Awaited<ReturnType<typeof statusOf>>;
const statusOf = (client: TestClient, uri: string) => client.connection.sendRequest(InspectionStatusRequest, { uri });

/** Asks again after each sqs/inspectionsChanged until `test` holds: no timers. */
async function statusUntil(client: TestClient, uri: string, test: (s: Status) => boolean, what: string): Promise<Status> {
  for (;;) {
    const seen = client.inspectionsChanged;
    const s = await statusOf(client, uri);
    if (test(s)) return s;
    await client.until(() => client.inspectionsChanged > seen, what);
  }
}

/** Watcher registrations relative to a folder: those of folders brought in from outside the workspace. */
function relativeWatchers(client: TestClient): string[] {
  return client.registrations.flatMap((r) => {
    const watchers = (r.registerOptions as { watchers?: { globPattern: string | { baseUri: string } }[] } | undefined)?.watchers ?? [];
    return watchers.flatMap((w) => (typeof w.globPattern === 'string' ? [] : [w.globPattern.baseUri]));
  });
}

describe('a case file open when the server starts', () => {
  it('is in its workspace folder: the folder is not brought in as if from outside, nor watched a second time', async () => {
    const ws = tempWorkspace({ 'inspection.sqs.yaml': minimalInspection, 'cases/a.case.sqs.yaml': minimalCase('T-1') });
    const client = new TestClient();
    // The editor answers for the progress bar only once the case is placed in its inspection, so the case is
    // open, and its inspection looked for, before the server hears back: as when VS Code restores a session.
    let answer!: () => void;
    const answered = new Promise<null>((resolve) => (answer = () => resolve(null)));
    client.connection.onRequest('window/workDoneProgress/create', () => answered);
    try {
      await client.initialize(ws.uri(''));
      const uri = ws.uri('cases/a.case.sqs.yaml');
      await client.open(uri, minimalCase('T-1'));
      const s = await statusUntil(client, uri, (x) => x?.inspection?.uri === ws.uri('inspection.sqs.yaml'), 'the case placed in its inspection');
      assert.equal(s?.inspection?.cases, 1);
      answer();
      await client.until(() => client.indexingDone > 0, 'workspace indexing');
      assert.deepEqual(relativeWatchers(client), [], 'watchers of its own for a folder inside the workspace folder');
      assert.deepEqual(
        client.logs.filter((l) => l.includes('outside the workspace folders')),
        [],
        'its folder walked a second time',
      );
      assert.deepEqual(
        client.logs.filter((l) => l.startsWith('Indexed ')).map((l) => l.replace(/ in \d+ ms\.$/, '')),
        ['Indexed 2 SQS files'],
      );
    } finally {
      answer();
      await client.stop();
      ws.remove();
    }
  });
});

describe('a folder renamed on disk', () => {
  it('reported as VS Code reports it, the old folder deleted and the new one created with no file named: its files are found under the new name', async () => {
    const ws = tempWorkspace({ 'insp/inspection.sqs.yaml': minimalInspection, 'insp/cases/a.case.sqs.yaml': minimalCase('T-1') });
    const client = new TestClient();
    try {
      await client.start(ws.uri(''));
      assert.equal((await statusOf(client, ws.uri('insp/cases/a.case.sqs.yaml')))?.inspection?.cases, 1);
      renameSync(path.join(ws.dir, 'insp'), path.join(ws.dir, 'insp2'));
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [
          { uri: ws.uri('insp'), type: FileChangeType.Deleted },
          { uri: ws.uri('insp2'), type: FileChangeType.Created },
        ],
      });
      const s = await statusUntil(client, ws.uri('insp2/cases/a.case.sqs.yaml'), (x) => x?.inspection?.cases === 1, 'the case found in the renamed folder');
      assert.equal(s?.inspection?.uri, ws.uri('insp2/inspection.sqs.yaml'));
      assert.equal(await statusOf(client, ws.uri('insp/cases/a.case.sqs.yaml')), null, 'gone under the old name');
    } finally {
      await client.stop();
      ws.remove();
    }
  });
});

describe('an SQS file where the folder walk never looks', () => {
  it('(node_modules, a hidden folder) is not indexed because a watcher saw it, nor read back when its editor closes', async () => {
    const ws = tempWorkspace({ 'inspection.sqs.yaml': minimalInspection, 'cases/a.case.sqs.yaml': minimalCase('T-1') });
    const client = new TestClient();
    const inspection = ws.uri('inspection.sqs.yaml');
    try {
      await client.start(ws.uri(''));
      for (const rel of ['node_modules/pkg/b.case.sqs.yaml', '.cache/c.case.sqs.yaml', 'cases/.d.case.sqs.yaml']) {
        ws.write(rel, minimalCase(`X-${rel.length}`));
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: ws.uri(rel), type: FileChangeType.Created }] });
      }
      // A change to a file that counts, reported after those: once it shows, the others have been dealt with.
      ws.write('cases/e.case.sqs.yaml', minimalCase('T-2'));
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: ws.uri('cases/e.case.sqs.yaml'), type: FileChangeType.Created }],
      });
      const s = await statusUntil(client, inspection, (x) => x?.inspection?.cases === 2 || (x?.inspection?.cases ?? 0) > 2, 'the second case counted');
      assert.equal(s?.inspection?.cases, 2, 'as sqs check counts them: a, e');

      // Opened, the editor's text counts; closed, it is gone again, as the walk would have it.
      const b = ws.uri('node_modules/pkg/b.case.sqs.yaml');
      await client.open(b, minimalCase('X-1'));
      await statusUntil(client, inspection, (x) => x?.inspection?.cases === 3, 'the open document counted');
      await client.close(b);
      await statusUntil(client, inspection, (x) => x?.inspection?.cases === 2, 'not read back from node_modules');
    } finally {
      await client.stop();
      ws.remove();
    }
  });
});
