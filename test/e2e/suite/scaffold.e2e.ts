import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { revertAll } from './edit';
import { diagnosticsWhere } from './diagnostics';
import { poll } from './wait';
import { liverpool } from './workspace';

// "New Inspection" writes an empty inspection.sqs.yaml and inserts its snippet, so the file is checked as the
// inspector fills it in; giving up on it (closing without saving) must not leave the empty, invalid file behind.

describe('new files from a snippet', () => {
  afterEach(revertAll);

  it('New Inspection opens inspection.sqs.yaml in the folder, checked as it is filled in, and gone again if given up', async () => {
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
      assert.equal(editor.document.uri.scheme, 'file');
      assert.equal(editor.document.languageId, 'sqs-inspection');
      assert.match(editor.document.getText(), /^inspection: /m);
      // Checked live: the scaffold's blanks (dates still to fill in) are findings before anything is saved.
      await diagnosticsWhere(editor.document.uri, (d) => d.length > 0, { what: 'findings on the unsaved scaffold' });
      // Given up (reverted and closed): the empty file goes.
      await revertAll();
      await poll(
        async () =>
          !(await Promise.resolve(vscode.workspace.fs.stat(target)).then(
            () => true,
            () => false,
          )),
        { what: 'the empty file deleted once given up' },
      );
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });

  it('given up, it deletes only the file it wrote, as it wrote it: a file the inspector saved stays, even empty', async () => {
    assert.equal(vscode.workspace.getConfiguration('files').get('autoSave'), 'off', 'the editor saves nothing by itself');
    const stamp = Date.now();
    const saved = liverpool('..', `new-inspection-saved-${stamp}`);
    const givenUp = liverpool('..', `new-inspection-given-up-${stamp}`);
    const exists = (uri: vscode.Uri) =>
      Promise.resolve(vscode.workspace.fs.stat(uri)).then(
        () => true,
        () => false,
      );
    try {
      const scaffold = async (folder: vscode.Uri) => {
        await vscode.workspace.fs.createDirectory(folder);
        const target = vscode.Uri.joinPath(folder, 'inspection.sqs.yaml');
        await vscode.commands.executeCommand('sqs.newInspection', folder);
        const editor = await poll(
          () => {
            const e = vscode.window.activeTextEditor;
            return e?.document.uri.path === target.path && e.document.getText().length > 0 ? e : undefined;
          },
          { what: `an editor on ${target.path} with the snippet in it` },
        );
        return { target, editor };
      };
      // The inspector clears one scaffold and saves: an empty file, but theirs. Its tab closes first.
      const mine = await scaffold(saved);
      const doc = mine.editor.document;
      assert.ok(await mine.editor.edit((e) => e.delete(new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)))));
      assert.ok(await doc.save());
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      // The other is given up as written; once it is gone, the command has dealt with both.
      const other = await scaffold(givenUp);
      await revertAll();
      await poll(async () => !(await exists(other.target)), { what: 'the scaffold given up to be deleted' });
      assert.ok(await exists(mine.target), 'the file the inspector saved is still there');
    } finally {
      for (const folder of [saved, givenUp]) await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });
});
