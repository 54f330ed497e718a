import * as vscode from 'vscode';
import { registerCasesView } from './cases/index';
import { registerNewCase } from './commands/newCase';
import { registerEditorsShown } from './editorsShown';
import { registerNewInspection } from './commands/newInspection';
import { registerOpenExample } from './commands/openExample';
import { registerRestartServer } from './commands/restartServer';
import { registerGrid } from './grid/index';
import { registerHostedWarning } from './hostedWarning';
import { registerPreview } from './preview/index';
import { registerProgressItem } from './progressItem';
import { SqsServer, type ClientHost } from './server';
import { registerStatus } from './status';

// Activation wires modules together and does nothing else: each module takes the server and returns
// its disposables. A new module (the report preview) is one more line here. The same for both builds: the
// entries (extension.ts for the desktop, web/extension.ts for the browser) only say how the server is run.

let server: SqsServer | undefined;

export async function activateWith(context: vscode.ExtensionContext, host: ClientHost): Promise<void> {
  const output = vscode.window.createOutputChannel('SQS Findings', { log: true });
  server = new SqsServer(output, host);
  context.subscriptions.push(
    output,
    server,
    registerStatus(server),
    registerRestartServer(server),
    registerNewInspection(server),
    registerNewCase(server),
    registerPreview(server, context, output),
    registerGrid(server, context, output),
    registerCasesView(server, context),
    registerProgressItem(server),
    registerOpenExample(context.extensionUri),
    registerHostedWarning(),
    registerEditorsShown(server),
  );
  // Keys the palette's Restart Language Server: wanted most when no SQS editor is in front.
  void vscode.commands.executeCommand('setContext', 'sqs.active', true);
  try {
    await server.start();
  } catch (e) {
    // Not thrown on: activation would fail with a message naming no cause, and the restart command with it.
    // The status item and previews say so too (onDidFail).
    const reason = e instanceof Error ? e.message : String(e);
    output.error(`The SQS language server did not start: ${reason}`);
    void vscode.window.showErrorMessage(`The SQS language server did not start: ${reason}`, 'Show Output').then((answer) => {
      if (answer) output.show();
    });
  }
}

export function deactivate(): Promise<void> | undefined {
  return server?.stop();
}
