import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { activateWith } from '../activate';

// The browser entry (package.json `browser`: vscode.dev, github.dev, code-server's web-worker host): the same
// extension, with the language server in a Web Worker (server/out/web/server.js) that reads files through the
// editor. Export Data is not offered: its writers are Node streams.

/** The browser's Worker, as far as it is used here (the project is typed for Node, not for the DOM). */
declare const Worker: new (url: string) => { terminate(): void };
type Worker = InstanceType<typeof Worker>;

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const script = vscode.Uri.joinPath(context.extensionUri, 'server/out/web/server.js');
  let worker: Worker | undefined;
  return activateWith(context, {
    // vscode-languageclient 11's browser client takes the server before the options, and calls this on each start, so
    // a restart gets a fresh Worker and the old one is ended. It answers the transports, not the Worker: the client
    // tells a Worker by `instanceof Worker`, which the Worker of VS Code's web-worker extension host is not.
    newClient: (options) =>
      new LanguageClient(
        'sqs',
        'SQS Findings',
        async () => {
          worker?.terminate();
          worker = await startWorker(script);
          return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
        },
        options,
      ),
    exportsData: false,
  });
}

/**
 * A Worker running the script. vscode.dev serves extensions over https, which a Worker can start from; code-server
 * serves them as vscode-remote: URIs, from which it refuses to start one ("Creating workers from remote
 * extensions is currently not supported") but which its fetch can read: the script is then started from a blob.
 */
async function startWorker(script: vscode.Uri): Promise<Worker> {
  try {
    return new Worker(script.toString(true));
  } catch {
    const response = await fetch(script.toString(true));
    if (!response.ok) throw new Error(`the language server's script could not be read (${response.status} ${response.statusText})`);
    const blob = new Blob([await response.text()], { type: 'text/javascript' });
    return new Worker(URL.createObjectURL(blob));
  }
}

export { deactivate } from '../activate';
