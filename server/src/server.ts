import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
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

startServer(connection, { fs: nodeFileSystem, features: [registerDataExport] });
connection.listen();
