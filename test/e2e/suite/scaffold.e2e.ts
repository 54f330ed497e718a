import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { revertAll } from './edit';
import { diagnosticsWhere } from './diagnostics';
import { PAGE_TAG, press } from './page';
import { poll } from './wait';
import { liverpool } from './workspace';

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

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

  it(`${PAGE_TAG} New Case File names the file as the folder's cases are named, and leaves the case facts for the inspector to answer`, async () => {
    const cases = liverpool('cases');
    const named = (name: string) => vscode.Uri.joinPath(cases, name);
    try {
      // The command asks for the case id, offering the next one (LIV-35): accepted as offered.
      void vscode.commands.executeCommand('sqs.newCase', cases).then(undefined, () => undefined);
      await press(['Enter'], '.quick-input-widget input', 20_000, '.quick-input-widget');
      const editor = await poll(
        () => {
          const e = vscode.window.activeTextEditor;
          // The scaffold's own placeholder, not just any case file's text (a document VS Code kept may show first).
          return e && e.document.uri.path.includes('/cases/') && /^inspector: Name$/m.test(e.document.getText()) ? e : undefined;
        },
        { what: 'an editor on the new case file with the scaffold in it' },
      );
      const doc = editor.document;
      // The cases are liv-01.case.sqs.yaml … liv-34.case.sqs.yaml for ids LIV-01 … LIV-34.
      assert.equal(doc.uri.path.split('/').pop(), 'liv-35.case.sqs.yaml');
      assert.match(doc.getText(), /^case: LIV-35$/m);
      // The facts decide which criteria apply: none is answered for the inspector, nor is the sentence.
      for (const fact of ['sentence', 'psr', 'risk_of_harm', 'identifiable_victim'])
        assert.match(doc.getText(), new RegExp(`^${fact}: *$`, 'm'), `${fact} left blank in:\n${doc.getText()}`);
      const ds = await diagnosticsWhere(doc.uri, (x) => x.filter((d) => codeOf(d) === 'SQS011').length >= 4, { what: 'an error on each fact left blank' });
      const blank = ds.filter((d) => codeOf(d) === 'SQS011').map((d) => doc.lineAt(d.range.start.line).text.split(':')[0]);
      assert.deepEqual(blank.sort(), ['identifiable_victim', 'psr', 'risk_of_harm', 'sentence']);
      // Each answer is offered where it goes.
      const psr = doc
        .getText()
        .split('\n')
        .findIndex((l) => l.startsWith('psr:'));
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(psr, 5));
      // (The language's snippets are offered everywhere too.)
      assert.deepEqual(
        list.items
          .filter((i) => i.kind !== vscode.CompletionItemKind.Snippet)
          .map(labelOf)
          .sort(),
        ['no', 'yes'],
      );
      await revertAll();
      await poll(
        async () =>
          !(await Promise.resolve(vscode.workspace.fs.stat(doc.uri)).then(
            () => true,
            () => false,
          )),
        { what: 'the new case file deleted once given up' },
      );
    } finally {
      await revertAll();
      for (const name of ['liv-35.case.sqs.yaml', 'LIV-35.case.sqs.yaml'])
        await Promise.resolve(vscode.workspace.fs.delete(named(name))).catch(() => undefined);
    }
  });

  it(`${PAGE_TAG} New Case File asked again for the case just given up writes its scaffold again`, async () => {
    const cases = liverpool('cases');
    const target = vscode.Uri.joinPath(cases, 'liv-35.case.sqs.yaml');
    const onDisk = () =>
      Promise.resolve(vscode.workspace.fs.stat(target)).then(
        () => true,
        () => false,
      );
    const scaffolded = async () => {
      void vscode.commands.executeCommand('sqs.newCase', cases).then(undefined, () => undefined);
      await press(['Enter'], '.quick-input-widget input', 20_000, '.quick-input-widget');
      return poll(
        () => {
          const e = vscode.window.activeTextEditor;
          return e?.document.uri.toString() === target.toString() && /^inspector: Name$/m.test(e.document.getText()) ? e : undefined;
        },
        { what: 'an editor on liv-35.case.sqs.yaml with the scaffold in it' },
      );
    };
    try {
      await scaffolded();
      await revertAll();
      await poll(async () => !(await onDisk()), { what: 'the scaffold given up to be deleted' });
      // VS Code keeps the closed document for minutes: the command used to take it for an open one and show its
      // empty text again, with no file on disk.
      const editor = await scaffolded();
      assert.match(editor.document.getText(), /^sentence: *$/m);
      assert.ok(await onDisk(), 'the file is written again');
    } finally {
      await revertAll();
      await Promise.resolve(vscode.workspace.fs.delete(target)).catch(() => undefined);
    }
  });
});
