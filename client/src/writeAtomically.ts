import * as vscode from 'vscode';
import { writeRefusal, type FileEntry } from '../../server/src/protocol';

/**
 * The one writer of the editor's exports (SQS: Export Report…, SQS: Export Data…), refusing what `sqs render --out`
 * and `sqs export --out` refuse (protocol.ts's writeRefusal: an SQS file, a symbolic link, a folder, a device) with
 * an error that says why, before anything is written. Otherwise writes the file whole or not at all: into a new file
 * beside the target, renamed over it once written. A failure part-way leaves the target as it was; the half-written
 * file, which this call created under a name no one else uses, is removed.
 */
export async function writeAtomically(target: vscode.Uri, bytes: Uint8Array): Promise<void> {
  const name = target.path.slice(target.path.lastIndexOf('/') + 1);
  const refused = writeRefusal(name, await entryAt(target));
  if (refused !== undefined) throw new Error(`${vscode.workspace.asRelativePath(target)} ${refused}.`);
  const temp = vscode.Uri.joinPath(target, '..', `.${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  let created = false;
  try {
    // workspace.fs has no exclusive create: a file already at the temporary name is someone else's, never written over.
    if ((await entryAt(temp)) !== undefined) throw new Error(`${temp.fsPath} is in the way`);
    await vscode.workspace.fs.writeFile(temp, bytes);
    created = true;
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  } catch (e) {
    if (created) await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    throw e;
  }
}

/** What is at a place itself; undefined when nothing is. */
async function entryAt(at: vscode.Uri): Promise<FileEntry | undefined> {
  try {
    const { type } = await vscode.workspace.fs.stat(at);
    // A symbolic link has the SymbolicLink bit beside what it leads to (or Unknown, when it leads nowhere).
    if (type & vscode.FileType.SymbolicLink) return 'link';
    return type & vscode.FileType.Directory ? 'folder' : type & vscode.FileType.File ? 'file' : 'other';
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
    throw e;
  }
}
