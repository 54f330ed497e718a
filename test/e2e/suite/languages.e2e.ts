import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PAGE_TAG, screenshot } from './page';
import { firstCase, folder, liverpool, open } from './workspace';

describe('SQS files are recognised by name', () => {
  it('a *.case.sqs.yaml file opens as an SQS case', async () => {
    const doc = await vscode.workspace.openTextDocument(await firstCase(folder(0)));
    assert.equal(doc.languageId, 'sqs-case');
  });

  it('inspection.sqs.yaml opens as an SQS inspection', async () => {
    const doc = await vscode.workspace.openTextDocument(liverpool('inspection.sqs.yaml'));
    assert.equal(doc.languageId, 'sqs-inspection');
  });

  it(`${PAGE_TAG} the editor shows "SQS Case" as the language of a case file`, async () => {
    await open(await firstCase(folder(0)));
    await screenshot('case-file-open', '#status\\.editor\\.mode:has-text("SQS Case")');
  });
});
