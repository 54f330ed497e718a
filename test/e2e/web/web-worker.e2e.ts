import assert from 'node:assert/strict';
import { rmSync, symlinkSync } from 'node:fs';
import JSZip from 'jszip';
import * as vscode from 'vscode';
import { diagnosticsWhere } from '../suite/diagnostics';
import { caseRowOf } from '../suite/casesView';
import { lineOf, replaceLine, revertAll } from '../suite/edit';
import { documentOf, gridCell, gridKeys, gridRow, gridTitle, openGrid } from '../suite/grid';
import { PAGE_TAG, frameElementText, frameText, inFrame, press, screenshot } from '../suite/page';
import { poll } from '../suite/wait';
import { liverpool, open } from '../suite/workspace';

// The web build in a real VS Code: the extension in the browser's Web Worker extension host (code-server's, made
// to host it by `remote.extensionKind` in this run's settings; see scripts/test-vscode.mjs), its language server
// in a Web Worker reading files through the editor. This suite runs in the Node extension host and drives the
// extension as an inspector would, through the workbench: documents, commands, diagnostics, the page.

const extensionId = 'hmi-probation.sqs-findings';
const seed = 'In all but 3 out of the 22 relevant cases, we found that good quality pre-sentence reports (PSRs) had been provided to the court.';
const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

describe('the web build, in the browser’s Web Worker extension host', () => {
  afterEach(revertAll);

  it('wakes for a case file in another extension host than this Node one', async () => {
    const editor = await open(liverpool('cases', 'liv-01.case.sqs.yaml'));
    assert.equal(editor.document.languageId, 'sqs-case');
    await poll(async () => (await vscode.commands.getCommands(true)).includes('sqs.preview.openToSide'), {
      what: 'the web extension to activate and register its commands',
      timeoutMs: 30_000,
    });
    // An extension host lists the extensions it runs: this Node one does not list SQS Findings, yet its commands are there.
    assert.equal(vscode.extensions.getExtension(extensionId), undefined, 'SQS Findings runs in this Node host: the run did not make it a web extension');
  });

  it('lists the findings of files it has only read through the editor (the workspace pull), and a case edit flags the inspection', async () => {
    // Never opened: the server walked the folder and read it over sqs/fs/*.
    const closed = liverpool('inspection.sqs.yaml');
    const liv = (await open(liverpool('cases', 'liv-01.case.sqs.yaml'))).document;
    await replaceLine(liv, /^ {2}"2\.1": sufficient$/, () => '  "2.1": not sufficient');
    const ds = await diagnosticsWhere(
      closed,
      (x) => x.some((d) => codeOf(d) === 'SQS030' && d.message.includes('2.1: sufficient 19, but the case files tally 18.')),
      {
        what: 'SQS030 on the closed inspection file',
        timeoutMs: 60_000,
      },
    );
    assert.ok(ds.length >= 1);
    await screenshot('web-diagnostics-across-files');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await diagnosticsWhere(closed, (x) => !x.some((d) => codeOf(d) === 'SQS030'), { what: 'the inspection to be clean once the case file is reverted' });
  });

  it('offers the quick fix for a stated count, and applying it clears the finding', async () => {
    const editor = await open(liverpool('inspection.sqs.yaml'));
    const doc = editor.document;
    const line = await replaceLine(doc, /^ {2}"2\.1": \{ relevant: 22, sufficient: 19 \}/, (l) => l.replace('sufficient: 19', 'sufficient: 18'));
    const [d] = await diagnosticsWhere(
      doc.uri,
      (x) => x.some((y) => codeOf(y) === 'SQS030' && y.message.includes('2.1: sufficient 18, but the case files tally 19.')),
      {
        what: 'SQS030 on 2.1',
      },
    );
    assert.equal(doc.getText(d!.range), '18');
    assert.equal(d!.range.start.line, line);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      d!.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title === 'Set to 19 (tallied from case files)');
    assert.ok(fix?.edit, `the quick fix is offered; got ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(doc.lineAt(line).text, /sufficient: 19 \}/);
    await diagnosticsWhere(doc.uri, (ds) => ds.length === 0, { what: 'the diagnostic to clear after the fix' });
  });

  it(`${PAGE_TAG} shows the report beside the editor, live as a case file is typed`, async () => {
    const liv = (await open(liverpool('cases', 'liv-01.case.sqs.yaml'))).document;
    await vscode.commands.executeCommand('sqs.preview.openToSide');
    const text = await frameText(seed, 45_000);
    assert.ok(text.includes('Liverpool'), 'the report of the Liverpool inspection');
    await replaceLine(liv, /^ {4}report: sufficient$/, () => '    report: not sufficient');
    const marked = await frameText('1.1 report: sufficient 19, but the case files tally 18', 30_000);
    assert.ok(!marked.includes(seed), 'the contradicted paragraph shows the finding instead of its prose');
    await screenshot('web-preview');
    assert.ok(lineOf(liv, /^ {4}report: not sufficient$/) >= 0);
  });

  it(`${PAGE_TAG} a click in the report preview reveals its source in the inspection file`, async () => {
    await open(liverpool('cases', 'liv-01.case.sqs.yaml'));
    await vscode.commands.executeCommand('sqs.preview.openToSide');
    await frameText(seed, 45_000);
    // The webview's message names the inspection as the web extension's host does (vscode-remote:), not as a file: URI.
    await inFrame(seed, { action: 'click', selector: '#summary-1 [data-sentence]' });
    const inspection = liverpool('inspection.sqs.yaml').toString();
    const editor = await poll(() => (vscode.window.activeTextEditor?.document.uri.toString() === inspection ? vscode.window.activeTextEditor : undefined), {
      what: 'the inspection file to be the active editor',
    });
    assert.match(editor.document.getText(editor.selection), /^Overall, we found a positive picture in Liverpool YOS/);
  });

  it(`${PAGE_TAG} sets a judgement from the judgement grid: the case file gets the canonical word, and the inspection’s findings follow`, async () => {
    const liv01 = liverpool('cases', 'liv-01.case.sqs.yaml');
    const inspection = liverpool('inspection.sqs.yaml');
    // As from the command palette, on the case file in the editor, perhaps before the server in the Web Worker has read
    // the folder through the editor: the grid opens once it has (it said "belongs to no inspection" before).
    await open(liv01);
    await openGrid(undefined, 45_000);
    assert.equal(await frameElementText(gridTitle, gridCell('2.4/review', 1)), 'S');
    const tallyBefore = await frameElementText(gridTitle, `${gridRow('2.4/review')} td.tally`);
    // LIV-01's 2.4 is the line above the one with the inspector's comment on the victim.
    await gridKeys(gridCell('2.4/review', 1), ['n']);

    const doc = await poll(() => documentOf(liv01), { what: 'LIV-01 to be open' });
    await poll(() => doc.lineAt(lineOf(doc, /^ {2}"2\.4":/)).text === '  "2.4": not sufficient', { what: 'the canonical judgement in the case file' });
    assert.equal(doc.lineAt(lineOf(doc, /^ {2}"2\.5":/)).text, '  "2.5": sufficient   # victim moved school; both schools informed');
    assert.equal(doc.isDirty, true, 'the case file stays unsaved');
    // The closed inspection file's stated 2.4 figures no longer agree with the case files.
    await diagnosticsWhere(
      inspection,
      (x) => x.some((d) => codeOf(d) === 'SQS030' && d.message.includes('2.4: not sufficient 11, but the case files tally 12')),
      {
        what: 'SQS030 on 2.4 in the inspection file',
        timeoutMs: 30_000,
      },
    );
    await poll(async () => (await frameElementText(gridTitle, gridCell('2.4/review', 1))) === 'NS', { what: 'the cell to show not sufficient' });
    const tallyAfter = await frameElementText(gridTitle, `${gridRow('2.4/review')} td.tally`);
    assert.notEqual(tallyAfter, tallyBefore);
    assert.match(tallyAfter, /≠/, 'the row says the stated 2.4 figures no longer agree');
    await screenshot('web-grid-edited');
  });

  it(`${PAGE_TAG} lists the inspection’s cases in the cases view, with their status`, async () => {
    await vscode.commands.executeCommand('workbench.view.extension.sqs');
    assert.match(await caseRowOf('LIV-01', 'complete'), /youth rehabilitation order · JS/);
    await caseRowOf('Liverpool', '34/34 cases judged');
    await vscode.commands.executeCommand('workbench.view.explorer');
  });

  it('reads no symbolic link through the editor: a linked case file gets SQS008 on itself, and goes with the link', async () => {
    // Made on the disk code-server serves, as another program would; the web extension hears of it through its watcher.
    const link = liverpool('cases', 'linked.case.sqs.yaml');
    symlinkSync(liverpool('cases', 'liv-01.case.sqs.yaml').fsPath, link.fsPath);
    try {
      const ds = await diagnosticsWhere(link, (x) => x.some((d) => codeOf(d) === 'SQS008'), { what: 'SQS008 on the link', timeoutMs: 30_000 });
      assert.deepEqual(
        ds.map((d) => [codeOf(d), d.range.start.line]),
        [['SQS008', 0]],
        'nothing of LIV-01, which it leads to, was read through it',
      );
      assert.match(ds[0]!.message, /^This file is a symbolic link, and where a link leads cannot be seen/);
    } finally {
      rmSync(link.fsPath, { force: true });
    }
    await diagnosticsWhere(link, (x) => x.length === 0, { what: 'the finding to go with the link', timeoutMs: 30_000 });
  });

  async function exportAs(format: 'html' | 'docx'): Promise<Uint8Array> {
    const target = liverpool(`liverpool-sqs-report.${format}`);
    await open(liverpool('inspection.sqs.yaml'));
    // The command ends only when its "Report exported" notification is answered: not awaited.
    void vscode.commands.executeCommand('sqs.exportReport', liverpool('inspection.sqs.yaml'), format).then(undefined, () => undefined);
    await press(['Enter'], '.quick-input-widget input', 20_000, '.quick-input-widget');
    return poll(
      async () => {
        try {
          const bytes = await vscode.workspace.fs.readFile(target);
          return bytes.length > 0 ? bytes : undefined;
        } catch {
          return undefined;
        }
      },
      { what: `${vscode.workspace.asRelativePath(target)} to be written`, timeoutMs: 45_000 },
    );
  }

  it(`${PAGE_TAG} exports the report as HTML and as Word through the save dialog`, async () => {
    const html = new TextDecoder().decode(await exportAs('html'));
    assert.match(html, /^<!DOCTYPE html>/i);
    assert.ok(html.includes(seed), 'the seed sentence is in the page');
    await vscode.commands.executeCommand('notifications.clearAll');
    const zip = await JSZip.loadAsync(await exportAs('docx'));
    const xml = await zip.file('word/document.xml')?.async('string');
    assert.ok(xml?.includes('In all but 3 out of the 22 relevant cases'), 'the seed sentence is in the Word document');
  });

  it(`${PAGE_TAG} says Export Data is not available in the browser, and writes nothing`, async () => {
    await open(liverpool('inspection.sqs.yaml'));
    const before = (await vscode.workspace.fs.readDirectory(liverpool())).map(([name]) => name).sort();
    await vscode.commands.executeCommand('sqs.exportData', liverpool('inspection.sqs.yaml'), { scope: 'inspection', format: 'csv' });
    // The notification list, where every message is whether or not its toast has gone.
    await vscode.commands.executeCommand('notifications.showList');
    await screenshot('web-export-data-unavailable', '.notifications-center :text("Export Data is not available in the browser")');
    assert.deepEqual((await vscode.workspace.fs.readDirectory(liverpool())).map(([name]) => name).sort(), before);
    await vscode.commands.executeCommand('notifications.hideList');
    await vscode.commands.executeCommand('notifications.clearAll');
  });
});
