import * as vscode from 'vscode';

/** The folder a "new file" command acts on: the one clicked in the explorer, else the user's choice. */
export async function targetFolder(clicked: unknown, title: string, fallback?: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (clicked instanceof vscode.Uri) {
    const stat = await vscode.workspace.fs.stat(clicked).then(
      (s) => s,
      () => undefined,
    );
    if (stat?.type === vscode.FileType.Directory) return clicked;
    if (stat) return vscode.Uri.joinPath(clicked, '..');
  }
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: 'Select folder',
    title,
    ...((fallback ?? vscode.workspace.workspaceFolders?.[0]?.uri) && { defaultUri: fallback ?? vscode.workspace.workspaceFolders![0]!.uri }),
  });
  return picked?.[0];
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

/**
 * Writes an empty file at `uri`, opens it and inserts the snippet, so the inspector tabs through the blanks
 * with the file checked as they type (the language server reads files on disk, not unsaved `untitled:`
 * documents). Given up on (its tab closed without anything saved), the empty file is deleted again, so no empty,
 * invalid SQS file is left behind. Asked twice, the open one is shown again.
 */
export async function createFromSnippet(uri: vscode.Uri, snippet: string): Promise<void> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) {
    await vscode.window.showTextDocument(open);
    return;
  }
  if (!(await exists(uri))) await vscode.workspace.fs.writeFile(uri, new Uint8Array());
  const editor = await vscode.window.showTextDocument(uri);
  await editor.insertSnippet(new vscode.SnippetString(snippet), new vscode.Position(0, 0));
  removeIfLeftEmpty(uri);
}

/**
 * Deletes the file once no tab shows it any more, if nothing was ever saved into it. (Tabs, not documents:
 * VS Code disposes a closed document only minutes later.)
 */
function removeIfLeftEmpty(uri: vscode.Uri): void {
  const shows = (tab: vscode.Tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString();
  const listener = vscode.window.tabGroups.onDidChangeTabs(async (e) => {
    if (!e.closed.some(shows) || vscode.window.tabGroups.all.some((g) => g.tabs.some(shows))) return;
    listener.dispose();
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    if (stat?.size === 0) await Promise.resolve(vscode.workspace.fs.delete(uri)).catch(() => undefined);
  });
}
