import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lineOf, revertAll } from './edit';
import { caseRowOf as rowOf, caseRows as rows } from './casesView';
import { PAGE_TAG, clickInWorkbench, screenshot, workbenchTexts } from './page';
import { poll } from './wait';
import { liverpool, open } from './workspace';

// The cases view and the status bar's progress in a real VS Code: what the inspector sees of the whole inspection
// without opening a file, kept live as files change.

/** Deletes the first line of a document matching `pattern`, unsaved. */
async function deleteLine(doc: vscode.TextDocument, pattern: RegExp): Promise<void> {
  const line = lineOf(doc, pattern);
  const edit = new vscode.WorkspaceEdit();
  edit.delete(doc.uri, doc.lineAt(line).rangeIncludingLineBreak);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

describe('the cases view', () => {
  before(async () => {
    await vscode.commands.executeCommand('workbench.view.extension.sqs');
  });
  afterEach(revertAll);

  it(`${PAGE_TAG} lists the 34 Liverpool cases with their status, and follows an unsaved edit`, async () => {
    const liv01 = await rowOf('LIV-01', 'complete');
    assert.match(liv01, /youth rehabilitation order · JS/);
    await rowOf('Liverpool', '34/34 cases judged');
    // Every case of the inspection is a row under it (the list draws only those in view; each knows how many there are).
    const sizes = await workbenchTexts('.part.sidebar .monaco-list-row[aria-level="2"]', undefined, 20_000, 'aria-setsize');
    assert.ok(sizes.includes('34'), `set sizes ${JSON.stringify(sizes)}`);
    await screenshot('cases-view');

    const editor = await open(liverpool('cases', 'liv-01.case.sqs.yaml'));
    await deleteLine(editor.document, /^ {2}"1\.2": sufficient$/);
    assert.match(await rowOf('LIV-01', '1 question left'), /^LIV-01\s*1 question left/);
    await rowOf('Liverpool', '33/34 cases judged');
  });

  it(`${PAGE_TAG} a click on a case opens its file; the grid and the preview are on the inspection’s row`, async () => {
    await clickInWorkbench('.part.sidebar .monaco-list-row[aria-level="2"]:has-text("LIV-03")');
    await poll(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/liv-03.case.sqs.yaml'), { what: 'LIV-03 to open' });
    const liverpoolRow = '.part.sidebar .monaco-list-row[aria-level="1"]:has-text("34/34 cases judged")';
    await clickInWorkbench(`${liverpoolRow} .action-label[aria-label="Open Judgement Grid"]`, liverpoolRow);
    const webviews = (viewType: string) =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType));
    await poll(() => webviews('sqs.grid').some((t) => t.label === 'Judgements: Liverpool'), { what: 'the grid of the Liverpool inspection' });
    await clickInWorkbench(`${liverpoolRow} .action-label[aria-label="Open Report Preview"]`, liverpoolRow);
    await poll(() => webviews('sqs.preview').some((t) => t.label === 'Report: Liverpool'), { what: 'its report preview' });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it(`${PAGE_TAG} groups the cases by inspector, and back`, async () => {
    await vscode.commands.executeCommand('sqs.cases.groupByInspector');
    const grouped = await rows('9 cases, all complete');
    assert.ok(
      ['DM', 'JS', 'LB', 'RK'].every((who) => grouped.some((r) => r.startsWith(who))),
      JSON.stringify(grouped),
    );
    await vscode.commands.executeCommand('sqs.cases.listByInspection');
    await rowOf('LIV-01', 'complete · youth rehabilitation order · JS');
  });
});

describe('the status bar', () => {
  afterEach(revertAll);

  it(`${PAGE_TAG} shows how far the inspection has got, without a click, and follows an edit`, async () => {
    const editor = await open(liverpool('inspection.sqs.yaml'));
    const labels = () => workbenchTexts('.part.statusbar [aria-label]', undefined, 30_000, 'aria-label');
    await poll(async () => (await labels()).includes('SQS Liverpool: 34/34 cases judged'), { what: 'the progress in the status bar', timeoutMs: 30_000 });
    const texts = await workbenchTexts('.part.statusbar .statusbar-item', '34/34 cases judged');
    assert.ok(texts.some((t) => t.trim() === '34/34 cases judged'));
    const liv02 = await vscode.workspace.openTextDocument(liverpool('cases', 'liv-02.case.sqs.yaml'));
    await deleteLine(liv02, /^ {2}"1\.2": /);
    await poll(async () => (await labels()).includes('SQS Liverpool: 33/34 cases judged'), { what: 'the progress to follow the edit', timeoutMs: 30_000 });
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());
  });
});
