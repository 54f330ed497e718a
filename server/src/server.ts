import { createConnection, ProposedFeatures, type RequestParam } from 'vscode-languageserver/node';
import { diskOrEditor } from './editor/diskOrEditor';
import { editorFileSystem } from './editor/fileSystem';
import { LinksNotFollowed } from './lsp/linksNotFollowed';
import { errorText } from './lsp/safe';
import { registerDataExport } from './lsp/data';
import { startServer } from './lsp/startServer';
import { nodeFileSystem } from './node/fileSystem';

// The SQS language server. Any LSP client can run it: `node server/out/server.js --stdio`
// (also `--node-ipc`, as the VS Code client does, or `--socket=<port>`).
const connection = createConnection(ProposedFeatures.all);

// The server must outlive a bug in one handler: log it and carry on.
process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => connection.console.error(`unhandled rejection: ${errorText(e)}`));

// Files on disk are read from it; others (a virtual workspace) through the editor, as the web build reads everything.
// The disk's walk follows links inside the folder itself; the editor's cannot, and says which it left.
const linksNotFollowed = new LinksNotFollowed();
const editorFiles = editorFileSystem((type, params) => connection.sendRequest(type, params as RequestParam<typeof params>), {
  linksNotFollowed: linksNotFollowed.found,
});
startServer(connection, { fs: diskOrEditor(nodeFileSystem, editorFiles), linksNotFollowed, features: [registerDataExport] });
connection.listen();
