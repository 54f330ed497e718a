import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HandFs, handWorkspace } from '../helpers/handFs';
import { minimalCase, minimalInspection } from '../helpers/index';

// The server's Workspace against a disk whose reads finish when the test says: each race between a read from
// the disk and a later event is played in the order that used to lose, with no timers.

const insp = 'file:///ws/inspection.sqs.yaml';
const a = 'file:///ws/cases/a.case.sqs.yaml';
const b = 'file:///ws/cases/b.case.sqs.yaml';

function setup() {
  const fs = new HandFs();
  fs.disk.set(insp, minimalInspection);
  return { fs, ...handWorkspace(fs) };
}

describe('the workspace and the disk', () => {
  it('a file changed and then deleted on disk stays deleted, however late the read of the change finishes', async () => {
    const { fs, ws } = setup();
    fs.disk.set(a, minimalCase('T-1'));
    const changed = ws.diskChanged([{ uri: a, deleted: false }]);
    await fs.readsAsked(1);
    fs.disk.delete(a);
    const deleted = ws.diskChanged([{ uri: a, deleted: true }]);
    fs.finish(0); // the read of the change, with the text from before the deletion, answers last
    await Promise.all([changed, deleted]);
    assert.equal(ws.index.has(a), false, 'the deleted case is not back');
  });

  it('startup indexing: a file deleted while its read is in flight is not indexed', async () => {
    const { fs, ws } = setup();
    fs.disk.set(a, minimalCase('T-1'));
    const indexing = ws.indexFolders(['file:///ws'], () => undefined, () => false);
    await fs.readsAsked(2);
    fs.disk.delete(a);
    const deleted = ws.diskChanged([{ uri: a, deleted: true }]);
    fs.finish(0);
    fs.finish(1);
    await Promise.all([indexing, deleted]);
    assert.equal(ws.index.has(a), false);
    assert.equal(ws.index.has(insp), true);
  });

  it('a document closed and then deleted on disk is not brought back by the read its closing started', async () => {
    const { fs, ws, open, close } = setup();
    fs.disk.set(a, minimalCase('T-1'));
    open(a, minimalCase('T-1'));
    const closed = close(a);
    await fs.readsAsked(1);
    fs.disk.delete(a);
    const deleted = ws.diskChanged([{ uri: a, deleted: true }]);
    fs.finish(0);
    await Promise.all([closed, deleted]);
    assert.equal(ws.index.has(a), false);
  });

  it('two changes of one file: the later text wins, whichever read answers first', async () => {
    const { fs, ws } = setup();
    fs.disk.set(a, minimalCase('OLD-1'));
    const first = ws.diskChanged([{ uri: a, deleted: false }]);
    await fs.readsAsked(1);
    fs.disk.set(a, minimalCase('NEW-1'));
    const second = ws.diskChanged([{ uri: a, deleted: false }]);
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
    const { fs, ws } = setup();
    const other = 'file:///ws/cases2/c.case.sqs.yaml';
    for (const [uri, id] of [[a, 'T-1'], [b, 'T-2'], [other, 'T-3']] as const) fs.disk.set(uri, minimalCase(id));
    const indexing = ws.indexFolders(['file:///ws'], () => undefined, () => false);
    await fs.readsAsked(4);
    for (let i = 0; i < 4; i++) fs.finish(i);
    await indexing;
    assert.deepEqual(ws.index.filesUnder('file:///ws/cases').sort(), [a, b]);
    assert.deepEqual(ws.index.filesUnder('file:///ws/cases/'), ws.index.filesUnder('file:///ws/cases'));
    assert.deepEqual(ws.index.filesUnder('file:///ws/node_modules'), []);
    await ws.diskChanged([{ uri: 'file:///ws/node_modules', deleted: true }, { uri: 'file:///ws/cases', deleted: true }]);
    assert.deepEqual([ws.index.has(a), ws.index.has(b), ws.index.has(other), ws.index.has(insp)], [false, false, true, true]);
    assert.deepEqual(ws.index.filesUnder('file:///ws/cases'), []);
    assert.deepEqual(ws.index.filesUnder('file:///ws').sort(), [insp, other].sort());
  });
});
