import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { writeAtomically } from '../../../client/src/writeAtomically';
import { liverpool } from './workspace';

// The editor's one writer (both exports) on the real vscode.workspace.fs: it must see a symbolic link for what it
// is (the SymbolicLink bit of a stat), refuse what `sqs render --out` refuses, and leave nothing behind.

describe('the editor writes a report or data file as sqs render --out does', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sqs-e2e-write-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses an SQS file, a link (to an SQS file, or to nothing) and a folder, writing nothing', async () => {
    const inspection = liverpool('inspection.sqs.yaml');
    const before = await vscode.workspace.fs.readFile(inspection);
    symlinkSync(inspection.fsPath, path.join(dir, 'report.html'));
    symlinkSync(path.join(dir, 'made-by-sqs.html'), path.join(dir, 'dangling.html'));
    mkdirSync(path.join(dir, 'out.html'));
    const listed = readdirSync(dir).sort();
    for (const [target, why] of [
      [inspection, /is an SQS file/],
      [vscode.Uri.file(path.join(dir, 'report.html')), /is a symbolic link/],
      [vscode.Uri.file(path.join(dir, 'dangling.html')), /is a symbolic link/],
      [vscode.Uri.file(path.join(dir, 'out.html')), /is a folder/],
    ] as const)
      await assert.rejects(writeAtomically(target, new TextEncoder().encode('<p>a report</p>')), why, target.fsPath);
    assert.deepEqual(await vscode.workspace.fs.readFile(inspection), before, 'the inspection file as it was');
    assert.deepEqual(readdirSync(dir).sort(), listed, 'nothing made, not even a temporary file');
  });

  it('replaces a previous file in one step, leaving no temporary file', async () => {
    const target = path.join(dir, 'data.csv');
    writeFileSync(target, 'the last export\n');
    await writeAtomically(vscode.Uri.file(target), new TextEncoder().encode('new data\n'));
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.file(target))), 'new data\n');
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
    );
  });
});
