import * as vscode from 'vscode';
import { progressText } from './progress';
import { commandIds, InspectionStatusRequest, type InspectionStatus } from '../../server/src/protocol';
import { documentSelector, type SqsServer } from './server';

/**
 * A language status item on SQS files: how far the inspection has got ("34/34 cases judged") and its
 * errors, updated as files change. Clicking it opens the Problems view.
 */
export function registerStatus(server: SqsServer): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('sqs.inspection', documentSelector);
  item.name = 'SQS inspection';
  item.text = 'SQS';
  item.busy = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  const update = async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !server.running || vscode.languages.match(documentSelector, editor.document) === 0) return;
    const ticket = ++asked;
    let status: InspectionStatus | null;
    try {
      status = await server.request(InspectionStatusRequest, { uri: editor.document.uri.toString() });
    } catch {
      return; // the server is restarting; the next change asks again
    }
    if (ticket !== asked) return; // a newer answer is on its way
    show(item, status);
  };
  const soon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void update(), 150);
  };

  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(soon),
    server.onInspectionsChanged(soon),
    server.onDidStart(soon),
    server.onDidFail((reason) => showFailure(item, reason)),
    { dispose: () => timer && clearTimeout(timer) },
  );
}

function showFailure(item: vscode.LanguageStatusItem, reason: string): void {
  item.busy = false;
  item.text = 'SQS server not running';
  item.detail = `The language server did not start: ${reason}`;
  item.severity = vscode.LanguageStatusSeverity.Error;
  item.command = { title: 'Restart', command: commandIds.restartServer };
}

function show(item: vscode.LanguageStatusItem, status: InspectionStatus | null): void {
  item.busy = false;
  const i = status?.inspection;
  if (!status || !i) {
    item.text = 'No inspection';
    item.detail =
      status?.kind === 'inspection'
        ? 'Another inspection file in this folder is its inspection, so this one is ignored (SQS044).'
        : 'This case file is not in a folder with an inspection.sqs.yaml (or one above it), so it is counted nowhere.';
    item.severity = vscode.LanguageStatusSeverity.Warning;
    item.command = undefined;
    return;
  }
  item.text = progressText(i);
  const problems = [i.errors && `${i.errors} error${i.errors === 1 ? '' : 's'}`, i.warnings && `${i.warnings} warning${i.warnings === 1 ? '' : 's'}`].filter(
    Boolean,
  );
  item.detail = `${i.area ?? 'Inspection'}: ${i.cases} case file${i.cases === 1 ? '' : 's'}${problems.length ? `, ${problems.join(', ')}` : ', no problems'}`;
  item.severity =
    i.errors > 0 ? vscode.LanguageStatusSeverity.Error : i.warnings > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  item.command = { title: 'Show problems', command: 'workbench.actions.view.problems' };
}
