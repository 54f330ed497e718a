import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsWhere } from './diagnostics';
import { replaceLine, revertAll } from './edit';
import { liverpool, open } from './workspace';

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

/** The line as it would read with the action's edits applied (to a copy: the document is left as it is). */
function lineAfter(doc: vscode.TextDocument, line: number, action: vscode.CodeAction): string {
  let text = doc.lineAt(line).text;
  const edits = (action.edit?.get(doc.uri) ?? []).filter((e) => e.range.start.line === line).sort((a, b) => b.range.start.character - a.range.start.character);
  for (const e of edits) text = text.slice(0, e.range.start.character) + e.newText + text.slice(e.range.end.character);
  return text;
}

describe('a quick fix asked for after the line changed', () => {
  afterEach(revertAll);

  it('a digit typed before a stated count: the fix of the finding as the editor still holds it sets the count, and touches nothing else', async () => {
    const editor = await open(liverpool('inspection.sqs.yaml'));
    const doc = editor.document;
    const line = await replaceLine(doc, /^ {2}"2\.1": \{ relevant: 22, sufficient: 19 \}/, (l) => l.replace('sufficient: 19', 'sufficient: 18'));
    const [before] = (
      await diagnosticsWhere(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'SQS030' && d.range.start.line === line), { what: 'SQS030 on 2.1' })
    ).filter((d) => codeOf(d) === 'SQS030' && d.range.start.line === line);

    // A keystroke: "1" before 22. Until the editor's next pull is answered it still holds the finding as it was
    // reported, at its old place or with its marker moved along with the 18; a quick fix asked for then comes
    // with that finding. Here it is held on purpose, in a collection of the test's own, after the pull.
    assert.ok(await editor.edit((e) => e.insert(new vscode.Position(line, doc.lineAt(line).text.indexOf('22')), '1')));
    await diagnosticsWhere(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'SQS030' && doc.getText(d.range) === '122'), { what: 'the pull after the keystroke' });
    const at = doc.lineAt(line).text.indexOf('18');
    const moved = Object.assign(Object.create(Object.getPrototypeOf(before!) as object) as vscode.Diagnostic, before!, {
      range: new vscode.Range(line, at, line, at + 2),
    });
    const held = vscode.languages.createDiagnosticCollection('sqs-test-held');
    try {
      for (const stale of [before!, moved]) {
        held.set(doc.uri, [stale]);
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          doc.uri,
          stale.range,
          vscode.CodeActionKind.QuickFix.value,
        );
        const fixes = actions.filter((a) => a.title === 'Set to 19 (tallied from case files)');
        assert.ok(fixes.length > 0, `the fix is offered; got ${actions.map((a) => a.title).join(', ')}`);
        for (const fix of fixes) assert.equal(lineAfter(doc, line, fix), '  "2.1": { relevant: 122, sufficient: 19 }');
      }
    } finally {
      held.dispose();
    }
  });
});
