import { BrowserMessageReader, BrowserMessageWriter, createConnection, type RequestParam } from 'vscode-languageserver/browser';
import { editorFileSystem } from '../editor/fileSystem';
import { LinksNotFollowed } from '../lsp/linksNotFollowed';
import { errorText } from '../lsp/safe';
import { startServer } from '../lsp/startServer';

// The SQS language server of the web build, in a Web Worker started by the browser client
// (client/src/web/extension.ts). The same server as server.ts's; only the host differs: messages over the
// Worker's port, and the files read through the editor, since a Worker has no disk.

/** The Worker's global scope, as far as it is used here (the project is typed for Node, not for the DOM). */
declare const self: {
  addEventListener(type: 'error', listener: (e: { error?: unknown; message: string }) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (e: { reason: unknown }) => void): void;
};

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));

// The server must outlive a bug in one handler: log it and carry on.
self.addEventListener('error', (e) => connection.console.error(`uncaught: ${errorText(e.error ?? e.message)}`));
self.addEventListener('unhandledrejection', (e) => connection.console.error(`unhandled rejection: ${errorText(e.reason)}`));

// The editor has no realpath: the linked folders it leaves unwalked are said on their inspection file (SQS008).
const linksNotFollowed = new LinksNotFollowed();
const fs = editorFileSystem((type, params) => connection.sendRequest(type, params as RequestParam<typeof params>), {
  linksNotFollowed: linksNotFollowed.found,
});

startServer(connection, { fs, linksNotFollowed });
connection.listen();
