import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { revertAll } from './edit';
import { poll } from './wait';
import { liverpool } from './workspace';

// "New Inspection" once wrote an empty inspection.sqs.yaml before inserting its snippet, so giving up on it left
// an empty, invalid file behind. Nothing may reach the disk until the inspector saves.

describe('new files from a snippet', () => {
  afterEach(revertAll);

  it('New Inspection opens an unsaved inspection.sqs.yaml in the folder, writing nothing until it is saved', async () => {
    const folder = liverpool('..', `new-inspection-${Date.now()}`);
    await vscode.workspace.fs.createDirectory(folder);
    const target = vscode.Uri.joinPath(folder, 'inspection.sqs.yaml');
    try {
      await vscode.commands.executeCommand('sqs.newInspection', folder);
      const editor = await poll(
        () => {
          const e = vscode.window.activeTextEditor;
          return e?.document.uri.path === target.path && e.document.getText().length > 0 ? e : undefined;
        },
        { what: `an editor on ${target.path} with the snippet in it` },
      );
      assert.equal(editor.document.uri.scheme, 'untitled', 'not a file yet');
      assert.equal(editor.document.languageId, 'sqs-inspection', 'named as it will be saved, so it is an inspection file');
      assert.match(editor.document.getText(), /^inspection: /m);
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)), 'nothing on disk before the save');
      // Given up (reverted and closed): still nothing there.
      await revertAll();
      await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)), 'nothing on disk once given up');
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });
});
