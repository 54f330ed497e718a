import * as vscode from 'vscode';
import { commandIds } from '../../../server/src/protocol';
import { exists } from './files';

/** The example the extension carries (packaged with it): the published Liverpool report of 2013 as SQS files. */
const example = 'liverpool-2013';

/**
 * "SQS: Open the Example": copies the Liverpool 2013 inspection into a folder the inspector chooses (never over
 * anything: a new folder, named afresh if the name is taken), then opens it: as the window's folder when none is
 * open, else added to the workspace with its inspection file in front. The copy is made under a temporary name and
 * renamed when whole, so no half-copied example is ever left under the example's name.
 */
export function registerOpenExample(extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand(commandIds.openExample, async (parent?: unknown): Promise<vscode.Uri | undefined> => {
    const where = parent instanceof vscode.Uri ? parent : await chooseParent();
    if (!where) return undefined;
    const source = vscode.Uri.joinPath(extensionUri, 'examples', example);
    const target = await freeName(where, example);
    const partial = vscode.Uri.joinPath(where, `.${example}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.partial`);
    try {
      await vscode.workspace.fs.copy(source, partial, { overwrite: false });
      await vscode.workspace.fs.rename(partial, target, { overwrite: false });
    } catch (e) {
      // The temporary folder is ours alone (its name is new): take it away again rather than leave half an example.
      await Promise.resolve(vscode.workspace.fs.delete(partial, { recursive: true })).catch(() => undefined);
      void vscode.window.showErrorMessage(`The example could not be copied to ${where.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 0) {
      await vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: false });
      return target;
    }
    vscode.workspace.updateWorkspaceFolders(folders.length, 0, { uri: target, name: `${example} (example)` });
    await vscode.window.showTextDocument(vscode.Uri.joinPath(target, 'inspection.sqs.yaml'), { preview: false });
    return target;
  });
}

async function chooseParent(): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: 'Copy the example here',
    title: 'Where to put a copy of the Liverpool 2013 example',
    ...(folder && { defaultUri: vscode.Uri.joinPath(folder, '..') }),
  });
  return picked?.[0];
}

/** `name`, or `name-2`, `name-3`, … : the first that nothing in `parent` has. */
async function freeName(parent: vscode.Uri, name: string): Promise<vscode.Uri> {
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.joinPath(parent, n === 1 ? name : `${name}-${n}`);
    if (!(await exists(candidate))) return candidate;
  }
}
