import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { revertAll } from './edit';
import { PAGE_TAG, press } from './page';
import { poll } from './wait';
import { liverpool, open } from './workspace';

/** Rows of a small CSV without quoted line breaks, keyed by its header. */
function records(text: string): Record<string, string>[] {
  const [header, ...rows] = text
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

describe('export data', () => {
  afterEach(revertAll);

  it(`${PAGE_TAG} SQS: Export Data… writes the tallies of the inspection as CSV, through the save dialog`, async () => {
    const target = liverpool('liverpool-data-tallies.csv');
    await open(liverpool('inspection.sqs.yaml'));
    // The choices a quick pick would ask for are given; the save dialog is the workbench's own, answered with Enter.
    // The command ends only when its "Data … exported" notification is answered: not awaited.
    void vscode.commands
      .executeCommand('sqs.exportData', liverpool('inspection.sqs.yaml'), { scope: 'inspection', format: 'csv', level: 'tallies', includeNotes: false })
      .then(undefined, () => undefined);
    await press(['Enter'], '.quick-input-widget input', 20_000, '.quick-input-widget');
    const text = await poll(
      async () => {
        try {
          const bytes = await vscode.workspace.fs.readFile(target);
          return bytes.length > 0 ? new TextDecoder().decode(bytes) : undefined;
        } catch {
          return undefined;
        }
      },
      { what: `${vscode.workspace.asRelativePath(target)} to be written`, timeoutMs: 30_000 },
    );
    const rows = records(text);
    const report = rows.find((r) => r.criterion === '1.1' && r.question === 'report');
    assert.ok(report, text.slice(0, 500));
    assert.deepEqual([report.inspection, report.relevant, report.sufficient, report.percent_sufficient], ['Liverpool', '22', '19', '86.4']);
    const folder = vscode.Uri.joinPath(target, '..');
    const left = (await vscode.workspace.fs.readDirectory(folder)).filter(([name]) => name.endsWith('.tmp'));
    assert.deepEqual(left, [], 'no temporary file left beside it');
    await vscode.workspace.fs.delete(target);
  });
});
