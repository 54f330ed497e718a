import type { BigIntStats } from 'node:fs';
import { open, stat, unlink } from 'node:fs/promises';
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
 * documents). Given up on (its last tab closed), the file is deleted again, but only if the command can prove it is
 * the file it wrote, as it wrote it: created by it (not there before), never saved since (by the inspector, or by
 * an auto-save), and the same file on disk with the same empty content and times. Anything else is the inspector's,
 * or another program's, and stays. Asked twice while a tab shows it, that tab is shown again.
 */
export async function createFromSnippet(uri: vscode.Uri, snippet: string): Promise<void> {
  // Open is shown in a tab: VS Code keeps a closed document for minutes, and a file given up (deleted) or deleted on
  // disk since is written anew, not its old document shown again.
  if (shownInTab(uri)) {
    await vscode.window.showTextDocument(uri);
    return;
  }
  const written = await writeEmpty(uri);
  const editor = await vscode.window.showTextDocument(uri);
  if (written) removeIfGivenUp(uri, written);
  // Over the whole text: a document VS Code kept may still hold what the file held before.
  const whole = editor.document.validateRange(new vscode.Range(0, 0, editor.document.lineCount, 0));
  await editor.insertSnippet(new vscode.SnippetString(snippet), whole);
}

function shownInTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((g) => g.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === key));
}

/** What identifies the file as written: the same file (device, inode), the same (empty) size, the same times. */
interface Written {
  path: string;
  stat: BigIntStats;
}

/**
 * Creates the empty file, failing if anything is there already (so a file that was there is never taken for one
 * the command made); undefined when it was there, or is not on this machine's disk (then it is never deleted).
 */
async function writeEmpty(uri: vscode.Uri): Promise<Written | undefined> {
  if (uri.scheme !== 'file') {
    if (!(await exists(uri))) await vscode.workspace.fs.writeFile(uri, new Uint8Array());
    return undefined;
  }
  try {
    const handle = await open(uri.fsPath, 'wx');
    try {
      return { path: uri.fsPath, stat: await handle.stat({ bigint: true }) };
    } finally {
      await handle.close();
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw e;
  }
}

/**
 * Deletes the file once no tab shows it any more, if it is still the file as written (see createFromSnippet).
 * (Tabs, not documents: VS Code disposes a closed document only minutes later.) A save of it is noted as it
 * happens, so the decision to keep a saved file is taken the moment its tab closes.
 */
function removeIfGivenUp(uri: vscode.Uri, written: Written): void {
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
    void deleteIfAsWritten(written);
  });
}

async function deleteIfAsWritten({ path, stat: was }: Written): Promise<void> {
  try {
    const now = await stat(path, { bigint: true });
    const same = now.dev === was.dev && now.ino === was.ino && now.size === 0n && now.mtimeNs === was.mtimeNs && now.ctimeNs === was.ctimeNs;
    if (same) await unlink(path);
  } catch {
    // Gone already, or no longer ours to look at: nothing to delete.
  }
}
