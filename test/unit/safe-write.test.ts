import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { fileKindOf } from '../../server/src/core/api';
import { isSqsFileName } from '../../server/src/protocol';
import { writeReport, WriteRefused, type Entry, type FileOps } from '../../server/src/safeWrite';

// The writer the CLI and the editor's export share, on a disk held in a Map: what it refuses, and that a failure
// part way (a full disk, a rename refused) leaves the previous report as it was and no temporary file.

type Disk = Map<string, { entry: Entry; bytes?: Uint8Array }>;

function fakeOps(disk: Disk, fail: { create?: Error; replace?: Error } = {}): FileOps<string> {
  return {
    name: (at) => at.slice(at.lastIndexOf('/') + 1),
    beside: (at, name) => `${at.slice(0, at.lastIndexOf('/'))}/${name}`,
    entry: (at) => Promise.resolve(disk.get(at)?.entry),
    create(at, bytes) {
      if (disk.has(at)) return Promise.reject(new Error('EEXIST'));
      // A full disk: part of the file is written before the error.
      disk.set(at, { entry: 'file', bytes: bytes.subarray(0, 1) });
      return fail.create ? Promise.reject(fail.create) : (disk.set(at, { entry: 'file', bytes }), Promise.resolve());
    },
    replace(from, to) {
      if (fail.replace) return Promise.reject(fail.replace);
      disk.set(to, disk.get(from)!);
      disk.delete(from);
      return Promise.resolve();
    },
    remove(at) {
      disk.delete(at);
      return Promise.resolve();
    },
  };
}

const text = (s: string) => new TextEncoder().encode(s);
const contents = (disk: Disk) => new Map([...disk].map(([p, f]) => [p, f.bytes ? new TextDecoder().decode(f.bytes) : f.entry]));

describe('writing a report safely', () => {
  it('writes a new file, and replaces an old report whole', async () => {
    const disk: Disk = new Map([['/r/old.md', { entry: 'file', bytes: text('old') }]]);
    await writeReport('/r/new.md', text('new'), fakeOps(disk));
    await writeReport('/r/old.md', text('replaced'), fakeOps(disk));
    assert.deepEqual(
      contents(disk),
      new Map([
        ['/r/old.md', 'replaced'],
        ['/r/new.md', 'new'],
      ]),
    );
  });

  it('a full disk or a refused rename leaves the previous report as it was, and no temporary file', async () => {
    for (const fail of [{ create: Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }) }, { replace: new Error('EXDEV') }]) {
      const disk: Disk = new Map([['/r/report.docx', { entry: 'file', bytes: text('the published report') }]]);
      await assert.rejects(writeReport('/r/report.docx', text('a new report, longer'), fakeOps(disk, fail)));
      assert.deepEqual(contents(disk), new Map([['/r/report.docx', 'the published report']]));
    }
  });

  it('refuses SQS files, links, folders and devices, writing nothing', async () => {
    const disk: Disk = new Map([
      ['/r/link.html', { entry: 'link' }],
      ['/r/out', { entry: 'folder' }],
      ['/r/pipe', { entry: 'other' }],
    ]);
    for (const at of ['/r/inspection.sqs.yaml', '/r/x.case.sqs.yml', '/r/INSPECTION.SQS.YAML', '/r/link.html', '/r/out', '/r/pipe']) {
      await assert.rejects(writeReport(at, text('x'), fakeOps(disk)), WriteRefused, at);
    }
    assert.equal(disk.size, 3);
  });

  it('knows SQS files by the names the core knows them by', () => {
    const names = ['inspection.sqs.yaml', 'Inspection.SQS.yml', 'liv-01.case.sqs.yaml', 'a.CASE.sqs.YML', '.case.sqs.yaml', 'inspection.sqs.yaml.bak'];
    for (const name of [...names, 'report.md', 'case.sqs.yaml', 'x.case.sqs.json', 'inspection.yaml'])
      assert.equal(isSqsFileName(name), fileKindOf(URI.file(`/ws/${name}`).toString()) !== undefined, name);
  });
});
