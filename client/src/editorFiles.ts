import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { bytesToBase64, ReadDirectoryRequest, ReadFileRequest, type ReadFileResult } from '../../server/src/protocol';

// The server's reads of files it cannot reach itself (a Web Worker has no disk; a virtual workspace is no disk),
// answered with the editor's file system. Nothing is written: the server only reads.

export function answerFileRequests(client: BaseLanguageClient): vscode.Disposable {
  return vscode.Disposable.from(
    client.onRequest(ReadDirectoryRequest, async ({ uri }) => {
      try {
        return await vscode.workspace.fs.readDirectory(vscode.Uri.parse(uri));
      } catch {
        return null;
      }
    }),
    client.onRequest(ReadFileRequest, async ({ uri, maxBytes }): Promise<ReadFileResult | null> => {
      try {
        const file = vscode.Uri.parse(uri);
        const { type, size } = await vscode.workspace.fs.stat(file);
        // Where a link leads cannot be told here (no realpath): an SSH key, a file of another inspection. Not read.
        if (type & vscode.FileType.SymbolicLink) return { data: '', size: 0, symbolicLink: true };
        // A pipe or device would be read until something writes to it, or forever; a folder is no file.
        if (!(type & vscode.FileType.File)) return null;
        // workspace.fs reads whole files only: a file past the cap is read once, to send its start.
        const bytes = await vscode.workspace.fs.readFile(file);
        return { data: bytesToBase64(bytes.subarray(0, maxBytes)), size };
      } catch {
        return null;
      }
    }),
  );
}
