import * as vscode from 'vscode';
import type { LocalDisk, Written } from '../localDisk';

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
 * documents). Given up on (its last tab closed), the file is deleted again, but only if the command can prove it is
 * the file it wrote, as it wrote it: created by it (not there before), never saved since (by the inspector, or by
 * an auto-save), and the same file on disk with the same empty content and times. Anything else is the inspector's,
 * or another program's, and stays. Asked twice while a tab shows it, that tab is shown again.
 */
export async function createFromSnippet(uri: vscode.Uri, snippet: string, disk: LocalDisk | undefined): Promise<void> {
  // Open is shown in a tab: VS Code keeps a closed document for minutes, and a file given up (deleted) or deleted on
  // disk since is written anew, not its old document shown again.
  if (shownInTab(uri)) {
    await vscode.window.showTextDocument(uri);
    return;
  }
  const written = await writeEmpty(uri, disk);
  const editor = await vscode.window.showTextDocument(uri);
  if (written && disk) removeIfGivenUp(uri, written, disk);
  // Over the whole text: a document VS Code kept may still hold what the file held before.
  const whole = editor.document.validateRange(new vscode.Range(0, 0, editor.document.lineCount, 0));
  await editor.insertSnippet(new vscode.SnippetString(snippet), whole);
}

function shownInTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === key));
}

/**
 * Creates the empty file, failing if anything is there already (so a file that was there is never taken for one
 * the command made); undefined when it was there, or when this host cannot prove later that it is unchanged (not on
 * the desktop's own disk): then it is never deleted.
 */
async function writeEmpty(uri: vscode.Uri, disk: LocalDisk | undefined): Promise<Written | undefined> {
  if (uri.scheme !== 'file' || !disk) {
    if (!(await exists(uri))) await vscode.workspace.fs.writeFile(uri, new Uint8Array());
    return undefined;
  }
  return disk.createEmpty(uri.fsPath);
}

/**
 * Deletes the file once no tab shows it any more, if it is still the file as written (see createFromSnippet).
 * (Tabs, not documents: VS Code disposes a closed document only minutes later.) A save of it is noted as it
 * happens, so the decision to keep a saved file is taken the moment its tab closes.
 */
function removeIfGivenUp(uri: vscode.Uri, written: Written, disk: LocalDisk): void {
  const key = uri.toString();
  const shows = (tab: vscode.Tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === key;
  let saved = false;
  const onSave = vscode.workspace.onDidSaveTextDocument((doc) => {
    if (doc.uri.toString() === key) saved = true;
  });
  const onTabs = vscode.window.tabGroups.onDidChangeTabs((e) => {
    if (!e.closed.some(shows) || shownInTab(uri)) return;
    onSave.dispose();
    onTabs.dispose();
    if (saved) return;
    void disk.deleteIfAsWritten(written);
  });
}
