import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HandFs, handWorkspace } from '../helpers/handFs';
import { minimalCase, minimalInspection } from '../helpers/index';

// The server's Workspace against a disk whose reads finish when the test says: each race between a read from
// the disk and a later event is played in the order that used to lose, with no timers.

const insp = 'file:///ws/inspection.sqs.yaml';
const a = 'file:///ws/cases/a.case.sqs.yaml';
const b = 'file:///ws/cases/b.case.sqs.yaml';

/** A workspace folder file:///ws holding the inspection file, indexed; reads are numbered from 0 after that. */
async function setup() {
  const fs = new HandFs();
  fs.disk.set(insp, minimalInspection);
  const hand = handWorkspace(fs);
  const indexing = hand.ws.indexFolders(
    ['file:///ws'],
    () => undefined,
    () => false,
  );
  await fs.readsAsked(1);
  fs.finish(0);
  await indexing;
  fs.reads.length = 0;
  return { fs, ...hand };
}

/** Answers every read as it is asked for until `done` settles. */
async function answering(fs: HandFs, done: Promise<unknown>): Promise<void> {
  let settled = false;
  void done.finally(() => (settled = true));
  while (!settled) {
    fs.finishAll();
    await Promise.race([done, fs.readsAsked(fs.reads.length + 1)]);
  }
}

describe('the workspace and the disk', () => {
  it('a file changed and then deleted on disk stays deleted, however late the read of the change finishes', async () => {
    const { fs, ws } = await setup();
    fs.disk.set(a, minimalCase('T-1'));
    const changed = ws.diskChanged([{ uri: a, type: 'changed' }]);
    await fs.readsAsked(1);
    fs.disk.delete(a);
    const deleted = ws.diskChanged([{ uri: a, type: 'deleted' }]);
    fs.finish(0); // the read of the change, with the text from before the deletion, answers last
    await Promise.all([changed, deleted]);
    assert.equal(ws.index.has(a), false, 'the deleted case is not back');
  });

  it('startup indexing: a file deleted while its read is in flight is not indexed', async () => {
    const { fs, ws } = await setup();
    fs.disk.set(a, minimalCase('T-1'));
    const indexing = ws.indexFolders(
      ['file:///ws'],
      () => undefined,
      () => false,
    );
    await fs.readsAsked(2); // the inspection file again, and a
    fs.disk.delete(a);
    const deleted = ws.diskChanged([{ uri: a, type: 'deleted' }]);
    fs.finish(0);
    fs.finish(1);
    await Promise.all([indexing, deleted]);
    assert.equal(ws.index.has(a), false);
    assert.equal(ws.index.has(insp), true);
  });

  it('a document closed and then deleted on disk is not brought back by the read its closing started', async () => {
    const { fs, ws, open, close } = await setup();
    fs.disk.set(a, minimalCase('T-1'));
    open(a, minimalCase('T-1'));
    const closed = close(a);
    await fs.readsAsked(1);
    fs.disk.delete(a);
    const deleted = ws.diskChanged([{ uri: a, type: 'deleted' }]);
    fs.finish(0);
    await Promise.all([closed, deleted]);
    assert.equal(ws.index.has(a), false);
  });

  it('two changes of one file: the later text wins, whichever read answers first', async () => {
    const { fs, ws } = await setup();
    fs.disk.set(a, minimalCase('OLD-1'));
    const first = ws.diskChanged([{ uri: a, type: 'changed' }]);
    await fs.readsAsked(1);
    fs.disk.set(a, minimalCase('NEW-1'));
    const second = ws.diskChanged([{ uri: a, type: 'changed' }]);
    // Answer the newest outstanding read first, until none is left.
    const answered = new Set<number>();
    for (;;) {
      const open = fs.reads.map((_, i) => i).filter((i) => !answered.has(i));
      if (open.length === 0) break;
      const newest = open[open.length - 1]!;
      answered.add(newest);
      fs.finish(newest);
      await Promise.race([Promise.all([first, second]), fs.readsAsked(fs.reads.length + 1)]);
    }
    await Promise.all([first, second]);
    const file = ws.index.get(a);
    assert.equal(file?.kind === 'case' ? file.model.id?.value : undefined, 'NEW-1');
  });

  it('a deleted folder takes exactly the files below it; a deleted path with nothing below costs no scan', async () => {
    const { fs, ws } = await setup();
    const other = 'file:///ws/cases2/c.case.sqs.yaml';
    for (const [uri, id] of [
      [a, 'T-1'],
      [b, 'T-2'],
      [other, 'T-3'],
    ] as const)
      fs.disk.set(uri, minimalCase(id));
    const indexing = ws.indexFolders(
      ['file:///ws'],
      () => undefined,
      () => false,
    );
    await fs.readsAsked(4);
    for (let i = 0; i < 4; i++) fs.finish(i);
    await indexing;
    assert.deepEqual(ws.index.filesUnder('file:///ws/cases').sort(), [a, b]);
    assert.deepEqual(ws.index.filesUnder('file:///ws/cases/'), ws.index.filesUnder('file:///ws/cases'));
    assert.deepEqual(ws.index.filesUnder('file:///ws/node_modules'), []);
    await ws.diskChanged([
      { uri: 'file:///ws/node_modules', type: 'deleted' },
      { uri: 'file:///ws/cases', type: 'deleted' },
    ]);
    assert.deepEqual([ws.index.has(a), ws.index.has(b), ws.index.has(other), ws.index.has(insp)], [false, false, true, true]);
    assert.deepEqual(ws.index.filesUnder('file:///ws/cases'), []);
    assert.deepEqual(ws.index.filesUnder('file:///ws').sort(), [insp, other].sort());
  });
});

describe('folders created, moved in or renamed (reported alone, without their files)', () => {
  const moved = 'file:///ws/insp2/inspection.sqs.yaml';
  const movedCase = 'file:///ws/insp2/cases/a.case.sqs.yaml';
  const before = ['file:///ws/insp/inspection.sqs.yaml', 'file:///ws/insp/cases/a.case.sqs.yaml'];

  it('a folder renamed: its files leave with the old name and come back with the new one', async () => {
    const fs = new HandFs();
    fs.disk.set(before[0]!, minimalInspection);
    fs.disk.set(before[1]!, minimalCase('T-1'));
    const { ws } = handWorkspace(fs);
    await answering(
      fs,
      ws.indexFolders(
        ['file:///ws'],
        () => undefined,
        () => false,
      ),
    );
    for (const uri of before) fs.disk.delete(uri);
    fs.disk.set(moved, minimalInspection);
    fs.disk.set(movedCase, minimalCase('T-1'));
    await answering(
      fs,
      ws.diskChanged([
        { uri: 'file:///ws/insp', type: 'deleted' },
        { uri: 'file:///ws/insp2', type: 'created' },
      ]),
    );
    assert.deepEqual(
      before.filter((u) => ws.index.has(u)),
      [],
    );
    assert.equal(ws.index.inspectionOf(movedCase)?.file.uri, moved);
  });

  it('a folder deleted and made again before the queue got to it: what it no longer holds goes', async () => {
    const { fs, ws } = await setup();
    const gone = 'file:///ws/cases/gone.case.sqs.yaml';
    for (const [uri, id] of [
      [a, 'T-1'],
      [gone, 'T-2'],
    ] as const)
      fs.disk.set(uri, minimalCase(id));
    await answering(
      fs,
      ws.diskChanged([
        { uri: a, type: 'created' },
        { uri: gone, type: 'created' },
      ]),
    );
    // A read in flight keeps the queue busy, so the deletion is still waiting when the creation replaces it.
    fs.disk.set(insp, `${minimalInspection}# edited\n`);
    const asked = fs.reads.length;
    const busy = ws.diskChanged([{ uri: insp, type: 'changed' }]);
    await fs.readsAsked(asked + 1);
    fs.disk.delete(gone);
    const remade = ws.diskChanged([
      { uri: 'file:///ws/cases', type: 'deleted' },
      { uri: 'file:///ws/cases', type: 'created' },
    ]);
    await answering(fs, Promise.all([busy, remade]));
    assert.deepEqual(
      [a, gone].filter((u) => ws.index.has(u)),
      [a],
    );
  });

  it('a plain file created costs a listing at most, and none where the walk never looks', async () => {
    const { fs, ws } = await setup();
    fs.holdListings = true;
    const ignored = ['file:///ws/node_modules/pkg', 'file:///ws/.git/index.lock', 'file:///ws/out/x.js', 'file:///elsewhere/folder'];
    await ws.diskChanged(ignored.map((uri) => ({ uri, type: 'created' as const })));
    assert.equal(fs.listings.length, 0, 'listed');
    const listed = ws.diskChanged([{ uri: 'file:///ws/notes.txt', type: 'created' }]);
    await fs.listingsAsked(1);
    fs.listings[0]!.finish();
    await listed;
    assert.deepEqual(fs.reads, [], 'nothing to read');
    assert.deepEqual(
      fs.listings.map((l) => l.uri),
      ['file:///ws/notes.txt'],
    );
  });

  it('a path changed that is no SQS file is not looked at', async () => {
    const { fs, ws } = await setup();
    fs.holdListings = true;
    await ws.diskChanged([
      { uri: 'file:///ws/cases', type: 'changed' },
      { uri: 'file:///ws/notes.yaml', type: 'changed' },
    ]);
    assert.deepEqual([fs.listings, fs.reads], [[], []]);
  });
});

describe('a folder that goes while its files are on their way', () => {
  const never = () => false;
  const nothing = () => undefined;

  it('a workspace folder removed while it is walked: what the walk found is not read, nor indexed', async () => {
    const fs = new HandFs();
    fs.holdListings = true;
    fs.disk.set(insp, minimalInspection);
    fs.disk.set(a, minimalCase('T-1'));
    const { ws } = handWorkspace(fs);
    const indexing = ws.indexFolders(['file:///ws'], nothing, never);
    await fs.listingsAsked(1);
    await ws.removeFolder('file:///ws');
    fs.listings[0]!.finish(); // the walk answers after the folder has gone
    await answering(fs, indexing);
    assert.deepEqual(
      [insp, a].filter((u) => ws.index.has(u)),
      [],
      'nothing would ever forget them',
    );
    assert.deepEqual(fs.reads, [], 'not even read');
  });

  it('one of two workspace folders removed while the other is walked: its files stay out, the other is indexed', async () => {
    const fs = new HandFs();
    fs.holdListings = true;
    const other = 'file:///ws2/inspection.sqs.yaml';
    for (const [uri, text] of [
      [insp, minimalInspection],
      [a, minimalCase('T-1')],
      [other, minimalInspection],
    ] as const)
      fs.disk.set(uri, text);
    const { ws } = handWorkspace(fs);
    const indexing = ws.indexFolders(['file:///ws', 'file:///ws2'], nothing, never);
    await fs.listingsAsked(1);
    fs.listings[0]!.finish(); // /ws found
    await fs.listingsAsked(2);
    await ws.removeFolder('file:///ws'); // while /ws2 is being walked
    fs.listings[1]!.finish();
    await fs.answerUntil(ws, () => ws.index.has(other));
    await indexing;
    assert.deepEqual(
      [insp, a, other].filter((u) => ws.index.has(u)),
      [other],
    );
  });

  it('a workspace folder removed while its files are being read: they are forgotten after they land', async () => {
    const fs = new HandFs();
    fs.disk.set(insp, minimalInspection);
    fs.disk.set(a, minimalCase('T-1'));
    const { ws } = handWorkspace(fs);
    const indexing = ws.indexFolders(['file:///ws'], nothing, never);
    await fs.readsAsked(2);
    const removed = ws.removeFolder('file:///ws');
    fs.finishAll();
    await Promise.all([indexing, removed]);
    assert.deepEqual(
      [insp, a].filter((u) => ws.index.has(u)),
      [],
    );
  });

  describe('a folder brought in from outside and let go', () => {
    const far = 'file:///far/insp/inspection.sqs.yaml';
    const x = 'file:///far/insp/cases/x.case.sqs.yaml';
    const c = 'file:///far/insp/cases/c.case.sqs.yaml';

    async function broughtIn() {
      const { fs, ws, open, close } = await setup();
      fs.disk.set(far, minimalInspection);
      fs.disk.set(x, minimalCase('X-1'));
      open(x, minimalCase('X-1'));
      await fs.answerUntil(ws, () => ws.index.inspectionOf(x)?.file.uri === far);
      fs.disk.set(c, minimalCase('C-1')); // written by another program
      return { fs, ws, close };
    }

    it('then a change event for a file in it (sent before its watchers were taken back): not indexed', async () => {
      const { fs, ws, close } = await broughtIn();
      await close(x);
      assert.equal(ws.index.has(far), false);
      await answering(fs, ws.diskChanged([{ uri: c, type: 'changed' }]));
      assert.deepEqual(
        [far, x, c].filter((u) => ws.index.has(u)),
        [],
        'no folder holds it, so nothing would ever forget it',
      );
    });

    it('let go while a folder created in it is listed: the files found are not indexed', async () => {
      const { fs, ws, close } = await broughtIn();
      const more = 'file:///far/insp/cases/more/m.case.sqs.yaml';
      fs.disk.set(more, minimalCase('M-1'));
      fs.holdListings = true;
      const created = ws.diskChanged([{ uri: 'file:///far/insp/cases/more', type: 'created' }]);
      await fs.listingsAsked(1);
      const closed = close(x);
      fs.listings[0]!.finish(); // found: m, read after the folder is let go
      await answering(fs, Promise.all([created, closed]));
      assert.deepEqual(
        [far, x, c, more].filter((u) => ws.index.has(u)),
        [],
      );
    });

    it('let go while the read of a change in it is in flight: not indexed either', async () => {
      const { fs, ws, close } = await broughtIn();
      const asked = fs.reads.length;
      const changed = ws.diskChanged([{ uri: c, type: 'changed' }]);
      await fs.readsAsked(asked + 1);
      const closed = close(x);
      fs.finishAll();
      await Promise.all([changed, closed]);
      assert.deepEqual(
        [far, x, c].filter((u) => ws.index.has(u)),
        [],
      );
    });
  });
});

describe('files opened from outside the workspace folders', () => {
  const far = 'file:///far/insp/inspection.sqs.yaml';
  const x = 'file:///far/insp/cases/x.case.sqs.yaml';
  const y = 'file:///far/insp/cases/y.case.sqs.yaml';
  const z = 'file:///far/insp/cases/z.case.sqs.yaml';
  const lone = 'file:///tmp/lone.case.sqs.yaml';

  it('bring in their inspection while one of them is open, and leave the index as they found it', async () => {
    const { fs, ws, open, close } = await setup();
    for (const [uri, text] of [
      [far, minimalInspection],
      [x, minimalCase('X-1')],
      [y, minimalCase('Y-1')],
      [z, minimalCase('Z-1')],
    ] as const)
      fs.disk.set(uri, text);
    open(x, minimalCase('X-1'));
    await fs.answerUntil(ws, () => ws.index.inspectionOf(x)?.file.uri === far && ws.index.has(z));
    open(y, minimalCase('Y-1'));
    assert.equal(fs.reads.filter((r) => r.uri === far).length, 1, 'brought in once');

    const asked = fs.reads.length;
    let closing = close(x);
    await fs.readsAsked(asked + 1); // x, from the disk again: the folder stays for y
    fs.finishAll();
    await closing;
    assert.equal(ws.index.inspectionOf(y)?.file.uri, far, 'still needed by the other open file');
    assert.ok(ws.index.has(x), 'x is in the folder y keeps: read again from the disk');
    closing = close(y);
    await closing;
    assert.deepEqual(
      [far, x, y, z].filter((u) => ws.index.has(u)),
      [],
      'nothing of it is left',
    );
    assert.ok(ws.index.has(insp), 'the workspace folder is untouched');
  });

  it('a workspace folder added around one brought in takes it over: its own watchers go, its files stay', async () => {
    const { fs, ws, open, close } = await setup();
    for (const [uri, text] of [
      [far, minimalInspection],
      [x, minimalCase('X-1')],
      [y, minimalCase('Y-1')],
    ] as const)
      fs.disk.set(uri, text);
    const told: string[] = [];
    ws.onDidBringIn((folder, brought) => told.push(`${brought ? '+' : '-'}${folder}`));
    open(x, minimalCase('X-1')); // opened before its folder was in the workspace
    await fs.answerUntil(ws, () => ws.index.inspectionOf(x)?.file.uri === far && ws.index.has(y));
    const indexing = ws.indexFolders(
      ['file:///far'],
      () => undefined,
      () => false,
    );
    assert.deepEqual(told, ['+file:///far/insp', '-file:///far/insp'], 'let go as the folder is added, before anything is read');
    await answering(fs, indexing);
    await answering(fs, close(x));
    assert.deepEqual(
      [far, x, y].filter((u) => ws.index.has(u)),
      [far, x, y],
      'the workspace folder holds them now',
    );
    assert.equal(ws.index.inspectionOf(x)?.file.uri, far);
  });

  it('a folder brought in around one brought in before takes it over, with the files that needed it', async () => {
    const { fs, ws, open, close } = await setup();
    const outer = 'file:///far/inspection.sqs.yaml';
    const w = 'file:///far/cases/w.case.sqs.yaml';
    for (const [uri, text] of [
      [far, minimalInspection],
      [x, minimalCase('X-1')],
      [outer, minimalInspection],
      [w, minimalCase('W-1')],
    ] as const)
      fs.disk.set(uri, text);
    const told: string[] = [];
    ws.onDidBringIn((folder, brought) => told.push(`${brought ? '+' : '-'}${folder}`));
    open(x, minimalCase('X-1'));
    await fs.answerUntil(ws, () => ws.index.inspectionOf(x)?.file.uri === far);
    open(w, minimalCase('W-1'));
    await fs.answerUntil(ws, () => ws.index.inspectionOf(w)?.file.uri === outer);
    assert.deepEqual(told, ['+file:///far/insp', '+file:///far', '-file:///far/insp'], 'one folder watched, not two overlapping');
    assert.equal(ws.index.inspectionOf(x)?.file.uri, far, 'its files stay');

    await answering(fs, close(x));
    assert.ok(ws.index.has(x), 'the folder w needs holds x too: read again from the disk');
    await answering(fs, close(w));
    assert.deepEqual(
      [far, x, outer, w].filter((u) => ws.index.has(u)),
      [],
      'let go with the last file that needed either',
    );
    assert.deepEqual(told.slice(3), ['-file:///far']);
  });

  it('a case opened from a folder of another name is not placed in an inspection further up (a stray one in a home folder)', async () => {
    const { fs, ws, open } = await setup();
    const stray = 'file:///home/u/inspection.sqs.yaml';
    const downloaded = 'file:///home/u/Downloads/d.case.sqs.yaml';
    fs.disk.set(stray, minimalInspection);
    fs.disk.set(downloaded, minimalCase('D-1'));
    const told: string[] = [];
    ws.onDidBringIn((folder) => told.push(folder));
    open(downloaded, minimalCase('D-1'));
    const grouped = 'file:///home/u/insp/cases/day-1/g.case.sqs.yaml';
    fs.disk.set('file:///home/u/insp/inspection.sqs.yaml', minimalInspection);
    fs.disk.set(grouped, minimalCase('G-1'));
    open(grouped, minimalCase('G-1')); // its look-up runs after the first one's
    await fs.answerUntil(ws, () => ws.index.inspectionOf(grouped) !== undefined);
    assert.deepEqual(told, ['file:///home/u/insp'], 'the home folder is not brought in');
    assert.equal(ws.index.inspectionOf(downloaded), undefined);
  });

  it('a file with no inspection anywhere above it is forgotten when it closes', async () => {
    const { fs, ws, open, close } = await setup();
    fs.disk.set(lone, minimalCase('L-1'));
    open(lone, minimalCase('L-1'));
    assert.ok(ws.index.has(lone));
    await close(lone);
    assert.equal(ws.index.has(lone), false, 'not left in the index (and the Problems panel) until a restart');
    assert.equal(
      fs.reads.some((r) => r.uri === lone),
      false,
      'nor read from the disk on closing',
    );
  });
});

describe('a workspace of several inspections, while it is indexed', () => {
  it('settles each inspection once its own files are read, and a case in no inspection only when the whole folder is', async () => {
    const fs = new HandFs();
    const aInspection = 'file:///ws/a/inspection.sqs.yaml';
    const aCase = 'file:///ws/a/cases/a.case.sqs.yaml';
    const bInspection = 'file:///ws/b/inspection.sqs.yaml';
    // More cases than the disk queue reads at once, so the last of them is read in a later batch than a's.
    const bCases = Array.from({ length: 20 }, (_, i) => `file:///ws/b/cases/b${String(i).padStart(2, '0')}.case.sqs.yaml`);
    const loose = 'file:///ws/loose.case.sqs.yaml';
    fs.disk.set(aInspection, minimalInspection);
    fs.disk.set(aCase, minimalCase('A-1'));
    fs.disk.set(bInspection, minimalInspection);
    bCases.forEach((uri, i) => fs.disk.set(uri, minimalCase(`B-${i}`)));
    fs.disk.set(loose, minimalCase('L-1'));
    const { ws } = handWorkspace(fs);
    const indexing = ws.indexFolders(
      ['file:///ws'],
      () => undefined,
      () => false,
    );
    const held = bCases.at(-1)!;
    // Every read but the last of b's cases is answered as it is asked for; that one stays in flight.
    const answered = new Set<string>();
    while (!ws.index.has(aCase) || !ws.index.has(bInspection)) {
      for (const read of fs.reads) {
        if (read.uri === held || answered.has(read.uri)) continue;
        answered.add(read.uri);
        read.finish();
      }
      await new Promise<void>((resolve) => {
        const change = ws.onDidChange(() => {
          change.dispose();
          resolve();
        });
        void fs.readsAsked(fs.reads.length + 1).then(() => {
          change.dispose();
          resolve();
        });
      });
    }
    assert.equal(ws.isSettled(aInspection), true, 'inspection a is read whole: its findings can be published');
    assert.equal(ws.isSettled(aCase), true);
    assert.equal(ws.isSettled(bInspection), false, 'one of b’s cases is still being read: its counts are not final');
    assert.equal(ws.isSettled(bCases[0]!), false);
    assert.equal(ws.isSettled(loose), false, 'a case in no inspection may yet be found one above the folder');
    for (const read of fs.reads) read.finish();
    await answering(fs, indexing);
    for (const uri of [aInspection, aCase, bInspection, ...bCases, loose]) assert.equal(ws.isSettled(uri), true, uri);
  });
});
