import * as vscode from 'vscode';
import { commandIds, InspectionStatusRequest, ScaffoldRequest } from '../../../server/src/protocol';
import { documentSelector, type SqsServer } from '../server';
import { createFromSnippet, exists, targetFolder } from './files';

/**
 * "SQS: New Case File": a case file in the clicked folder (or the active inspection's folder) with the
 * next case id, the sentence types and case facts of the inspection's criteria.
 */
export function registerNewCase(server: SqsServer): vscode.Disposable {
  return vscode.commands.registerCommand(commandIds.newCase, async (clicked?: unknown) => {
    const folder = await targetFolder(clicked, 'Folder for the new case file', await activeInspectionFolder(server));
    if (!folder) return;
    const suggested = await server.request(ScaffoldRequest, { kind: 'case', folder: folder.toString() });
    const caseId = await vscode.window.showInputBox({
      title: 'New case file',
      prompt: 'Case id (the case reference, e.g. LIV-07)',
      value: suggested.caseId ?? '',
      // The server says what a case id may be (and the file it names); this only asks.
      validateInput: async (v) => {
        const s = await server.request(ScaffoldRequest, { kind: 'case', folder: folder.toString(), caseId: v });
        if (s.problem) return s.problem;
        return (await exists(vscode.Uri.joinPath(folder, s.fileName))) ? `${s.fileName} already exists here.` : undefined;
      },
    });
    if (caseId === undefined) return;
    const scaffold = await server.request(ScaffoldRequest, { kind: 'case', folder: folder.toString(), caseId });
    if (scaffold.problem) {
      void vscode.window.showErrorMessage(scaffold.problem);
      return;
    }
    await createFromSnippet(vscode.Uri.joinPath(folder, scaffold.fileName), scaffold.snippet, server.localDisk);
  });
}

/** Where the active SQS file's inspection keeps its cases: its `cases/` folder if it has one. */
async function activeInspectionFolder(server: SqsServer): Promise<vscode.Uri | undefined> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!doc || vscode.languages.match(documentSelector, doc) === 0) return undefined;
  const status = await server.request(InspectionStatusRequest, { uri: doc.uri.toString() }).catch(() => null);
  if (!status?.inspection) return undefined;
  const folder = vscode.Uri.parse(status.inspection.folder);
  const cases = vscode.Uri.joinPath(folder, 'cases');
  return (await exists(cases)) ? cases : folder;
}
