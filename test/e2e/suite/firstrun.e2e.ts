import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { revertAll } from './edit';
import { PAGE_TAG, press, workbenchTexts } from './page';
import { poll } from './wait';
import { folder, liverpool, open } from './workspace';

// What a new inspector meets first: the Get started walkthrough, the example opened from it, and the report preview
// under the key VS Code's Markdown preview has.

describe('first run', () => {
  afterEach(async () => {
    await revertAll();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it(`${PAGE_TAG} the Get started walkthrough opens, with its steps`, async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'hmi-probation.sqs-findings#sqs.getStarted', false);
    const texts = await workbenchTexts('.gettingStartedContainer', 'Get started with SQS Findings', 30_000);
    const page = texts.join('\n');
    for (const step of [
      'Open the example',
      'Create a case file',
      'Read and fix a finding',
      'See the report',
      'Every judgement at a glance',
      'Export the report to Word',
    ])
      assert.ok(page.includes(step), `no step "${step}" in ${JSON.stringify(page.slice(0, 600))}`);
  });

  it('Open the Example copies the example under a name of its own and adds it to the workspace', async () => {
    const parent = vscode.Uri.joinPath(folder(0).uri, '..');
    const copy = (await vscode.commands.executeCommand<vscode.Uri | undefined>('sqs.openExample', parent))!;
    try {
      // liverpool-2013 is taken (the workspace's own copy): the example gets the next name, and nothing is overwritten.
      assert.equal(copy.path.split('/').pop(), 'liverpool-2013-2');
      const cases = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(copy, 'cases'));
      assert.equal(cases.length, 34);
      const leftovers = (await vscode.workspace.fs.readDirectory(parent)).filter(([name]) => name.endsWith('.partial'));
      assert.deepEqual(leftovers, []);
      await poll(() => vscode.workspace.workspaceFolders?.some((f) => f.uri.toString() === copy.toString()), { what: 'the copy to be a workspace folder' });
      await poll(() => vscode.window.activeTextEditor?.document.uri.toString() === vscode.Uri.joinPath(copy, 'inspection.sqs.yaml').toString(), {
        what: 'its inspection file in front',
      });
    } finally {
      const index = vscode.workspace.workspaceFolders?.findIndex((f) => f.uri.toString() === copy.toString()) ?? -1;
      if (index >= 0) {
        const gone = new Promise<void>((resolve) => {
          const sub = vscode.workspace.onDidChangeWorkspaceFolders(() => (sub.dispose(), resolve()));
        });
        vscode.workspace.updateWorkspaceFolders(index, 1);
        await gone;
      }
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(copy, { recursive: true });
    }
  });

  it(`${PAGE_TAG} Ctrl+Shift+V opens the report preview in place of the editor, as it does for Markdown`, async () => {
    const editor = await open(liverpool('cases', 'liv-02.case.sqs.yaml'));
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await press(['Control+Shift+V'], '.monaco-editor.focused');
    const tab = await poll(
      () =>
        vscode.window.tabGroups.all
          .flatMap((g) => g.tabs.map((t) => ({ t, column: g.viewColumn })))
          .find(({ t }) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('sqs.preview')),
      { what: 'the preview tab' },
    );
    assert.equal(tab.column, editor.viewColumn, 'in the editor’s own group, not beside it');
  });
});
