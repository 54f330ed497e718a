import * as vscode from 'vscode';
import { panelWebviewOptions } from '../webviewPanels';
import { commandIds, InspectionStatusRequest, languageIds } from '../../../server/src/protocol';
import type { SqsServer } from '../server';
import { parseGridState } from './messages';
import { gridViewType, JudgementGridPanel, type GridHost } from './panel';

/**
 * The judgement grids: one panel per inspection, opened beside the editor (SQS: Open Judgement Grid, the cases view,
 * the status bar), kept live as the inspection's files change, and restored after a window reload.
 */
export function registerGrid(server: SqsServer, context: vscode.ExtensionContext, log: vscode.LogOutputChannel): vscode.Disposable {
  const grids = new Map<string, JudgementGridPanel>();
  const host: GridHost = { server, extensionUri: context.extensionUri, log };
  const add = (grid: JudgementGridPanel) => {
    grids.set(grid.inspection, grid);
    grid.onDidDispose(() => grids.delete(grid.inspection));
  };
  const covering = (uri: vscode.Uri) => [...grids.values()].filter((g) => g.covers(uri));

  const open = async (resource?: unknown): Promise<void> => {
    const uri =
      resource instanceof vscode.Uri ? resource : typeof resource === 'string' ? vscode.Uri.parse(resource) : vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage('Open an SQS inspection or case file to see its judgement grid.');
      return;
    }
    const found = await server.inspectionOf(uri, 'to see its judgement grid');
    if ('problem' in found) {
      void vscode.window.showWarningMessage(found.problem);
      return;
    }
    const existing = grids.get(found.inspection.uri);
    if (existing) return existing.reveal();
    const panel = vscode.window.createWebviewPanel(
      gridViewType,
      'Judgements',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
      panelWebviewOptions(context.extensionUri),
    );
    add(new JudgementGridPanel(panel, found.inspection.uri, host));
  };

  const active = () => [...grids.values()].find((g) => g.panel.active);

  return vscode.Disposable.from(
    vscode.commands.registerCommand(commandIds.openGrid, open),
    vscode.commands.registerCommand(commandIds.saveGrid, () => active()?.save()),
    vscode.window.registerWebviewPanelSerializer(gridViewType, {
      deserializeWebviewPanel: async (panel, raw) => {
        const state = parseGridState(raw);
        // The status asks the server whether the file is still an inspection it knows; a grid of nothing is closed.
        const status = state && server.running ? await server.request(InspectionStatusRequest, { uri: state.inspection }).catch(() => null) : null;
        if (!state || (server.running && status?.inspection?.uri !== state.inspection)) {
          log.warn('judgement grid: a panel saved without a known inspection was closed');
          panel.dispose();
          return;
        }
        add(new JudgementGridPanel(panel, state.inspection, host));
      },
    }),
    server.onInspectionsChanged(({ inspections }) => {
      for (const i of inspections) grids.get(i)?.refresh();
    }),
    server.onDidStart(() => grids.forEach((g) => g.reload())),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.languageId !== languageIds.case && e.document.languageId !== languageIds.inspection) return;
      const touched = covering(e.document.uri);
      for (const g of touched) g.unsavedChanged();
      if (e.contentChanges.length === 0) return;
      // The language client sends the edit to the server in its own listener of this event: ask a turn later.
      setTimeout(() => touched.forEach((g) => g.refresh()), 0);
    }),
    vscode.workspace.onDidSaveTextDocument((d) => covering(d.uri).forEach((g) => g.unsavedChanged())),
    vscode.workspace.onDidCloseTextDocument((d) => covering(d.uri).forEach((g) => g.unsavedChanged())),
    { dispose: () => [...grids.values()].forEach((g) => g.dispose()) },
  );
}
