import type * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { activateWith } from './activate';
import { nodeLocalDisk } from './localDisk';

// The desktop entry (package.json `main`): the language server as a Node process, over IPC.

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('server/out/server.js');
  return activateWith(context, {
    // The id `sqs` makes the client read the `sqs.trace.server` setting.
    newClient: (options) =>
      new LanguageClient(
        'sqs',
        'SQS Findings',
        {
          run: { module, transport: TransportKind.ipc },
          debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
        },
        options,
      ),
    exportsData: true,
    localDisk: nodeLocalDisk,
  });
}

export { deactivate } from './activate';
