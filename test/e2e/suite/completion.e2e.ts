import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { lineOf, revertAll } from './edit';
import { liverpool, open } from './workspace';

const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

describe('completion', () => {
  afterEach(revertAll);

  it('offers the criterion ids a case file has not judged yet, with their titles, and not those it has', async () => {
    const editor = await open(liverpool('cases', 'liv-01.case.sqs.yaml'));
    const doc = editor.document;
    // Take 1.2 out and start a new criterion key where it was.
    const line = lineOf(doc, /^ {2}"1\.2": sufficient$/);
    await editor.edit((e) => e.replace(doc.lineAt(line).range, '  "'));
    const at = new vscode.Position(line, 3);

    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
    const labels = list.items.map(labelOf);
    const item = list.items.find((i) => labelOf(i) === '1.2');
    assert.ok(item, `1.2 is offered; got ${labels.join(', ')}`);
    assert.match(String(item.detail), /Initial assessment of the likelihood of reoffending/);
    assert.ok(!labels.includes('1.1') && !labels.includes('2.1'), `criteria already judged are not offered: ${labels.join(', ')}`);

    // Accepting it writes the quoted key (YAML would read an unquoted 1.2 as a number).
    const insert = item.insertText instanceof vscode.SnippetString ? item.insertText.value : String(item.insertText ?? '');
    assert.match(insert, /1\.2"?:/);
  });

  it('offers the judgement words for a judgement value', async () => {
    const editor = await open(liverpool('cases', 'liv-01.case.sqs.yaml'));
    const doc = editor.document;
    const line = lineOf(doc, /^ {2}"1\.2": sufficient$/);
    await editor.edit((e) => e.replace(doc.lineAt(line).range, '  "1.2": '));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, 9));
    const labels = list.items.map(labelOf);
    for (const word of ['sufficient', 'not sufficient', 'not applicable']) assert.ok(labels.includes(word), `${word} in ${labels.join(', ')}`);
  });
});
