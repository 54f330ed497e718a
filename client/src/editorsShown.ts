import * as vscode from 'vscode';
import { EditorsChangedNotification } from '../../server/src/protocol';
import { documentSelector, type SqsServer } from './server';

/** The documents a tab shows (a text editor, either side of a diff). */
function urisOf(tab: vscode.Tab): vscode.Uri[] {
  if (tab.input instanceof vscode.TabInputText) return [tab.input.uri];
  if (tab.input instanceof vscode.TabInputTextDiff) return [tab.input.original, tab.input.modified];
  return [];
}

/**
 * Tells the server which SQS documents the tabs show (EditorsChangedNotification): VS Code sends `didClose` only
 * when it disposes a document, minutes after its last tab closed, and meanwhile a file deleted on disk would keep its
 * findings in the Problems panel and its place in the inspection's tallies; a tab opened on it again sends no
 * `didOpen`.
 */
export function registerEditorsShown(server: SqsServer): vscode.Disposable {
  const shownNow = () => new Set(vscode.window.tabGroups.all.flatMap((g) => g.tabs.flatMap(urisOf)).map((u) => u.toString()));
  let shown = shownNow();
  const isSqs = (uri: string) => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    return doc !== undefined && vscode.languages.match(documentSelector, doc) > 0;
  };
  return vscode.window.tabGroups.onDidChangeTabs(() => {
    const before = shown;
    shown = shownNow();
    if (!server.running) return;
    const converter = server.client.code2ProtocolConverter;
    const asProtocol = (uris: string[]) => uris.filter(isSqs).map((u) => converter.asUri(vscode.Uri.parse(u)));
    const hidden = asProtocol([...before].filter((u) => !shown.has(u)));
    const opened = asProtocol([...shown].filter((u) => !before.has(u)));
    if (hidden.length === 0 && opened.length === 0) return;
    void server.client.sendNotification(EditorsChangedNotification, { shown: opened, hidden }).catch(() => undefined);
  });
}
