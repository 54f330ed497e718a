import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lineOf, revertAll } from './edit';
import { documentOf, gridCell as cell, gridKeys as keys, gridRow as row, gridTabs, gridTitle as title, openGrid } from './grid';
import { PAGE_TAG, frameElementText, frameHoverTitle, frameText, inFrame, press, screenshot } from './page';
import { poll } from './wait';
import { liverpool, open } from './workspace';

// The judgement grid in a real VS Code: every judgement of the Liverpool inspection side by side, typed into from
// the keyboard, each key press an unsaved edit of one case file that the row's tally and the report preview follow.

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) =>
    g.tabs.filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('sqs.preview')),
  );
}

describe('the judgement grid', () => {
  afterEach(async () => {
    await revertAll();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it(`${PAGE_TAG} a key press changes one judgement in its case file (unsaved, comments kept), and the row’s tally and the report preview follow`, async () => {
    const liv01 = liverpool('cases', 'liv-01.case.sqs.yaml');
    await open(liv01);
    await vscode.commands.executeCommand('sqs.preview.openToSide');
    await poll(() => previewTabs().length > 0, { what: 'the preview' });
    await frameText('In all but 3 out of the 22 relevant cases');
    // The grid beside the preview, so both are in view.
    await vscode.commands.executeCommand('workbench.action.focusSecondEditorGroup');
    await openGrid(liv01);
    assert.equal(gridTabs()[0]!.label, title);

    const tallyBefore = await frameElementText(title, `${row('2.4/review')} td.tally`);
    assert.equal(await frameElementText(title, cell('2.4/review', 1)), 'S');
    // LIV-01's 2.4 is the line above the one with the inspector's comment on the victim.
    await keys(cell('2.4/review', 1), ['n']);

    const doc = await poll(() => documentOf(liv01), { what: 'LIV-01 to be open' });
    await poll(() => doc.lineAt(lineOf(doc, /^ {2}"2\.4":/)).text === '  "2.4": not sufficient', { what: 'the judgement to change in the case file' });
    assert.equal(doc.lineAt(lineOf(doc, /^ {2}"2\.5":/)).text, '  "2.5": sufficient   # victim moved school; both schools informed');
    assert.equal(doc.isDirty, true, 'the case file stays unsaved');
    await poll(async () => (await frameElementText(title, cell('2.4/review', 1))) === 'NS', { what: 'the cell to show not sufficient' });
    const tallyAfter = await frameElementText(title, `${row('2.4/review')} td.tally`);
    assert.notEqual(tallyAfter, tallyBefore);
    assert.match(tallyAfter, /≠/, 'the stated 2.4 figures no longer agree');
    assert.equal(await inFrame(title, { action: 'count', selector: 'thead th.unsaved' }), 1);
    // The preview shows the stated count the grid's edit contradicts in place of 2.4's paragraph.
    await frameText('2.4: not sufficient 11, but the case files tally 12');
    await screenshot('grid-edited');

    // Undone from the case file's editor (in the first group: the grid stays in view in the third).
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('undo');
    await poll(() => doc.lineAt(lineOf(doc, /^ {2}"2\.4":/)).text === '  "2.4": sufficient', { what: 'the undo to restore the judgement' });
    await poll(async () => (await frameElementText(title, cell('2.4/review', 1))) === 'S', { what: 'the cell to follow the undo' });
  });

  it(`${PAGE_TAG} leaves the cells the case facts rule out alone, and Ctrl+S in the grid saves the files changed there`, async () => {
    const liv01 = liverpool('cases', 'liv-01.case.sqs.yaml');
    await openGrid(liv01);
    // LIV-01 is on a community sentence: 1.5 (custody) is ruled out.
    assert.equal(await frameElementText(title, cell('1.5/custody-plan', 1)), '–');
    await keys(cell('1.5/custody-plan', 1), ['s']);
    await poll(async () => (await frameElementText(title, '#sqs-live')).includes('does not apply'), { what: 'the grid to say why' });
    assert.equal(documentOf(liv01)?.isDirty ?? false, false);

    // Cleared from the grid, then saved from it, then put back and saved again.
    await keys(cell('OM/impact', 1), ['Delete']);
    const doc = await poll(() => documentOf(liv01), { what: 'LIV-01 to be open' });
    await poll(() => doc.isDirty && !doc.getText().includes('  OM: sufficient'), { what: 'OM to be cleared' });
    await poll(async () => (await frameElementText(title, cell('OM/impact', 1))) === '?', { what: 'the cell to show unjudged' });
    await inFrame(title, { action: 'focus', selector: cell('OM/impact', 1) });
    await press(['Control+s']);
    await poll(() => !doc.isDirty, { what: 'Ctrl+S in the grid to save the case file' });
    assert.ok(!(await vscode.workspace.fs.readFile(liv01)).toString().includes('OM:'));
    await keys(cell('OM/impact', 1), ['s']);
    await poll(() => doc.getText().includes('  OM: sufficient'), { what: 'OM to be judged again' });
    await inFrame(title, { action: 'click', selector: '#sqs-save' });
    await poll(() => !doc.isDirty, { what: 'the Save button to save it' });
  });

  it(`${PAGE_TAG} tells a pointer over a cell the judgement’s reasons, and a click opens the case file at that judgement`, async () => {
    await openGrid(liverpool('inspection.sqs.yaml'));
    // LIV-05's review of the assessment (1.3) was a copy of the previous one: its file gives the reason.
    assert.equal(
      await frameHoverTitle(title, cell('1.3/review', 5)),
      'LIV-05, 1.3: not sufficient — reasons: copy-of-previous (The review was a copy of a previous assessment, not updated to current circumstances)',
    );
    const liv05 = liverpool('cases', 'liv-05.case.sqs.yaml');
    await inFrame(title, { action: 'click', selector: cell('1.3/review', 5) });
    const editor = await poll(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === liv05.toString()), {
      what: 'LIV-05 to open beside the grid',
    });
    const line = editor.selection.start.line;
    const doc = editor.document;
    assert.ok(line >= lineOf(doc, /^ {2}"1\.3":/) && line < lineOf(doc, /^ {2}"1\.4":/), `the cursor on 1.3's judgement, not line ${line + 1}`);
    assert.equal(gridTabs().length, 1, 'the grid stays open beside it');
  });

  it(`${PAGE_TAG} filters by inspector and to what is left to judge`, async () => {
    await openGrid(liverpool('inspection.sqs.yaml'));
    // The cases the filters leave (only those in view are drawn).
    const shown = async () => Number(/^(\d+)/.exec(await frameElementText(title, '#sqs-count'))![1]);
    assert.equal(await frameElementText(title, '#sqs-count'), '34 cases');
    await inFrame(title, { action: 'select', selector: '#sqs-inspector', value: 'JS' });
    assert.equal(await frameElementText(title, '#sqs-count'), '9 of 34 cases');
    await inFrame(title, { action: 'select', selector: '#sqs-inspector', value: '' });
    await inFrame(title, { action: 'check', selector: '#sqs-unjudged', value: 'true' });
    assert.equal(await shown(), 0, 'the Liverpool inspection is fully judged');
    // One judgement removed (unsaved): that case and that question are what is left.
    const liv07 = await vscode.workspace.openTextDocument(liverpool('cases', 'liv-07.case.sqs.yaml'));
    const edit = new vscode.WorkspaceEdit();
    edit.delete(liv07.uri, liv07.lineAt(lineOf(liv07, /^ {2}"1\.2": /)).rangeIncludingLineBreak);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await poll(async () => (await shown()) === 1, { what: 'the grid to show the one case left to judge' });
    assert.equal(await inFrame(title, { action: 'count', selector: 'tbody tr:not([hidden])' }), 1);
    assert.equal(await frameElementText(title, 'thead th.case'), 'LIV-07');
    await inFrame(title, { action: 'check', selector: '#sqs-unjudged', value: 'false' });
  });
});
