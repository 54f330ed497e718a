import assert from 'node:assert/strict';
import { chmodSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { copyOf, liverpool } from '../helpers/example';
import { HandFs } from '../helpers/handFs';
import { ensureBundle, messageOf, TestClient } from './harness';

// An inspection the server has not read whole: a case file it cannot read, files not read yet, a file whose YAML is
// broken. Its tallies may be short of cases, so its stated counts show as wrong (SQS030) — and a fix that set them
// to the tally would overwrite correct published figures. No fix that changes a stated figure is offered then.

before(() => ensureBundle());

const figureFixes = (actions: CodeAction[]) => actions.filter((a) => /^Set /.test(a.title)).map((a) => a.title);

async function actionsFor(client: TestClient, uri: string, ds: Diagnostic[]): Promise<CodeAction[]> {
  const actions: CodeAction[] = [];
  for (const d of ds) {
    actions.push(
      ...((await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d] },
      })) as CodeAction[]),
    );
  }
  return actions;
}

/** Every folder and file of a copy readable by anyone, as an example folder in a home directory would be. */
function readableByAll(dir: string): void {
  chmodSync(dir, 0o755);
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) readableByAll(p);
    else chmodSync(p, 0o644);
  }
}

describe('a case file the server cannot read', () => {
  const dir = copyOf(liverpool);
  readableByAll(dir);
  chmodSync(path.join(dir, 'cases/liv-07.case.sqs.yaml'), 0o000);
  // As root every file is readable: the server runs as nobody then.
  const client = new TestClient(process.getuid?.() === 0 ? { asUser: 'nobody' } : {});
  const uri = (p: string) => URI.file(path.join(dir, p)).toString();
  before(() => client.start(uri('')));
  after(async () => {
    await client.stop();
    chmodSync(path.join(dir, 'cases/liv-07.case.sqs.yaml'), 0o644);
  });

  it('is reported on the file, and said in the log', async () => {
    const ds = await client.diagnostics(uri('cases/liv-07.case.sqs.yaml'));
    assert.deepEqual(
      ds.map((d) => `${String(d.code)} ${messageOf(d)}`),
      [`SQS004 This file could not be read (permission denied). Nothing in it is counted until it can be read.`],
    );
    assert.ok(
      client.logs.some((l) => /1 could not be read/.test(l)),
      client.logs.join('\n'),
    );
  });

  it('leaves the stated counts it would change flagged, with no fix that sets them to the short tally', async () => {
    const inspection = uri('inspection.sqs.yaml');
    const ds = (await client.diagnostics(inspection)).filter((d) => d.code === 'SQS030');
    assert.ok(ds.length > 0, 'LIV-07 judged, unread: its judgements are missing from the tallies');
    assert.deepEqual(figureFixes(await actionsFor(client, inspection, ds)), []);
  });
});

describe('a case file that leads outside the folder', () => {
  // A link named as LIV-07's file, to a copy of it outside the workspace folder: not read (SQS008), so its judgements
  // are missing from the tallies just as an unreadable file's are.
  const dir = copyOf(liverpool);
  const elsewhere = copyOf(liverpool);
  const liv07 = path.join(dir, 'cases/liv-07.case.sqs.yaml');
  rmSync(liv07);
  symlinkSync(path.join(elsewhere, 'cases/liv-07.case.sqs.yaml'), liv07);
  const client = new TestClient();
  const uri = (p: string) => URI.file(path.join(dir, p)).toString();
  before(() => client.start(uri('')));
  after(() => client.stop());

  it('is reported on the link, and the stated counts it would change get no fix that sets them to the short tally', async () => {
    assert.deepEqual(
      (await client.diagnostics(uri('cases/liv-07.case.sqs.yaml'))).map((d) => String(d.code)),
      ['SQS008'],
    );
    const inspection = uri('inspection.sqs.yaml');
    const ds = (await client.diagnostics(inspection)).filter((d) => d.code === 'SQS030');
    assert.ok(ds.length > 0, 'LIV-07 judged, not read: its judgements are missing from the tallies');
    const actions = await actionsFor(client, inspection, ds);
    assert.deepEqual(figureFixes(actions.filter((a) => !a.disabled)), []);
  });
});

describe('a file of the inspection that does not read as YAML', () => {
  const client = new TestClient();
  const uri = (p: string) => URI.file(path.join(liverpool, p)).toString();
  before(() => client.start(uri('')));
  after(() => client.stop());

  it('holds back the fixes that change a stated figure, and gives them back once it reads', async () => {
    const liv07 = uri('cases/liv-07.case.sqs.yaml');
    const text = readFileSync(path.join(liverpool, 'cases/liv-07.case.sqs.yaml'), 'utf8');
    const inspection = uri('inspection.sqs.yaml');
    const wrong = readFileSync(path.join(liverpool, 'inspection.sqs.yaml'), 'utf8').replace(
      '"2.1": { relevant: 22, sufficient: 19 }',
      '"2.1": { relevant: 22, sufficient: 18 }',
    );
    // An unclosed bracket: a syntax error, so what YAML made of the rest of the file may not be what was written.
    await client.open(liv07, `notes: [\n${text}`);
    assert.ok((await client.diagnostics(liv07)).some((d) => d.code === 'SQS001'));
    await client.open(inspection, wrong);
    const ds = (await client.diagnostics(inspection)).filter((d) => d.code === 'SQS030');
    assert.equal(ds.length, 1, 'the count stated wrong');
    assert.deepEqual(figureFixes(await actionsFor(client, inspection, ds)), []);

    await client.change(liv07, text);
    const again = (await client.diagnostics(inspection)).filter((d) => d.code === 'SQS030');
    assert.deepEqual(figureFixes(await actionsFor(client, inspection, again)), ['Set to 19 (tallied from case files)']);
  });
});

describe('an inspection whose files are still being read', () => {
  it('offers no fix that changes a stated figure until every file is read', async () => {
    const root = 'file:///hand/insp';
    const fs = new HandFs();
    for (const name of readdirSync(path.join(liverpool, 'cases')))
      fs.disk.set(`${root}/cases/${name}`, readFileSync(path.join(liverpool, 'cases', name), 'utf8'));
    const inspectionText = readFileSync(path.join(liverpool, 'inspection.sqs.yaml'), 'utf8');
    const inspection = `${root}/inspection.sqs.yaml`;
    fs.disk.set(inspection, inspectionText);
    const client = new TestClient({ fs });
    try {
      await client.initialize(root);
      // The inspection file and the first case files read (one batch of reads); the others still on their way.
      await fs.readsAsked(16);
      for (let i = 0; i < 16; i++) fs.finish(i);
      await client.until(() => client.inspectionsChanged > 0, 'the first batch indexed');
      await fs.readsAsked(17);
      // The editor holds a finding on 2.1's stated count, as the first files read make it (the tally a few cases short).
      const lines = inspectionText.split('\n');
      const line = lines.findIndex((l) => l.startsWith('  "2.1": { relevant: 22, sufficient: 19 }'));
      const character = lines[line]!.indexOf('19');
      const shown: Diagnostic = {
        range: { start: { line, character }, end: { line, character: character + 2 } },
        code: 'SQS030',
        source: 'sqs',
        message: '2.1: sufficient 19, but the case files tally fewer.',
        severity: 1,
      };
      assert.deepEqual(figureFixes(await actionsFor(client, inspection, [shown])), []);
    } finally {
      fs.finishAll();
      await client.stop();
    }
  });
});
