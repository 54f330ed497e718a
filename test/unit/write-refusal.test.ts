import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { writeFileAtomically, WriteRefused } from '../../server/src/cli/atomicFile';
import { fileKindOf } from '../../server/src/core/api';
import { isSqsFileName, writeRefusal } from '../../server/src/protocol';

// Where a report or a data file may be written: the rule `sqs render --out`, `sqs export --out` and the editor's
// exports share (protocol.ts), and the CLI's writer asking it of the disk before anything is opened.

describe('where a report or data file may be written', () => {
  it('never over an SQS file, through a link, onto a folder or a device; anywhere else, new or replacing a file', () => {
    for (const name of ['inspection.sqs.yaml', 'x.case.sqs.yml', 'INSPECTION.SQS.YAML'])
      for (const entry of [undefined, 'file', 'link'] as const) assert.match(writeRefusal(name, entry) ?? '', /is an SQS file/, `${name} ${entry}`);
    assert.match(writeRefusal('report.docx', 'link') ?? '', /is a symbolic link/);
    assert.match(writeRefusal('out', 'folder') ?? '', /is a folder/);
    assert.match(writeRefusal('pipe', 'other') ?? '', /not a regular file/);
    assert.equal(writeRefusal('report.docx', undefined), undefined);
    assert.equal(writeRefusal('report.docx', 'file'), undefined);
  });

  it('knows SQS files by the names the core knows them by', () => {
    const names = ['inspection.sqs.yaml', 'Inspection.SQS.yml', 'liv-01.case.sqs.yaml', 'a.CASE.sqs.YML', '.case.sqs.yaml', 'inspection.sqs.yaml.bak'];
    for (const name of [...names, 'report.md', 'case.sqs.yaml', 'x.case.sqs.json', 'inspection.yaml'])
      assert.equal(isSqsFileName(name), fileKindOf(URI.file(`/ws/${name}`).toString()) !== undefined, name);
  });

  it("the CLI's writer refuses on the disk itself, opening nothing: a link to a file or to nothing, a folder, a pipe", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sqs-refusal-'));
    writeFileSync(path.join(dir, 'inspection.sqs.yaml'), 'area: Liverpool\n');
    symlinkSync(path.join(dir, 'inspection.sqs.yaml'), path.join(dir, 'report.md'));
    symlinkSync(path.join(dir, 'made-by-sqs.md'), path.join(dir, 'dangling.md'));
    mkdirSync(path.join(dir, 'out.md'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    const before = readdirSync(dir).sort();
    let opened = 0;
    for (const name of ['inspection.sqs.yaml', 'report.md', 'dangling.md', 'out.md', 'pipe.md'])
      await assert.rejects(
        writeFileAtomically(path.join(dir, name), async (out) => void (opened++, out.end('a report'))),
        WriteRefused,
        name,
      );
    assert.equal(opened, 0);
    assert.deepEqual(readdirSync(dir).sort(), before, 'nothing made, not even a temporary file');
    assert.equal(readFileSync(path.join(dir, 'inspection.sqs.yaml'), 'utf8'), 'area: Liverpool\n');
  });
});
