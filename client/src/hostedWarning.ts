import * as vscode from 'vscode';
import { languageIds } from '../../server/src/protocol';
import { hostedWarning } from './hosted';

/** Warns, once a session, when an SQS file is opened from a hosted repository (see hosted.ts). */
export function registerHostedWarning(): vscode.Disposable {
  let warned = false;
  const check = (uris: readonly vscode.Uri[]) => {
    const message = warned ? undefined : hostedWarning(uris);
    if (!message) return;
    warned = true;
    void vscode.window.showWarningMessage(message);
  };
  const isSqs = (d: vscode.TextDocument) => d.languageId === languageIds.inspection || d.languageId === languageIds.case;
  check(vscode.workspace.textDocuments.filter(isSqs).map((d) => d.uri));
  return vscode.workspace.onDidOpenTextDocument((d) => isSqs(d) && check([d.uri]));
}
