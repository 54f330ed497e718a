import * as vscode from 'vscode';
import type { Entry, FileOps } from '../../../server/src/safeWrite';

/** The report writer's file operations (server/src/safeWrite.ts) on vscode.workspace.fs, on URIs. */
export const workspaceFileOps: FileOps<vscode.Uri> = {
  name: (at) => at.path.slice(at.path.lastIndexOf('/') + 1),
  beside: (at, name) => vscode.Uri.joinPath(at, '..', name),
  async entry(at) {
    try {
      const { type } = await vscode.workspace.fs.stat(at);
      // A symbolic link has the SymbolicLink bit beside what it leads to (or Unknown, when it leads nowhere).
      const entry: Entry =
        type & vscode.FileType.SymbolicLink ? 'link' : type & vscode.FileType.Directory ? 'folder' : type & vscode.FileType.File ? 'file' : 'other';
      return entry;
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
      throw e;
    }
  },
  create: (at, bytes) => Promise.resolve(vscode.workspace.fs.writeFile(at, bytes)),
  replace: (from, to) => Promise.resolve(vscode.workspace.fs.rename(from, to, { overwrite: true })),
  remove: (at) => Promise.resolve(vscode.workspace.fs.delete(at)),
};
