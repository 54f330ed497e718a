import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PAGE_TAG, frameText } from './page';

describe('the runner', () => {
  it(`${PAGE_TAG} reads what a webview renders`, async () => {
    // The preview tests depend on this channel: the page's frames, seen from outside the extension host.
    const marker = `webview-probe-${Date.now()}`;
    const panel = vscode.window.createWebviewPanel('sqsE2eProbe', 'Probe', vscode.ViewColumn.Beside, {});
    try {
      panel.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>${marker}</p><p>&lt;escaped&gt;</p></body></html>`;
      assert.match(await frameText(marker), /<escaped>/);
    } finally {
      panel.dispose();
    }
  });
});
