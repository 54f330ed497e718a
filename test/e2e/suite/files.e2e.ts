import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsWhere } from './diagnostics';
import { revertAll } from './edit';
import { liverpool, open } from './workspace';

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

describe('files changed on disk', () => {
  afterEach(revertAll);

  it('a case file deleted outside the editor leaves the sample one short, and restoring it mends it', async () => {
    const inspection = (await open(liverpool('inspection.sqs.yaml'))).document;
    const victim = liverpool('cases', 'liv-34.case.sqs.yaml');
    const text = await vscode.workspace.fs.readFile(victim);
    await vscode.workspace.fs.delete(victim);
    const ds = await diagnosticsWhere(inspection.uri, (x) => x.some((d) => codeOf(d) === 'SQS040'), { what: 'SQS040 after the deletion' });
    assert.match(ds.find((d) => codeOf(d) === 'SQS040')!.message, /34 cases but this inspection has 33 case files/);

    await vscode.workspace.fs.writeFile(victim, text);
    await diagnosticsWhere(inspection.uri, (x) => !x.some((d) => codeOf(d) === 'SQS040'), { what: 'SQS040 to clear once the file is back' });
  });
});
