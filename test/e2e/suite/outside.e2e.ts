import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { diagnosticsWhere } from './diagnostics';
import { folder, open } from './workspace';

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

describe('a case file opened from outside the workspace folders', () => {
  let dir: string;
  before(() => {
    // A copy of the second inspection (3 sampled, 2 case files) in a temporary folder no workspace folder holds.
    dir = mkdtempSync(path.join(tmpdir(), 'sqs-e2e-outside-'));
    cpSync(folder(1).uri.fsPath, dir, { recursive: true });
  });
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(dir, { recursive: true, force: true });
  });

  it('is counted in the inspection above it, which is watched while the file is open', async () => {
    const caseFile = vscode.Uri.file(path.join(dir, 'cases', 'TT-01.case.sqs.yaml'));
    const inspection = vscode.Uri.file(path.join(dir, 'inspection.sqs.yaml'));
    await open(caseFile);
    // In its inspection: what is left to judge is listed, and it is no case "in no inspection".
    const ds = await diagnosticsWhere(caseFile, (x) => x.some((d) => codeOf(d) === 'SQS051'), { what: 'the case judged within its inspection' });
    assert.ok(!ds.some((d) => codeOf(d) === 'SQS042'), ds.map((d) => `${codeOf(d)} ${d.message}`).join(' | '));
    // The inspection file, never opened, is read and reported in the Problems panel.
    await diagnosticsWhere(inspection, (x) => x.some((d) => codeOf(d) === 'SQS040' && d.message.includes('has 2 case files')), {
      what: "the closed inspection file's sample finding",
    });

    // A third case written by another program: seen through the watchers registered on that folder. They go
    // live a moment after the folder comes in, and nothing tells the test when, so the program saves its file
    // again for as long as it is not counted (each save a change on disk, as an editor elsewhere would make).
    const third = path.join(dir, 'cases', 'TT-03.case.sqs.yaml');
    const text = readFileSync(path.join(dir, 'cases', 'TT-02.case.sqs.yaml'), 'utf8').replace(/^case: .*$/m, 'case: TT-03');
    const deadline = Date.now() + 30_000;
    for (let saves = 1; ; saves++) {
      writeFileSync(third, text);
      const seen = await diagnosticsWhere(inspection, (x) => !x.some((d) => codeOf(d) === 'SQS040'), {
        what: 'the sample to match once the third case is written',
        timeoutMs: 2_000,
      }).then(
        () => true,
        (e: unknown) => (Date.now() > deadline ? Promise.reject(new Error(`after ${saves} saves: ${String(e)}`)) : false),
      );
      if (seen) break;
    }
  });
});
