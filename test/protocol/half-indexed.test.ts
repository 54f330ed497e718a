import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { HoverRequest, ReferencesRequest, WorkspaceSymbolRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { InspectionStatusRequest, ScaffoldRequest, type InspectionStatus } from '../../server/src/protocol';
import { HandFs } from '../helpers/handFs';
import { TestClient } from './harness';

// What the server says while it is still reading the workspace. A case file opened before its inspection file is
// read is in no inspection (SQS042), and an inspection with half its cases read has counts that do not add up:
// nothing worked out on a half-indexed inspection is published. The disk is a HandFs, whose folder listings and
// reads are answered when the test says.

const example = path.resolve(__dirname, '../../examples/liverpool-2013');
const root = 'file:///hand/liverpool-2013';

function liverpoolOnHand(): HandFs {
  const fs = new HandFs();
  const walk = (dir: string, rel: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p, `${rel}/${name}`);
      else fs.disk.set(`${root}${rel}/${name}`, readFileSync(p, 'utf8'));
    }
  };
  walk(example, '');
  return fs;
}

/** Answers every read as it is asked for until the server says the workspace is indexed (its progress ends). */
async function indexed(fs: HandFs, client: TestClient): Promise<void> {
  while (client.indexingDone === 0) {
    fs.finishAll();
    await Promise.race([fs.readsAsked(fs.reads.length + 1), client.until(() => client.indexingDone > 0, 'the end of indexing')]);
  }
}

const codes = (ds: readonly Diagnostic[]) => ds.map((d) => String(d.code));

describe('while the workspace is being indexed', () => {
  it('a case file opened before its inspection is read gets its diagnostics once the inspection is complete, never SQS042', async () => {
    const fs = liverpoolOnHand();
    fs.holdListings = true;
    const client = new TestClient({ fs });
    try {
      await client.initialize(root);
      await fs.listingsAsked(1);
      const uri = `${root}/cases/liv-05.case.sqs.yaml`;
      await client.open(uri, fs.disk.get(uri)!);
      const workspace = client.workspacePull();
      // Answered at once with what its text says (nothing), never with what a case of no inspection would get.
      assert.deepEqual(codes(await client.diagnostics(uri)), [], 'no SQS042 while the inspection is not read');

      fs.holdListings = false;
      for (const listing of fs.listings) listing.finish();
      await indexed(fs, client);
      const ds = await client.diagnostics(uri);
      assert.deepEqual(codes(ds), [], 'LIV-05 as published has nothing to report');
      const reported = workspace.received.filter((r) => r.kind === 'full' && r.items.length > 0);
      assert.deepEqual(
        reported.map((r) => `${r.uri.slice(root.length)}: ${r.kind === 'full' ? codes(r.items).join(' ') : ''}`),
        [],
        'the Problems panel was never given a finding of the half-read inspection',
      );
      workspace.cancel();
    } finally {
      await client.stop();
    }
  });

  it('the Problems panel is given no finding of an inspection whose case files are half read', async () => {
    const fs = liverpoolOnHand();
    const client = new TestClient({ fs });
    try {
      await client.initialize(root);
      const workspace = client.workspacePull();
      // The inspection file and the first case files, read and indexed; the rest still on their way.
      await fs.readsAsked(2);
      fs.finishAll();
      await client.until(() => client.inspectionsChanged > 0, 'the first files indexed');
      // A request answered only after the workspace pull had every chance to send what it had.
      const uri = `${root}/cases/liv-30.case.sqs.yaml`;
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
      assert.ok(fs.reads.length < 35, 'still indexing');
      const early = workspace.received.filter((r) => r.kind === 'full' && r.items.length > 0);
      assert.deepEqual(
        early.map((r) => `${r.uri.slice(root.length)}: ${r.kind === 'full' ? codes(r.items).join(' ') : ''}`),
        [],
      );

      await indexed(fs, client);
      await client.until(() => workspace.latest.size === 35, 'a report on every file');
      assert.deepEqual(
        workspace.received.filter((r) => r.kind === 'full' && r.items.length > 0).map((r) => r.uri),
        [],
        'and none once the inspection is read: it has nothing to report',
      );
      workspace.cancel();
    } finally {
      await client.stop();
    }
  });

  it(
    'a case file edited while the workspace is read is answered at once with what it says of itself, and pulled again as its inspection file and then the rest are read (issue 13)',
    { timeout: 30_000 },
    async () => {
      const fs = liverpoolOnHand();
      fs.holdListings = true;
      const client = new TestClient({ fs });
      try {
        await client.initialize(root);
        await fs.listingsAsked(1);
        const uri = `${root}/cases/liv-30.case.sqs.yaml`;
        // A key written twice (SQS005: the text alone says so), a reason the catalogue does not list (SQS014: once the
        // inspection file names the criteria), and the id of another case (SQS041: only the whole inspection can say).
        const text = fs.disk
          .get(uri)!
          .replace('case: LIV-30', 'case: LIV-05')
          .replace('inspector: RK\n', 'inspector: RK\ninspector: RK\n')
          .replace('      - late', '      - lately');
        await client.open(uri, text);
        // Nothing is listed or read meanwhile: a pull held until the inspection is read is never answered (the test times out).
        assert.deepEqual(codes(await client.diagnostics(uri)), ['SQS005'], 'before anything is read: what the text says');

        fs.holdListings = false;
        for (const listing of fs.listings) listing.finish();
        await fs.readsAsked(16);
        let refreshes = client.refreshes;
        for (let i = 0; i < 16; i++) fs.finish(i);
        assert.ok(!fs.reads.slice(0, 16).some((r) => r.uri === uri));
        await client.until(() => client.refreshes > refreshes, 'a refresh once its inspection file is read');
        assert.equal(client.indexingDone, 0, 'still indexing');
        assert.deepEqual(codes(await client.diagnostics(uri)).sort(), ['SQS005', 'SQS014'], 'its inspection file read: its own findings');

        refreshes = client.refreshes;
        await indexed(fs, client);
        await client.until(() => client.refreshes > refreshes, 'a refresh once the inspection is read');
        assert.deepEqual(codes(await client.diagnostics(uri)).sort(), ['SQS005', 'SQS014', 'SQS041'], 'and then the findings the other files make');
      } finally {
        await client.stop();
      }
    },
  );

  it('New Case File asks for the next case id once the inspection is read, not the one after the cases read so far', async () => {
    const fs = liverpoolOnHand();
    const client = new TestClient({ fs });
    try {
      await client.initialize(root);
      await fs.readsAsked(16);
      for (let i = 0; i < 16; i++) fs.finish(i);
      await client.until(() => client.inspectionsChanged > 0, 'the first files indexed');
      let early: string | undefined;
      const asked = client.connection.sendRequest(ScaffoldRequest, { kind: 'case', folder: `${root}/cases` }).then((s) => (early ??= s.caseId));
      // Answered once the scaffold request has been taken up.
      const uri = `${root}/cases/liv-30.case.sqs.yaml`;
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
      assert.equal(early, undefined, 'no case id offered from the cases read so far');
      await indexed(fs, client);
      await asked;
      assert.equal(early, 'LIV-35');
      const scaffold = await client.connection.sendRequest(ScaffoldRequest, { kind: 'case', folder: `${root}/cases` });
      assert.deepEqual([scaffold.caseId, scaffold.fileName], ['LIV-35', 'liv-35.case.sqs.yaml']);
    } finally {
      await client.stop();
    }
  });

  it('says which inspection a case file opened early is in once its folder is read, never none (the grid, the preview, export)', async () => {
    const fs = liverpoolOnHand();
    fs.holdListings = true;
    const client = new TestClient({ fs });
    try {
      await client.initialize(root);
      await fs.listingsAsked(1);
      const uri = `${root}/cases/liv-05.case.sqs.yaml`;
      await client.open(uri, fs.disk.get(uri)!);
      let early: InspectionStatus | null | undefined;
      const asked = client.connection.sendRequest(InspectionStatusRequest, { uri }).then((s) => (early ??= s));
      // Answered once the status request has been taken up.
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
      assert.equal(early, undefined, `no answer while the inspection file is not read: ${JSON.stringify(early)}`);
      fs.holdListings = false;
      for (const listing of fs.listings) listing.finish();
      await indexed(fs, client);
      assert.equal((await asked)?.inspection?.uri, `${root}/inspection.sqs.yaml`);
    } finally {
      await client.stop();
    }
  });
});

describe('while a closed document is read back from the disk', () => {
  it('references wait for the read: a new case file closed unsaved, never on disk, is not among them (found by the server fuzz)', async () => {
    const fs = liverpoolOnHand();
    const client = new TestClient({ fs });
    try {
      await client.initialize(root);
      await indexed(fs, client);
      const unsaved = `${root}/cases/liv-99.case.sqs.yaml`;
      await client.open(unsaved, fs.disk.get(`${root}/cases/liv-05.case.sqs.yaml`)!.replace('case: LIV-05', 'case: LIV-99'));
      const readsBefore = fs.reads.length;
      await client.close(unsaved);
      // Closed: the disk is the truth again, and the server asks it for the file (which it never held).
      await fs.readsAsked(readsBefore + 1);
      const uri = `${root}/cases/liv-01.case.sqs.yaml`;
      const found = client.connection.sendRequest(ReferencesRequest.type, {
        textDocument: { uri },
        position: { line: 10, character: 3 },
        context: { includeDeclaration: true },
      });
      // The references have every chance to be answered before the read is: a hover after them waits on nothing.
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
      fs.finishAll();
      const files = new Set(((await found) ?? []).map((l) => l.uri.slice(root.length)));
      assert.ok(files.has('/cases/liv-05.case.sqs.yaml') && files.has('/inspection.sqs.yaml'), [...files].join(' '));
      assert.ok(!files.has('/cases/liv-99.case.sqs.yaml'), 'the closed, unsaved file is not among the references');
    } finally {
      await client.stop();
    }
  });

  it("a closed document is not answered early while the disk is read back: its findings are the disk text's (found by the server fuzz)", async () => {
    const fs = liverpoolOnHand();
    const client = new TestClient({ fs });
    try {
      await client.initialize(root);
      await indexed(fs, client);
      const uri = `${root}/cases/liv-05.case.sqs.yaml`;
      const other = `${root}/cases/liv-01.case.sqs.yaml`;
      await client.open(other, fs.disk.get(other)!);
      // Typed and never saved: a key the format does not know, on a line the file on disk does not have.
      await client.open(uri, `${fs.disk.get(uri)!}\nunknown_key: 1\n`);
      assert.ok(codes(await client.diagnostics(uri)).includes('SQS010'));
      const readsBefore = fs.reads.length;
      await client.close(uri);
      await fs.readsAsked(readsBefore + 1);
      let answered: Diagnostic[] | undefined;
      const pulled = client.diagnostics(uri).then((ds) => (answered = ds));
      // A pull of an open document of the same inspection, asked after it, waits on the same settings: once it is
      // answered, the closed one has had every chance to be.
      await client.diagnostics(other);
      assert.equal(answered, undefined, `answered before the disk was read: ${codes(answered ?? []).join(' ')}`);
      fs.finishAll();
      await pulled;
      assert.deepEqual(codes(answered!), [], 'the file on disk has nothing to report');
    } finally {
      await client.stop();
    }
  });

  it('workspace symbols wait for the read too: the closed, unsaved case is not listed (found by the server fuzz)', async () => {
    const fs = liverpoolOnHand();
    const client = new TestClient({ fs });
    try {
      await client.initialize(root);
      await indexed(fs, client);
      const unsaved = `${root}/cases/liv-99.case.sqs.yaml`;
      await client.open(unsaved, fs.disk.get(`${root}/cases/liv-05.case.sqs.yaml`)!.replace('case: LIV-05', 'case: LIV-99'));
      const listed = async () => ((await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'LIV-99' })) ?? []).map((x) => x.name);
      assert.deepEqual(await listed(), ['LIV-99'], 'open, it is a case of the inspection');
      const readsBefore = fs.reads.length;
      await client.close(unsaved);
      await fs.readsAsked(readsBefore + 1);
      const found = listed();
      // The symbols have every chance to be answered before the read is: a hover after them waits on nothing.
      const uri = `${root}/cases/liv-01.case.sqs.yaml`;
      await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
      fs.finishAll();
      assert.deepEqual(await found, []);
    } finally {
      await client.stop();
    }
  });
});
