import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsWhere } from './diagnostics';
import { revertAll } from './edit';
import { liverpool, open } from './workspace';

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);
const tabOf = (uri: vscode.Uri) =>
  vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());

// A case file deleted on disk: while a tab shows it, it still counts (the editor's text wins, and saving it would
// bring it back); once its tab closes, its findings leave the Problems panel and its judgements the tallies.

describe('a case file deleted on disk', () => {
  afterEach(revertAll);

  it('still counts while its tab is open; once the tab closes, its findings and its place in the sample go', async () => {
    const extra = liverpool('cases', 'liv-35.case.sqs.yaml');
    const inspection = liverpool('inspection.sqs.yaml');
    const liv34 = liverpool('cases', 'liv-34.case.sqs.yaml');
    const published34 = await vscode.workspace.fs.readFile(liv34);
    const text = Buffer.from(published34).toString('utf8').replace('case: LIV-34', 'case: LIV-35').replace('"1.3": n/a', '"1.3": nope');
    await vscode.workspace.fs.writeFile(extra, Buffer.from(text));
    try {
      await open(extra);
      await diagnosticsWhere(extra, (ds) => ds.some((d) => codeOf(d) === 'SQS011'), { what: 'the slip in the new case file' });
      await diagnosticsWhere(inspection, (ds) => ds.some((d) => codeOf(d) === 'SQS040' && d.message.includes('35 case files')), {
        what: 'the sample one over',
      });

      await vscode.workspace.fs.delete(extra);
      // Events from the disk are applied in order: once a later change to another file shows, the deletion has been
      // seen. LIV-34 judged differently on disk moves the tally of 2.1.
      await vscode.workspace.fs.writeFile(liv34, Buffer.from(Buffer.from(published34).toString('utf8').replace('"2.1": sufficient', '"2.1": not sufficient')));
      await diagnosticsWhere(inspection, (ds) => ds.some((d) => codeOf(d) === 'SQS030' && d.message.startsWith('2.1: ')), {
        what: 'the change to LIV-34 seen',
      });
      assert.ok(tabOf(extra), 'the deleted file is still shown');
      assert.ok(
        vscode.languages.getDiagnostics(inspection).some((d) => codeOf(d) === 'SQS040' && d.message.includes('35 case files')),
        'it still counts in the sample while shown',
      );
      assert.ok(
        vscode.languages.getDiagnostics(extra).some((d) => codeOf(d) === 'SQS011'),
        'its findings stay while shown',
      );

      const tab = tabOf(extra)!;
      const closed = Date.now();
      assert.ok(await vscode.window.tabGroups.close(tab));
      await diagnosticsWhere(extra, (ds) => ds.length === 0, { what: "the deleted file's findings to leave the Problems panel" });
      await diagnosticsWhere(inspection, (ds) => !ds.some((d) => codeOf(d) === 'SQS040'), { what: 'the sample to be right again' });
      const listed = vscode.languages.getDiagnostics().find(([uri]) => uri.toString() === extra.toString());
      assert.ok(!listed || listed[1].length === 0, 'nothing listed for it in the Problems panel');
      console.log(`      the deleted file's findings left the Problems panel ${Date.now() - closed} ms after its tab closed`);
    } finally {
      await vscode.workspace.fs.writeFile(liv34, published34);
      await vscode.workspace.fs.delete(extra).then(
        () => undefined,
        () => undefined,
      );
    }
  });
});
