import * as vscode from 'vscode';
import { commandIds, InspectionStatusRequest, type InspectionStatus } from '../../server/src/protocol';
import { progressText } from './progress';
import { documentSelector, type SqsServer } from './server';

export const progressItemId = 'sqs.progress';

/**
 * How far the inspection has got, in the status bar where it is seen without a click ("$(checklist) 33/34 cases
 * judged"), for the inspection of the SQS file in front; it stays on that inspection while other files are in
 * front. A click opens the judgement grid, where what is left shows.
 */
export function registerProgressItem(server: SqsServer): vscode.Disposable {
  const item = vscode.window.createStatusBarItem(progressItemId, vscode.StatusBarAlignment.Left, 50);
  item.name = 'SQS inspection progress';
  let shown: string | undefined;
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const update = async () => {
    const editor = vscode.window.activeTextEditor;
    const uri = editor && vscode.languages.match(documentSelector, editor.document) > 0 ? editor.document.uri.toString() : shown;
    if (!uri || !server.running) return;
    const ticket = ++asked;
    const status = await server.request(InspectionStatusRequest, { uri }).catch(() => undefined);
    if (ticket !== asked || status === undefined) return;
    show(status);
  };
  const show = (status: InspectionStatus | null) => {
    const i = status?.inspection;
    if (!i) {
      item.hide();
      shown = undefined;
      return;
    }
    shown = i.uri;
    const progress = progressText(i);
    item.text = `$(checklist) ${progress}${i.errors > 0 ? `  $(error) ${i.errors}` : ''}`;
    item.tooltip = `${i.area ?? 'Inspection'}: ${progress}${i.errors > 0 ? `, ${i.errors} error${i.errors === 1 ? '' : 's'}` : ''}. Open the judgement grid.`;
    item.accessibilityInformation = { label: `SQS ${i.area ?? 'inspection'}: ${progress}${i.errors > 0 ? `, ${i.errors} errors` : ''}` };
    item.command = { title: 'Open Judgement Grid', command: commandIds.openGrid, arguments: [vscode.Uri.parse(i.uri)] };
    item.backgroundColor = i.errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    item.show();
  };
  const soon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void update(), 150);
  };

  return vscode.Disposable.from(item, vscode.window.onDidChangeActiveTextEditor(soon), server.onInspectionsChanged(soon), server.onDidStart(soon), {
    dispose: () => timer && clearTimeout(timer),
  });
}
