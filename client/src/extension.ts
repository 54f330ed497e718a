import * as vscode from 'vscode';
import { registerNewCase } from './commands/newCase';
import { registerNewInspection } from './commands/newInspection';
import { registerRestartServer } from './commands/restartServer';
import { registerPreview } from './preview/index';
import { SqsServer } from './server';
import { registerStatus } from './status';

// Activation wires modules together and does nothing else: each module takes the server and returns
// its disposables. A new module (the report preview) is one more line here.

let server: SqsServer | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('SQS Findings', { log: true });
  server = new SqsServer(context, output);
  context.subscriptions.push(
    output,
    server,
    registerStatus(server),
    registerRestartServer(server),
    registerNewInspection(server),
    registerNewCase(server),
    registerPreview(server, context, output),
  );
  await server.start();
}

export function deactivate(): Promise<void> | undefined {
  return server?.stop();
}
