import * as vscode from 'vscode';
import { commandIds } from '../../../server/src/protocol';
import type { SqsServer } from '../server';

export function registerRestartServer(server: SqsServer): vscode.Disposable {
  return vscode.commands.registerCommand(commandIds.restartServer, async () => {
    try {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Restarting the SQS language server' }, () => server.restart());
    } catch (e) {
      void vscode.window.showErrorMessage(`The SQS language server did not restart: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
}
