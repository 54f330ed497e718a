import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsWhere } from './diagnostics';
import { lineOf, replaceLine, revertAll } from './edit';
import { screenshot } from './page';
import { liverpool, open } from './workspace';

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
const withCode = (code: string, message: string) => (ds: readonly vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === code && d.message.includes(message));

describe('diagnostics on the Liverpool inspection', () => {
  afterEach(revertAll);

  it('a stated count the case files do not support is flagged at the number, and the quick fix clears it', async () => {
    const editor = await open(liverpool('inspection.sqs.yaml'));
    const doc = editor.document;
    const line = await replaceLine(doc, /^ {2}"2\.1": \{ relevant: 22, sufficient: 19 \}/, (l) => l.replace('sufficient: 19', 'sufficient: 18'));

    // The full stop: a message from before every case file was read ends "(… case files written)".
    const diagnostics = await diagnosticsWhere(doc.uri, withCode('SQS030', '2.1: sufficient 18, but the case files tally 19.'), { what: 'SQS030 on 2.1' });
    assert.equal(diagnostics.length, 1, `only the broken count is flagged: ${diagnostics.map((d) => d.message).join(' | ')}`);
    const [d] = diagnostics;
    assert.equal(d!.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(doc.getText(d!.range), '18');
    assert.equal(d!.range.start.line, line);
    assert.ok((d!.relatedInformation?.length ?? 0) > 0, 'the cases making up the tally are listed');
    // The first twelve of the nineteen, then a line at the count saying how many more there are.
    const related = d!.relatedInformation!;
    assert.ok(related.slice(0, -1).every((r) => r.location.uri.path.endsWith('.case.sqs.yaml')));
    assert.equal(related.at(-1)!.message, 'and 7 more: the first 12 of the 19 cases are listed');
    assert.equal(related.at(-1)!.location.uri.toString(), doc.uri.toString());

    editor.revealRange(d!.range, vscode.TextEditorRevealType.InCenter);
    await screenshot('diagnostics-broken-count', '.monaco-editor .squiggly-error');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      d!.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title === 'Set to 19 (tallied from case files)');
    assert.ok(fix?.edit, `the quick fix is offered; got ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(fix.isPreferred, 'with every case judged, it is the preferred fix');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));

    assert.match(doc.lineAt(line).text, /sufficient: 19 \}/);
    await diagnosticsWhere(doc.uri, (ds) => ds.length === 0, { what: 'the diagnostic to clear after the fix' });
  });

  it('an unsaved change of judgement in a case file moves the tally and flags the inspection at once', async () => {
    const inspection = (await open(liverpool('inspection.sqs.yaml'))).document;
    const liv = (await open(liverpool('cases', 'liv-01.case.sqs.yaml'))).document;
    await replaceLine(liv, /^ {2}"2\.1": sufficient$/, () => '  "2.1": not sufficient');

    const ds = await diagnosticsWhere(inspection.uri, withCode('SQS030', '2.1: sufficient 19, but the case files tally 18.'), {
      what: 'SQS030 on the inspection',
    });
    const d = ds.find((x) => codeOf(x) === 'SQS030')!;
    assert.equal(inspection.getText(d.range), '19');
    assert.equal(d.range.start.line, lineOf(inspection, /^ {2}"2\.1": /));

    await vscode.commands.executeCommand('workbench.action.files.revert');
    await diagnosticsWhere(inspection.uri, (x) => x.length === 0, { what: 'the inspection to be clean again once the case file is reverted' });
  });

  it('a case edit puts the finding of the closed inspection file in the Problems panel, and the revert takes it away', async () => {
    const inspection = liverpool('inspection.sqs.yaml');
    const tabFor = (uri: vscode.Uri) =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
    assert.ok(!tabFor(inspection), 'the inspection file is not open in any editor');
    await diagnosticsWhere(inspection, (ds) => !ds.some((d) => codeOf(d) === 'SQS030'), { what: 'the published inspection to be consistent' });

    const liv = (await open(liverpool('cases', 'liv-01.case.sqs.yaml'))).document;
    await replaceLine(liv, /^ {2}"2\.1": sufficient$/, () => '  "2.1": not sufficient');
    const ds = await diagnosticsWhere(inspection, withCode('SQS030', '2.1: sufficient 19, but the case files tally 18.'), {
      what: 'SQS030 on the closed inspection file',
    });
    const d = ds.find((x) => codeOf(x) === 'SQS030')!;
    const stated = (await vscode.workspace.fs.readFile(inspection))
      .toString()
      .split('\n')
      .findIndex((l) => l.startsWith('  "2.1": { relevant: 22, sufficient: 19 }'));
    assert.equal(d.range.start.line, stated, 'at the stated count');
    assert.ok(!tabFor(inspection), 'still closed: the workspace pull brought it');
    // What the Problems panel lists: every file's diagnostics, the closed inspection file among them.
    const listed = vscode.languages.getDiagnostics().find(([uri]) => uri.toString() === inspection.toString());
    assert.ok(
      listed?.[1].some((x) => codeOf(x) === 'SQS030'),
      "listed with the workspace's problems",
    );
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await screenshot('problems-closed-inspection', '.markers-panel .monaco-list-row[aria-label*="but the case files tally 18"]');

    await vscode.commands.executeCommand('workbench.action.files.revert');
    await diagnosticsWhere(inspection, (x) => !x.some((y) => codeOf(y) === 'SQS030'), { what: 'SQS030 gone from the closed inspection file after the revert' });
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  it('a slip typed and then discarded (revert and close) leaves nothing behind in the Problems panel', async () => {
    const uri = liverpool('cases', 'liv-02.case.sqs.yaml');
    const liv = (await open(uri)).document;
    await replaceLine(liv, /^ {2}"1\.2": sufficient$/, () => '  "1.2": sufficent');
    await diagnosticsWhere(uri, withCode('SQS011', 'sufficent'), { what: 'SQS011 on the unsaved slip' });
    // Closed, the file is reported by the workspace pull from the disk, where the slip never was.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await diagnosticsWhere(uri, (ds) => !ds.some((d) => codeOf(d) === 'SQS011'), { what: 'the discarded slip to leave the Problems panel' });
  });

  it('a slip in a case file is flagged at the value, with the spelling it meant offered as the fix', async () => {
    const liv = (await open(liverpool('cases', 'liv-02.case.sqs.yaml'))).document;
    const line = await replaceLine(liv, /^ {2}"1\.2": sufficient$/, () => '  "1.2": sufficent');
    const ds = await diagnosticsWhere(liv.uri, withCode('SQS011', 'sufficent'), { what: 'SQS011 on the misspelt judgement' });
    const d = ds.find((x) => codeOf(x) === 'SQS011')!;
    assert.equal(liv.getText(d.range), 'sufficent');
    assert.equal(d.range.start.line, line);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      liv.uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title === 'Change to "sufficient"');
    assert.ok(fix, `a fix to "sufficient" is offered; got ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.equal(liv.lineAt(line).text, '  "1.2": sufficient');
    await diagnosticsWhere(liv.uri, (x) => !x.some((y) => codeOf(y) === 'SQS011'), { what: 'SQS011 to clear' });
  });
});
