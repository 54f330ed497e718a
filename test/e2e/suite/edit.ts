// Editing documents as an inspector would, without saving, and putting them back afterwards.
import * as vscode from 'vscode';
import { poll } from './wait';

/** The 0-based number of the first line matching `pattern`; fails the test when there is none. */
export function lineOf(doc: vscode.TextDocument, pattern: RegExp): number {
  for (let i = 0; i < doc.lineCount; i++) if (pattern.test(doc.lineAt(i).text)) return i;
  throw new Error(`no line of ${vscode.workspace.asRelativePath(doc.uri)} matches ${pattern}`);
}

/** Replaces the first line matching `pattern` (unsaved, as typing would) and returns its number. */
export async function replaceLine(doc: vscode.TextDocument, pattern: RegExp, replace: (line: string) => string): Promise<number> {
  const line = lineOf(doc, pattern);
  const edit = new vscode.WorkspaceEdit();
  const text = doc.lineAt(line).text;
  const next = replace(text);
  if (next === text) throw new Error(`replacing line ${line + 1} of ${doc.uri.path} changes nothing`);
  edit.replace(doc.uri, doc.lineAt(line).range, next);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`the edit of ${doc.uri.path} was refused`);
  return line;
}

/** Reverts every document a test left modified, so the next test starts from the files on disk. */
export async function revertAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  const dirty = () => vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => vscode.workspace.asRelativePath(d.uri));
  await poll(() => dirty().length === 0, { what: 'the reverts to take', timeoutMs: 10_000 }).catch(() => {
    throw new Error(`still modified after revert: ${dirty().join(', ')}`);
  });
  // Nothing is modified any more, so closing cannot stop at a "save changes?" dialog.
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
