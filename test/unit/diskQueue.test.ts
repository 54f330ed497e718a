import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiskQueue, type DiskResult } from '../../server/src/lsp/diskQueue';
import { HandFs } from '../helpers/handFs';

// The disk queue on its own, against a disk whose reads finish when the test says: how much it reads at once,
// what startup indexing is told of its progress, and that a failing caller never stalls it.

const quiet = { error: () => undefined, warn: () => undefined, info: () => undefined, log: () => undefined };

function setup(files: number) {
  const fs = new HandFs();
  const uris = Array.from({ length: files }, (_, i) => `file:///ws/cases/c${String(i).padStart(2, '0')}.case.sqs.yaml`);
  for (const uri of uris) fs.disk.set(uri, `case: ${uri}\n`);
  const applied: DiskResult[] = [];
  const errors: string[] = [];
  const queue = new DiskQueue(fs, (results) => applied.push(...results), { ...quiet, error: (m: string) => errors.push(m) });
  return { fs, uris, applied, errors, queue };
}

describe('the disk queue', () => {
  it('reads 16 files at a time, reporting progress once per batch', async () => {
    const { fs, uris, applied, queue } = setup(40);
    const reports: [number, number][] = [];
    const indexing = queue.readAll(
      uris,
      (done, total) => reports.push([done, total]),
      () => false,
    );
    for (const expected of [16, 32, 40]) {
      // A batch asks for all its reads at once, so once `expected` are asked no more is coming yet.
      await fs.readsAsked(expected);
      assert.equal(fs.reads.length, expected, 'no read beyond the batch before the batch is done');
      fs.finishAll();
    }
    await indexing;
    assert.deepEqual(reports, [
      [16, 40],
      [32, 40],
      [40, 40],
    ]);
    assert.deepEqual(
      applied.map((r) => r.uri),
      uris,
      'applied in the order asked',
    );
  });

  it('asks for the next batch’s reads before applying a batch, so the disk reads while the index parses', async () => {
    const fs = new HandFs();
    const uris = Array.from({ length: 40 }, (_, i) => `file:///ws/cases/c${String(i).padStart(2, '0')}.case.sqs.yaml`);
    for (const uri of uris) fs.disk.set(uri, `case: ${uri}\n`);
    const askedWhenApplied: number[] = [];
    const queue = new DiskQueue(fs, () => askedWhenApplied.push(fs.reads.length), quiet);
    const indexing = queue.readAll(
      uris,
      () => undefined,
      () => false,
    );
    for (const expected of [16, 32, 40]) {
      await fs.readsAsked(expected);
      fs.finishAll();
    }
    await indexing;
    assert.deepEqual(askedWhenApplied, [32, 40, 40]);
  });

  it('a file changed again while its read is in flight is applied once, as it is now, even when the change is taken with the next batch', async () => {
    const { fs, uris, applied, queue } = setup(20);
    const first = uris[0]!;
    const indexing = queue.readAll(
      uris,
      () => undefined,
      () => false,
    );
    await fs.readsAsked(16);
    fs.disk.set(first, 'case: changed\n');
    const changed = queue.push([{ uri: first, kind: 'read' }]);
    fs.finishAll(); // the first batch's reads, the first file's with its text from before the change
    await fs.readsAsked(16 + 5); // the next batch (the last four files, and the change) is asked before the first is applied
    fs.finishAll();
    await Promise.all([indexing, changed]);
    const ofFirst = applied.filter((r) => r.uri === first);
    assert.equal(ofFirst.length, 1, 'the stale read is not applied');
    assert.equal(new TextDecoder().decode(ofFirst[0]!.kind === 'read' ? (ofFirst[0]!.bytes as Uint8Array) : undefined), 'case: changed\n');
  });

  it('cancelled, it reads nothing more and applies nothing more, and still finishes', async () => {
    const { fs, uris, applied, queue } = setup(40);
    let cancelled = false;
    const reports: [number, number][] = [];
    const indexing = queue.readAll(
      uris,
      (done, total) => reports.push([done, total]),
      () => cancelled,
    );
    await fs.readsAsked(16);
    cancelled = true;
    fs.finishAll();
    await indexing;
    assert.equal(fs.reads.length, 16, 'no read after the cancellation');
    assert.deepEqual(applied, [], 'a batch that comes back after the cancellation is not applied');
    assert.deepEqual(reports.at(-1), [40, 40], 'the job ends, so the editor closes its progress');
  });

  it('a progress report that throws is logged; the job still finishes and later events are applied', async () => {
    const { fs, uris, applied, errors, queue } = setup(2);
    let reported = 0;
    const indexing = queue.readAll(
      uris,
      () => {
        reported++;
        throw new Error('the connection is closed');
      },
      () => false,
    );
    await fs.readsAsked(2);
    fs.finishAll();
    await indexing;
    assert.ok(reported > 0);
    assert.match(errors.join('\n'), /the connection is closed/);
    await queue.push([{ uri: uris[0]!, kind: 'drop' }]);
    assert.deepEqual(applied.at(-1), { uri: uris[0], kind: 'drop' });
  });

  it('a scan lists the folder, then reads what it found; it is done once they are all in', async () => {
    const { fs, uris, applied, queue } = setup(17);
    let done = false;
    const scanned = queue.push([{ uri: 'file:///ws/cases', kind: 'scan' }]).then(() => (done = true));
    await fs.readsAsked(16);
    assert.deepEqual(applied, [{ uri: 'file:///ws/cases', kind: 'scan', found: uris }], 'the listing first, for what is gone from the folder');
    fs.finishAll();
    await fs.readsAsked(17); // the first 16 applied, the last one's batch begun
    await new Promise((resolve) => setImmediate(resolve)); // whatever was to settle with them has
    assert.equal(done, false, 'not done while a file it found is unread');
    fs.finishAll();
    await scanned;
    assert.deepEqual(
      applied.slice(1).map((r) => [r.uri, r.kind]),
      uris.map((u) => [u, 'read']),
    );
  });

  it('a scan that finds nothing (a plain file) is done at once, reading nothing', async () => {
    const { fs, applied, queue } = setup(1);
    await queue.push([{ uri: 'file:///ws/notes.txt', kind: 'scan' }]);
    assert.deepEqual(applied, [{ uri: 'file:///ws/notes.txt', kind: 'scan', found: [] }]);
    assert.deepEqual(fs.reads, []);
  });

  it('a cancellation check that throws is logged, and the files are read', async () => {
    const { fs, uris, applied, errors, queue } = setup(2);
    const indexing = queue.readAll(
      uris,
      () => undefined,
      () => {
        throw new Error('no token');
      },
    );
    await fs.readsAsked(2);
    fs.finishAll();
    await indexing;
    assert.deepEqual(
      applied.map((r) => r.uri),
      uris,
    );
    assert.match(errors.join('\n'), /no token/);
  });
});
