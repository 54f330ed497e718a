import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  HoverRequest,
  type CodeAction,
  type Diagnostic,
  type FileEvent,
} from 'vscode-languageserver-protocol/node';
import { minimatch } from 'minimatch';
import { fileKindOf } from '../../server/src/core/api';
import { InspectionStatusRequest } from '../../server/src/protocol';
import { applyEdits } from '../helpers/edits';
import { minimalCase, minimalInspection } from '../helpers/index';
import { ensureBundle, messageOf, tempWorkspace, TestClient } from './harness';

before(() => ensureBundle());

const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);

describe('the bundled server over stdio', () => {
  it('answers initialize with pull diagnostics across files, and shuts down cleanly', async () => {
    const client = new TestClient();
    const result = await client.initialize(null);
    assert.deepEqual(result.capabilities.diagnosticProvider, { interFileDependencies: true, workspaceDiagnostics: true });
    assert.equal(result.serverInfo?.name, 'SQS Findings');
    assert.ok(result.capabilities.codeActionProvider && result.capabilities.hoverProvider);
    await client.stop();
    assert.equal(client.exitCode, 0);
  });

  it('declares no pull diagnostics to a client that cannot pull, and pushes instead', async () => {
    const ws = tempWorkspace({ 'inspection.sqs.yaml': minimalInspection, 'a.case.sqs.yaml': minimalCase('T-1') });
    const client = new TestClient({ pull: false });
    try {
      const result = await client.initialize(ws.uri(''));
      assert.equal(result.capabilities.diagnosticProvider, undefined);
      const uri = ws.uri('a.case.sqs.yaml');
      await client.open(uri, minimalCase('T-1').replace('sentence:', 'sentense:'));
      await client.until(() => codes(client.published.get(uri) ?? []).includes('SQS010'), 'pushed SQS010');
      await client.change(uri, minimalCase('T-1'));
      await client.until(() => !codes(client.published.get(uri) ?? []).includes('SQS010'), 'SQS010 cleared by the edit');
    } finally {
      await client.stop();
      ws.remove();
    }
  });
});

describe('diagnostics across the files of an inspection', () => {
  const ws = tempWorkspace({
    'inspection.sqs.yaml': minimalInspection.replace('sample: 2', 'sample: 3'),
    'cases/one.case.sqs.yaml': minimalCase('T-1'),
    'cases/two.case.sqs.yaml': minimalCase('T-2'),
  });
  const client = new TestClient();
  const inspection = ws.uri('inspection.sqs.yaml');
  before(() => client.start(ws.uri('')));
  after(async () => {
    await client.stop();
    ws.remove();
  });

  it('indexes the folder on start: the inspection file knows its case files without opening them', async () => {
    await client.open(inspection, minimalInspection.replace('sample: 2', 'sample: 3'));
    const ds = await client.diagnostics(inspection);
    const sample = ds.find((d) => d.code === 'SQS040');
    assert.ok(sample, `SQS040 in ${JSON.stringify(ds)}`);
    assert.match(messageOf(sample), /sample is 3 cases but this inspection has 2 case files/);
    assert.equal(sample.range.start.line, 7);
  });

  it('a case file opened in the editor (unsaved) updates the inspection file after a refresh', async () => {
    const before = client.refreshes;
    await client.open(ws.uri('cases/three.case.sqs.yaml'), minimalCase('T-3'));
    // The refresh asks the client to pull the inspection file again: no timer, an event.
    await client.pull(ws.uri('cases/three.case.sqs.yaml'));
    await client.until(() => client.refreshes > before, 'workspace/diagnostic/refresh');
    await client.diagnosticsUntil(inspection, (ds) => !codes(ds).includes('SQS040'), 'the sample to match');
  });

  it('closing the unsaved case file brings back the disk, where it does not exist', async () => {
    await client.close(ws.uri('cases/three.case.sqs.yaml'));
    await client.diagnosticsUntil(inspection, (ds) => codes(ds).includes('SQS040'), 'the sample mismatch back');
  });

  it('counts a case file created on disk once the client reports its creation', async () => {
    ws.write('cases/four.case.sqs.yaml', minimalCase('T-4'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: ws.uri('cases/four.case.sqs.yaml'), type: FileChangeType.Created }],
    });
    await client.diagnosticsUntil(inspection, (ds) => !codes(ds).includes('SQS040'), 'the new file counted');
  });

  it('an open document wins over its file on disk', async () => {
    const uri = ws.uri('cases/one.case.sqs.yaml');
    await client.open(uri, minimalCase('T-1').replace('"1.2": sufficient', '"1.2": sufficent'));
    assert.ok(codes(await client.diagnostics(uri)).includes('SQS011'));
    ws.write('cases/one.case.sqs.yaml', minimalCase('T-1'));
    const before = client.inspectionsChanged;
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Changed }] });
    // Another file's change is the event to wait on: the watched-file batch is handled in order.
    ws.write('cases/two.case.sqs.yaml', minimalCase('T-2'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: ws.uri('cases/two.case.sqs.yaml'), type: FileChangeType.Changed }],
    });
    await client.until(() => client.inspectionsChanged > before, 'the disk change handled');
    assert.ok(codes(await client.diagnostics(uri)).includes('SQS011'), 'still the editor text');
    await client.close(uri);
  });

  it('a deleted folder takes its case files along, though only the folder is reported', async () => {
    ws.write('cases/more/five.case.sqs.yaml', minimalCase('T-5'));
    ws.write('cases/more/six.case.sqs.yaml', minimalCase('T-6'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: ['five', 'six'].map((n): FileEvent => ({ uri: ws.uri(`cases/more/${n}.case.sqs.yaml`), type: FileChangeType.Created })),
    });
    const more = (ds: Diagnostic[]) => ds.some((d) => d.code === 'SQS040' && /has 5 case files: 2 more than sampled/.test(messageOf(d)));
    await client.diagnosticsUntil(inspection, more, 'the two new case files counted');
    ws.removePath('cases/more');
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: ws.uri('cases/more'), type: FileChangeType.Deleted }],
    });
    await client.diagnosticsUntil(inspection, (ds) => !codes(ds).includes('SQS040'), "the folder's case files gone");
  });

  it('answers "unchanged" when a document\'s diagnostics have not changed', async () => {
    const first = await client.pull(inspection);
    assert.equal(first.kind, 'full');
    const second = await client.pull(inspection, first.resultId);
    assert.equal(second.kind, 'unchanged');
  });

  it('watches changes to SQS files, and anything created or deleted (a folder is reported without its files)', () => {
    const watchers = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')?.registerOptions as {
      watchers: { globPattern: string; kind?: number }[];
    };
    const kinds = (kind: number) => watchers.watchers.filter((w) => ((w.kind ?? 7) & kind) === kind).map((w) => w.globPattern);
    assert.deepEqual([kinds(1), kinds(4)], [['**/*'], ['**/*']], 'each creation and deletion through one watcher');
    // Files are told apart ignoring case (Inspection.SQS.yaml is indexed at startup), so they must be watched
    // ignoring case too: every spelling the index claims is changed through a watcher.
    const changed = kinds(2);
    const spellings = ['inspection.sqs.yaml', 'Inspection.SQS.yaml', 'INSPECTION.SQS.YML', 'liv-01.case.sqs.yaml', 'LIV-01.Case.Sqs.Yml', 'a.CASE.SQS.YAML'];
    for (const name of spellings) {
      assert.ok(fileKindOf(`file:///ws/cases/${name}`), name);
      assert.ok(
        changed.some((glob) => minimatch(`/ws/cases/${name}`, glob)),
        `${name} is not watched by ${changed.join(', ')}`,
      );
    }
    assert.ok(!changed.some((glob) => minimatch('/ws/notes.yaml', glob)), 'changes to ordinary YAML are not watched');
  });
});

describe('a change whose consequences are known once the checks run', () => {
  const ws = tempWorkspace({
    'inspection.sqs.yaml': minimalInspection.replace('sample: 2', 'sample: 3'),
    'cases/one.case.sqs.yaml': minimalCase('T-1'),
    'cases/two.case.sqs.yaml': minimalCase('T-2'),
  });
  const client = new TestClient();
  before(() => client.start(ws.uri('')));
  after(async () => {
    await client.stop();
    ws.remove();
  });

  it("a closed case file written with an open one's id: the open one is asked for again and shows SQS041", async () => {
    // No workspace pull held: only a refresh brings the client back to the open case, which the change does not name.
    const one = ws.uri('cases/one.case.sqs.yaml');
    await client.open(one, minimalCase('T-1'));
    assert.ok(!codes(await client.diagnostics(one)).includes('SQS041'));
    ws.write('cases/three.case.sqs.yaml', minimalCase('T-1'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: ws.uri('cases/three.case.sqs.yaml'), type: FileChangeType.Created }],
    });
    await client.diagnosticsUntil(one, (ds) => codes(ds).includes('SQS041'), 'SQS041 in the open case');
  });
});

describe('quick fixes', () => {
  const ws = tempWorkspace({ 'inspection.sqs.yaml': minimalInspection, 'a.case.sqs.yaml': minimalCase('T-1'), 'b.case.sqs.yaml': minimalCase('T-2') });
  const client = new TestClient();
  before(() => client.start(ws.uri('')));
  after(async () => {
    await client.stop();
    ws.remove();
  });

  it('round trip: the fix carried by the diagnostic, applied to the text, clears it', async () => {
    const uri = ws.uri('a.case.sqs.yaml');
    await client.open(uri, minimalCase('T-1').replace('"1.2": sufficient', '"1.2": sufficent'));
    const diagnostic = (await client.diagnostics(uri)).find((d) => d.code === 'SQS011');
    assert.ok(diagnostic, 'SQS011 for the misspelt judgement');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Change to "sufficient"', 'Ignore SQS011 here (# sqs-ignore with a reason)'],
    );
    const [action] = actions;
    assert.equal(action!.title, 'Change to "sufficient"');
    assert.equal(action!.kind, 'quickfix');
    assert.equal(action!.isPreferred, true);
    assert.deepEqual(action!.diagnostics, [diagnostic]);
    const edits = action!.edit!.changes![uri]!;
    await client.change(uri, applyEdits(client.texts.get(uri)!, edits));
    assert.ok(!codes(await client.diagnostics(uri)).includes('SQS011'));
  });

  it('any finding can be silenced in place, with a reason', async () => {
    const uri = ws.uri('b.case.sqs.yaml');
    const text = minimalCase('T-2').replace('sentence: referral order', 'sentence: referal order');
    await client.open(uri, text);
    const diagnostic = (await client.diagnostics(uri)).find((d) => d.code === 'SQS016')!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    const ignore = actions.find((a) => a.title.startsWith('Ignore SQS016'))!;
    assert.ok(!ignore.isPreferred, 'silencing is never the preferred fix');
    const silenced = applyEdits(text, ignore.edit!.changes![uri]!);
    assert.match(silenced, /^# sqs-ignore SQS016: \nsentence: referal order$/m);
    await client.change(uri, silenced);
    let codesNow = codes(await client.diagnostics(uri));
    assert.ok(codesNow.includes('SQS016') && codesNow.includes('SQS090'), `an ignore silences nothing until it gives a reason: ${codesNow.join(' ')}`);
    await client.change(uri, silenced.replace('SQS016: ', 'SQS016: the court used this spelling'));
    codesNow = codes(await client.diagnostics(uri));
    assert.ok(!codesNow.includes('SQS016') && !codesNow.includes('SQS090'), codesNow.join(' '));
  });

  it('offers nothing for diagnostics without fix data, or from another source', async () => {
    const d: Diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      message: 'x',
      source: 'other',
      data: { fixes: [{ title: 't', edits: [] }] },
    };
    const actions = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: ws.uri('a.case.sqs.yaml') },
      range: d.range,
      context: { diagnostics: [d] },
    });
    assert.deepEqual(actions, []);
  });
});

describe('hover', () => {
  const ws = tempWorkspace({
    'inspection.sqs.yaml': minimalInspection,
    'a.case.sqs.yaml': minimalCase('T-1'),
    'b.case.sqs.yaml': minimalCase('T-2').replace('"1.2": sufficient', '"1.2": not sufficient'),
  });
  const client = new TestClient();
  before(() => client.start(ws.uri('')));
  after(async () => {
    await client.stop();
    ws.remove();
  });

  it('on a criterion id: its wording, who it applies to, this case, and the live tally', async () => {
    const uri = ws.uri('a.case.sqs.yaml');
    const text = minimalCase('T-1');
    await client.open(uri, text);
    const line = text.split('\n').findIndex((l) => l.includes('"1.2"'));
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 4 } });
    const value = (hover?.contents as { value: string }).value;
    assert.match(value, /1\\\.2 Initial assessment of the likelihood of reoffending/);
    assert.match(value, /Applies to every case/);
    assert.match(value, /This case: sufficient/);
    assert.match(value, /\*\*1 of 2\*\* relevant cases sufficient/);
  });

  it('answers nothing, without failing, for a file it does not know', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: ws.uri('nothing.case.sqs.yaml') },
      position: { line: 0, character: 0 },
    });
    assert.equal(hover, null);
  });
});

describe('settings', () => {
  const ws = tempWorkspace({ 'inspection.sqs.yaml': minimalInspection, 'a.case.sqs.yaml': minimalCase('T-1') });
  const client = new TestClient({ settings: { diagnostics: { severity: { 'sample-mismatch': 'off' }, notYetJudged: 'hint' } } });
  const inspection = ws.uri('inspection.sqs.yaml');
  const caseUri = ws.uri('a.case.sqs.yaml');
  before(() => client.start(ws.uri('')));
  after(async () => {
    await client.stop();
    ws.remove();
  });

  it('are read per file: a finding turned off is not reported, another changes severity', async () => {
    await client.open(inspection, minimalInspection);
    await client.open(caseUri, minimalCase('T-1'));
    assert.ok(!codes(await client.diagnostics(inspection)).includes('SQS040'));
    const unjudged = (await client.diagnostics(caseUri)).filter((d) => d.code === 'SQS051');
    assert.ok(unjudged.length > 0, 'the case has questions left to judge');
    assert.ok(
      unjudged.every((d) => d.severity === 4),
      'notYetJudged: hint',
    );
  });

  it('a settings change re-reads them and asks the client to pull again', async () => {
    client.settings = { diagnostics: { notYetJudged: 'off' } };
    const before = client.refreshes;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.until(() => client.refreshes > before, 'refresh after a settings change');
    await client.diagnosticsUntil(inspection, (ds) => codes(ds).includes('SQS040'), 'SQS040 back');
    assert.ok(!codes(await client.diagnostics(caseUri)).includes('SQS051'));
  });
});

describe('the sqs.phrasebook setting', () => {
  // 9 of 10 initial assessments sufficient: the SQS phrasebook accepts "a majority", Education Scotland's
  // writes "almost all". With the setting on Education Scotland the preview words it so, and so must the check.
  const files: Record<string, string> = {
    'inspection.sqs.yaml': `${minimalInspection.replace('sample: 2', 'sample: 10')}commentary:\n  "1.2": A majority of the initial assessments were on time and were of good enough quality.\n`,
  };
  for (let i = 1; i <= 10; i++)
    files[`c${i}.case.sqs.yaml`] =
      `case: T-${i}\nsentence: referral order\npsr: no\nrisk_of_harm: no\nidentifiable_victim: no\njudgements:\n  "1.2": ${i === 1 ? 'not sufficient' : 'sufficient'}\n`;
  const ws = tempWorkspace(files);
  const client = new TestClient({ settings: { phrasebook: 'education-scotland' } });
  const inspection = ws.uri('inspection.sqs.yaml');
  before(() => client.start(ws.uri('')));
  after(async () => {
    await client.stop();
    ws.remove();
  });

  it('holds the commentary to the phrasebook the setting chooses, and lets go when it changes', async () => {
    await client.open(inspection, files['inspection.sqs.yaml']!);
    const flagged = (await client.diagnostics(inspection)).filter((d) => d.code === 'SQS061');
    assert.equal(flagged.length, 1, 'Education Scotland does not say "a majority" of 9 in 10');
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnosticsUntil(inspection, (ds) => !codes(ds).includes('SQS061'), 'the SQS phrasebook accepts it');
  });
});

describe('workspace folders', () => {
  const a = tempWorkspace({ 'inspection.sqs.yaml': minimalInspection, 'a.case.sqs.yaml': minimalCase('A-1'), 'b.case.sqs.yaml': minimalCase('A-2') });
  const b = tempWorkspace({ 'inspection.sqs.yaml': minimalInspection.replace('sample: 2', 'sample: 1'), 'c.case.sqs.yaml': minimalCase('B-1') });
  const client = new TestClient();
  before(() => client.start(a.uri('')));
  after(async () => {
    await client.stop();
    a.remove();
    b.remove();
  });

  it('a folder added to the workspace is indexed; a folder removed is forgotten', async () => {
    const uri = b.uri('inspection.sqs.yaml');
    const status = () => client.connection.sendRequest(InspectionStatusRequest, { uri: b.uri('c.case.sqs.yaml') });
    assert.equal(await status(), null, 'not known before');
    const indexed = client.indexingDone;
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: b.uri(''), name: 'b' }], removed: [] } });
    await client.until(() => client.indexingDone > indexed, 'the new folder indexed');
    assert.equal((await status())?.inspection?.cases, 1);
    await client.open(uri, minimalInspection.replace('sample: 2', 'sample: 1'));
    assert.ok(!codes(await client.diagnostics(uri)).includes('SQS040'), 'each inspection counts its own cases');
    let changed = client.inspectionsChanged;
    await client.close(uri);
    await client.until(() => client.inspectionsChanged > changed, 'the close handled');
    changed = client.inspectionsChanged;
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: b.uri(''), name: 'b' }] } });
    await client.until(() => client.inspectionsChanged > changed, 'the removal handled');
    assert.equal(await status(), null);
  });
});

describe('files reached through symbolic links', () => {
  // The files linked to inside the workspace folder are in a hidden folder, which the walk passes over; the others
  // are outside it, where nothing is read.
  const ws = tempWorkspace({
    'insp/inspection.sqs.yaml': minimalInspection.replace('sample: 2', 'sample: 4'),
    'insp/cases/a.case.sqs.yaml': minimalCase('T-1'),
    'insp/.store/b.case.sqs.yaml': minimalCase('T-2'),
    'insp/.store/more/c.case.sqs.yaml': minimalCase('T-3'),
    'secret/key.txt': '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n',
    'elsewhere/d.case.sqs.yaml': minimalCase('T-4'),
  });
  symlinkSync(path.join(ws.dir, 'insp/.store/b.case.sqs.yaml'), path.join(ws.dir, 'insp/cases/linked.case.sqs.yaml'));
  symlinkSync(path.join(ws.dir, 'insp/.store/more'), path.join(ws.dir, 'insp/more'));
  symlinkSync('..', path.join(ws.dir, 'insp/cases/loop'));
  symlinkSync(path.join(ws.dir, 'secret/key.txt'), path.join(ws.dir, 'insp/key.case.sqs.yaml'));
  symlinkSync(path.join(ws.dir, 'elsewhere'), path.join(ws.dir, 'insp/elsewhere'));
  const client = new TestClient();
  before(() => client.start(ws.uri('insp')));
  after(async () => {
    await client.stop();
    ws.remove();
  });

  it('are indexed as `sqs check` finds them: linked files and folders inside the workspace folder once each, loops ended', async () => {
    const status = await client.connection.sendRequest(InspectionStatusRequest, { uri: ws.uri('insp/inspection.sqs.yaml') });
    // a, linked, more/c and the key, a case file in name, indexed unread; the folder linked from outside is not walked.
    assert.equal(status?.inspection?.cases, 4, JSON.stringify(status));
    const key = await client.diagnostics(ws.uri('insp/key.case.sqs.yaml'));
    assert.deepEqual(
      key.map((d) => d.code),
      ['SQS008'],
    );
    assert.match(String(key[0]!.message), /^This file leads outside insp, the folder being checked/);
    assert.doesNotMatch(JSON.stringify(key), /PRIVATE|b3BlbnNz/);
    assert.deepEqual(await client.diagnostics(ws.uri('insp/elsewhere/d.case.sqs.yaml')), [], 'not indexed');
    const uri = ws.uri('insp/inspection.sqs.yaml');
    await client.open(uri, minimalInspection.replace('sample: 2', 'sample: 4'));
    assert.ok(!codes(await client.diagnostics(uri)).includes('SQS040'), 'the sample matches the case files');
  });
});

describe('a case file opened from outside the indexed folders', () => {
  const files = {
    'insp/inspection.sqs.yaml': minimalInspection,
    'insp/cases/a.case.sqs.yaml': minimalCase('T-1'),
    'insp/cases/b.case.sqs.yaml': minimalCase('T-2'),
  };
  const status = (client: TestClient, uri: string) => client.connection.sendRequest(InspectionStatusRequest, { uri });
  /** Asks again after each sqs/inspectionsChanged until `test` holds: no timers. */
  async function statusUntil(client: TestClient, uri: string, test: (s: Awaited<ReturnType<typeof status>>) => boolean, what: string) {
    for (;;) {
      const seen = client.inspectionsChanged;
      const s = await status(client, uri);
      if (test(s)) return s;
      await client.until(() => client.inspectionsChanged > seen, what);
    }
  }

  it('with no folder open: its inspection is found above its cases/ folder and read, watched, and let go when the file closes', async () => {
    const ws = tempWorkspace(files);
    const client = new TestClient();
    try {
      await client.initialize(null);
      const uri = ws.uri('insp/cases/a.case.sqs.yaml');
      await client.open(uri, files['insp/cases/a.case.sqs.yaml']);
      // Its own findings are answered while the inspection is looked up (issue 13): wait for the inspection itself.
      const s = await statusUntil(client, uri, (st) => st?.inspection?.cases === 2, 'the case placed in its inspection, the other case read too');
      assert.equal(s?.inspection?.uri, ws.uri('insp/inspection.sqs.yaml'));
      assert.deepEqual(
        codes(await client.diagnostics(uri)).filter((c) => c === 'SQS042'),
        [],
        'not a case of no inspection',
      );

      // No workspace folder covers it, so the server asks the client for watchers relative to its folder. The
      // watching itself is the client's (the real-editor suite has VS Code do it); here the test plays the client:
      // it writes a case file there and reports the creation, which is then counted.
      const watched = () =>
        client.registrations.find((r) =>
          (r.registerOptions as { watchers?: { globPattern: unknown }[] })?.watchers?.some(
            (w) => (w.globPattern as { baseUri?: string }).baseUri === ws.uri('insp'),
          ),
        );
      await client.until(() => watched() !== undefined, 'watchers on the inspection folder');
      const patterns = (watched()!.registerOptions as { watchers: { globPattern: { pattern: string }; kind?: number }[] }).watchers;
      assert.ok(
        patterns.some((w) => w.kind === 5 && w.globPattern.pattern === '**/*'),
        'anything created or deleted in it',
      );
      assert.ok(
        patterns.some((w) => w.kind === 2 && minimatch('cases/B.CASE.SQS.YAML', w.globPattern.pattern)),
        'changes to its SQS files',
      );
      ws.write('insp/cases/c.case.sqs.yaml', minimalCase('T-3'));
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: ws.uri('insp/cases/c.case.sqs.yaml'), type: FileChangeType.Created }],
      });
      await statusUntil(client, uri, (x) => x?.inspection?.cases === 3, 'the new case counted');

      // Closed, the files it brought in leave the index (and the Problems panel) rather than stay until a restart.
      await client.close(uri);
      await statusUntil(client, ws.uri('insp/inspection.sqs.yaml'), (x) => x === null, 'the inspection let go');
      await client.until(() => client.unregistrations.includes(watched()!.id), 'its watchers taken back');
      assert.equal(await status(client, ws.uri('insp/cases/b.case.sqs.yaml')), null);
      assert.equal(await status(client, uri), null);
    } finally {
      await client.stop();
      ws.remove();
    }
  });

  it('with only the cases/ folder open: the inspection above it is read with the workspace', async () => {
    const ws = tempWorkspace(files);
    const client = new TestClient();
    try {
      await client.start(ws.uri('insp/cases'));
      const uri = ws.uri('insp/cases/b.case.sqs.yaml');
      const s = await status(client, uri);
      assert.equal(s?.inspection?.uri, ws.uri('insp/inspection.sqs.yaml'), JSON.stringify(s));
      assert.equal(s?.inspection?.cases, 2);
      await client.open(uri, files['insp/cases/b.case.sqs.yaml']);
      assert.ok(!codes(await client.diagnostics(uri)).includes('SQS042'));
    } finally {
      await client.stop();
      ws.remove();
    }
  });
});
