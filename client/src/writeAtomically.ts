import * as vscode from 'vscode';

/**
 * Writes a file whole or not at all: into a new file beside the target, renamed over it once written. A failure
 * part-way leaves the target as it was; the half-written file, which this call created under a name no one else
 * uses, is removed.
 */
export async function writeAtomically(target: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const temp = vscode.Uri.joinPath(target, '..', `.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  let created = false;
  try {
    await vscode.workspace.fs.stat(temp).then(
      () => {
        throw new Error(`${temp.fsPath} is in the way`);
      },
      () => undefined,
    );
    await vscode.workspace.fs.writeFile(temp, bytes);
    created = true;
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  } catch (e) {
    if (created) await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw e;
  }
}
