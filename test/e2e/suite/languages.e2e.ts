import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PAGE_TAG, frameText, screenshot } from './page';
import { firstCase, folder, liverpool, open } from './workspace';

describe('SQS files are recognised by name, and only they', () => {
  it('a *.case.sqs.yaml file opens as an SQS case', async () => {
    const doc = await vscode.workspace.openTextDocument(await firstCase(folder(0)));
    assert.equal(doc.languageId, 'sqs-case');
  });

  it('inspection.sqs.yaml opens as an SQS inspection', async () => {
    const doc = await vscode.workspace.openTextDocument(liverpool('inspection.sqs.yaml'));
    assert.equal(doc.languageId, 'sqs-inspection');
  });

  it('an ordinary .yaml file, even one that looks like a case, stays YAML', async () => {
    const uri = liverpool('notes.yaml');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('case: LIV-01\nsentence: referral order\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.languageId, 'yaml');
  });

  it(`${PAGE_TAG} the editor shows the case file with "SQS Case" as its language`, async () => {
    await open(await firstCase(folder(0)));
    await screenshot('case-file-open', '#status\\.editor\\.mode:has-text("SQS Case")');
  });

  it(`${PAGE_TAG} the runner reads what a webview renders`, async () => {
    // The preview test depends on this channel: the page's frames, seen from outside the extension host.
    const marker = `webview-probe-${Date.now()}`;
    const panel = vscode.window.createWebviewPanel('sqsE2eProbe', 'Probe', vscode.ViewColumn.Beside, {});
    try {
      panel.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>${marker}</p><p>&lt;escaped&gt;</p></body></html>`;
      const text = await frameText(marker);
      assert.match(text, /<escaped>/);
    } finally {
      panel.dispose();
    }
  });
});
