// Runs first (files run in name order): nothing has opened an SQS file yet.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { poll } from './wait';
import { firstCase, folder, liverpool, open } from './workspace';

const extensionId = 'hmi-probation.sqs-findings';

describe('activation', () => {
  it('an ordinary YAML file, even one that looks like a case, stays YAML and does not wake the extension', async () => {
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext, `${extensionId} is installed in the extension host`);
    const uri = liverpool('notes.yaml');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('case: LIV-01\nsentence: YRO\njudgements:\n  "1.2": sufficient\n'));
    const editor = await open(uri);
    assert.equal(editor.document.languageId, 'yaml');
    assert.equal(ext.isActive, false, 'activated by a workspace with SQS files in it, or by plain YAML');
  });

  it('opening a case file activates it', async () => {
    const ext = vscode.extensions.getExtension(extensionId)!;
    const editor = await open(await firstCase(folder(0)));
    assert.equal(editor.document.languageId, 'sqs-case');
    await poll(() => ext.isActive, { what: 'the extension to activate', timeoutMs: 30_000 });
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['sqs.newInspection', 'sqs.newCase', 'sqs.restartServer']) assert.ok(commands.includes(c), `${c} is registered`);
  });
});
