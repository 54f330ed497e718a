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
 * Opens an unsaved document for `uri` and inserts the snippet, so the inspector tabs through the blanks. Nothing
 * is written until they save (to `uri`, without a dialog: an untitled document with a path is saved there), so
 * a cancelled scaffold leaves no empty, invalid file on disk. Asked twice, the unsaved one is shown again.
 */
export async function createFromSnippet(uri: vscode.Uri, snippet: string): Promise<void> {
  const untitled = uri.with({ scheme: 'untitled' });
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === untitled.toString());
  const editor = await vscode.window.showTextDocument(open ?? (await vscode.workspace.openTextDocument(untitled)));
  if (!open) await editor.insertSnippet(new vscode.SnippetString(snippet), new vscode.Position(0, 0));
}
