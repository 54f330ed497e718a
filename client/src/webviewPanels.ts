import * as vscode from 'vscode';

// What the extension's webview panels (the report preview, the judgement grid) share: both run only their own
// nonce'd script from media/, and both are titled after the inspection's folder until its area is known.

/** Scripts for the page's own bundle; no forms, no command links, nothing loaded from outside media/. */
export function panelWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableForms: false,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** The name of the folder holding an inspection file. */
export function inspectionFolderName(inspectionUri: string): string {
  const parts = vscode.Uri.parse(inspectionUri).path.split('/');
  return parts[parts.length - 2] || 'inspection';
}
