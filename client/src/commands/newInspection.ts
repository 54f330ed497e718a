import * as vscode from 'vscode';
import { commandIds, ScaffoldRequest } from '../../../server/src/protocol';
import type { SqsServer } from '../server';
import { createFromSnippet, exists, targetFolder } from './files';

/** "SQS: New Inspection": an inspection.sqs.yaml skeleton from the criteria catalogue. */
export function registerNewInspection(server: SqsServer): vscode.Disposable {
  return vscode.commands.registerCommand(commandIds.newInspection, async (clicked?: unknown) => {
    const folder = await targetFolder(clicked, 'Folder for the new inspection');
    if (!folder) return;
    const scaffold = await server.request(ScaffoldRequest, { kind: 'inspection', folder: folder.toString() });
    const file = vscode.Uri.joinPath(folder, scaffold.fileName);
    if (await exists(file)) {
      void vscode.window.showWarningMessage(`${scaffold.fileName} already exists in this folder: one inspection per folder.`);
      await vscode.window.showTextDocument(file);
      return;
    }
    await createFromSnippet(file, scaffold.snippet, server.localDisk);
  });
}
