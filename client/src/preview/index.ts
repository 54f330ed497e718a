import * as vscode from 'vscode';
import { commandIds } from '../../../server/src/protocol';
import type { SqsServer } from '../server';
import { registerExport } from './export';
import { registerExportData } from '../commands/exportData';
import { PreviewManager } from './manager';

/** The report preview and export: the manager (panels, serializer) and the commands that reach it. */
export function registerPreview(server: SqsServer, context: vscode.ExtensionContext, log: vscode.LogOutputChannel): vscode.Disposable {
  const manager = new PreviewManager(server, context.extensionUri, log);
  return vscode.Disposable.from(
    manager,
    vscode.commands.registerCommand(commandIds.openPreviewToSide, (resource?: unknown) =>
      manager.openToSide(resource instanceof vscode.Uri ? resource : undefined),
    ),
    vscode.commands.registerCommand(commandIds.openPreview, (resource?: unknown) =>
      manager.openToSide(resource instanceof vscode.Uri ? resource : undefined, vscode.ViewColumn.Active),
    ),
    vscode.commands.registerCommand(commandIds.togglePreviewLock, () => manager.toggleLock()),
    registerExport(server, () => manager.activePreview()?.inspection),
    registerExportData(server, () => manager.activePreview()?.inspection),
  );
}
