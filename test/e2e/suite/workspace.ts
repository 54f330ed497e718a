// Where things are in the workspace the runner opened (see scripts/test-vscode.mjs): the Liverpool inspection
// as the first folder, a second inspection as the second.
import * as vscode from 'vscode';

export function folder(index: 0 | 1): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.[index];
  if (!f) throw new Error(`workspace folder ${index} is not open (folders: ${vscode.workspace.workspaceFolders?.map((w) => w.name).join(', ') ?? 'none'})`);
  return f;
}

export const liverpool = (...segments: string[]): vscode.Uri => vscode.Uri.joinPath(folder(0).uri, ...segments);
export const second = (...segments: string[]): vscode.Uri => vscode.Uri.joinPath(folder(1).uri, ...segments);

/** The first case file of a folder, by name. */
export async function firstCase(f: vscode.WorkspaceFolder): Promise<vscode.Uri> {
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(f, '**/*.case.sqs.yaml'));
  const [first] = found.sort((a, b) => a.path.localeCompare(b.path));
  if (!first) throw new Error(`no case file in ${f.name}`);
  return first;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}
