import * as vscode from 'vscode';
import { SetJudgementRequest, type JudgementWord } from '../../../server/src/protocol';
import type { SqsServer } from '../server';

// A judgement set from the grid, written into its case file. The language server works out the edit on the text
// the editor has now (sqs/setJudgement); the edit is applied as a WorkspaceEdit, so the case file's editor can undo
// it and the file stays unsaved, and only while the document is still at the version the text was read at: an
// edit worked out on older text is never applied.

export type EditOutcome = { kind: 'changed' } | { kind: 'unchanged' } | { kind: 'refused'; reason: string };

/** Tries again this many times when the document changed while the server worked out the edit. */
const attempts = 3;

export async function setJudgement(server: SqsServer, caseUri: vscode.Uri, question: string, value: JudgementWord | null): Promise<EditOutcome> {
  const doc = await vscode.workspace.openTextDocument(caseUri);
  for (let attempt = 0; attempt < attempts; attempt++) {
    const version = doc.version;
    const answer = await server.request(SetJudgementRequest, { uri: caseUri.toString(), text: doc.getText(), question, value });
    if ('problem' in answer) return { kind: 'refused', reason: answer.problem };
    if (answer.edits.length === 0) return { kind: 'unchanged' };
    if (doc.version !== version) continue;
    const edit = new vscode.WorkspaceEdit();
    for (const e of answer.edits) {
      edit.replace(caseUri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
    }
    if (await vscode.workspace.applyEdit(edit)) return { kind: 'changed' };
    if (doc.version === version) return { kind: 'refused', reason: 'the editor did not apply the change' };
  }
  return { kind: 'refused', reason: 'the case file kept changing while the grid worked out the edit; try again' };
}
