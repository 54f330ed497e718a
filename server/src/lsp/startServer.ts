import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  ErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EditorsChangedNotification, settingsSection } from '../protocol';
import { registerCodeActions } from './codeActions';
import { completionTriggers, registerCompletion } from './completion';
import { registerCustomRequests } from './custom';
import { registerGlance } from './glance';
import { DiagnosticReports } from './diagnosticReports';
import { DiagnosticsFeature } from './diagnostics';
import type { FileSystemHost } from '../fileSystemHost';
import { refreshInlayHintsOnChange, registerEditorAids } from './editorAids';
import { registerHover } from './hover';
import { indexWorkspace } from './indexing';
import type { LinksNotFollowed } from './linksNotFollowed';
import { guardedNotification, type Logger } from './safe';
import { SettingsStore } from './settings';
import { registerSymbols } from './symbols';
import { registerWatching } from './watching';
import { Workspace } from './workspace';
import { WorkspaceDiagnostics } from './workspaceDiagnostics';

declare const SQS_VERSION: string | undefined;

/** A feature only some hosts have (the data export needs Node's streams), registered with the others. */
export type HostFeature = (connection: Connection, ws: Workspace, settings: SettingsStore, log: Logger) => void;

export interface ServerOptions {
  fs: FileSystemHost;
  /** Where `fs` tells of linked folders it did not walk (the editor's file system): SQS008 on their inspection. */
  linksNotFollowed?: LinksNotFollowed;
  features?: readonly HostFeature[];
}

/**
 * Wires the language server onto a connection: documents, the workspace index, and one small module per
 * feature. Everything the features know about SQS comes from the core; here is only the protocol.
 */
export function startServer(connection: Connection, options: ServerOptions): void {
  const log: Logger = connection.console;
  const documents = new TextDocuments(TextDocument);
  const ws = new Workspace(documents, options.fs, log, undefined, options.linksNotFollowed);
  let capabilities: ClientCapabilities = {};
  let folders: string[] = [];
  let settings: SettingsStore | undefined;
  let diagnostics: DiagnosticsFeature | undefined;
  let workspaceDiagnostics: WorkspaceDiagnostics | undefined;
  let watchFiles = (): void => undefined;
  /** `initialize` has arrived: the client may send anything now. */
  let initialized = false;

  // LSP's lifecycle: before `initialize` every request is answered ServerNotInitialized and every notification
  // dropped. Handlers are attached in `initialize` (a message with no handler is a notification dropped or a
  // request answered here), so nothing reaches the workspace before the client has said what it can do.
  connection.onRequest((method) => {
    if (!initialized) throw new ResponseError(ErrorCodes.ServerNotInitialized, `${method}: the server is not initialized yet`);
    throw new ResponseError(ErrorCodes.MethodNotFound, `unhandled method ${method}`);
  });
  connection.onShutdown(() => {
    if (!initialized) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'shutdown: the server is not initialized yet');
    workspaceDiagnostics?.dispose();
    diagnostics?.dispose();
    ws.dispose();
  });

  // The first reading of the workspace folders: the cases view waits for it rather than show an empty workspace.
  let workspaceRead: () => void = () => undefined;
  const firstRead = new Promise<void>((resolve) => (workspaceRead = resolve));

  connection.onInitialize((params): InitializeResult => {
    // Once per run: a second one would attach every handler twice.
    if (initialized) throw new ResponseError(ErrorCodes.InvalidRequest, 'initialize: the server is initialized already');
    initialized = true;
    capabilities = params.capabilities;
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const pull = capabilities.textDocument?.diagnostic !== undefined;
    settings = new SettingsStore(connection, capabilities.workspace?.configuration === true);
    const reports = new DiagnosticReports(ws, settings, log);
    diagnostics = new DiagnosticsFeature(connection, ws, settings, reports, pull ? 'pull' : 'push', log);
    diagnostics.register();
    if (pull) {
      workspaceDiagnostics = new WorkspaceDiagnostics(connection, ws, reports, settings, log);
      workspaceDiagnostics.register();
    }
    registerCodeActions(connection, ws, settings, log, {
      versioned: capabilities.workspace?.workspaceEdit?.documentChanges === true,
      disabledSupport: capabilities.textDocument?.codeAction?.disabledSupport === true,
    });
    registerHover(connection, ws, settings, log);
    registerCompletion(connection, ws, log, capabilities.textDocument?.completion?.completionItem?.snippetSupport === true);
    registerSymbols(connection, ws, log, capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true);
    registerEditorAids(connection, ws, log);
    if (capabilities.workspace?.inlayHint?.refreshSupport) refreshInlayHintsOnChange(connection, ws, log);
    watchFiles = registerWatching(connection, ws, log, {
      dynamic: capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      relative: capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport === true,
    });
    registerCustomRequests(connection, ws, settings, log);
    for (const feature of options.features ?? []) feature(connection, ws, settings, log);
    registerGlance(connection, ws, settings, log, () => firstRead);
    listen();

    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        ...(pull && { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: true } }),
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: completionTriggers },
        documentSymbolProvider: { label: 'SQS' },
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        inlayHintProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'SQS Findings', version: typeof SQS_VERSION === 'string' ? SQS_VERSION : 'development' },
    };
  });

  /** The notifications of an initialized server. */
  function listen(): void {
    connection.onInitialized(() => {
      watchFiles();
      if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
        void connection.client.register(DidChangeConfigurationNotification.type, { section: settingsSection }).catch(() => undefined);
      }
      if (capabilities.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guardedNotification(log, 'workspace/didChangeWorkspaceFolders', async (e) => {
            // All at once: the added folders are the workspace's before a document opened in them next is seen.
            const removed = e.removed.map((f) => ws.removeFolder(f.uri));
            await Promise.all([
              ...removed,
              indexWorkspace(
                connection,
                ws,
                e.added.map((f) => f.uri),
                log,
              ),
            ]);
          }),
        );
      }
      void indexWorkspace(connection, ws, folders, log)
        .catch((e: unknown) => log.error(`indexing failed: ${String(e)}`))
        .finally(workspaceRead);
    });

    connection.onDidChangeConfiguration(guardedNotification(log, 'workspace/didChangeConfiguration', (params) => settings?.changed(params.settings)));

    documents.onDidChangeContent((e) => ws.textChanged(e.document.uri));
    // The workspace stops counting the document open at once; the disk's text is indexed once read.
    const close = async (uri: string) => {
      if (!ws.isOpen(uri)) return;
      const reread = ws.closed(uri);
      diagnostics?.closed(uri);
      workspaceDiagnostics?.closed(uri);
      settings?.forget(uri);
      await reread;
    };
    documents.onDidClose(guardedNotification(log, 'textDocument/didClose', (e) => close(e.document.uri)));
    // What the editor's tabs show: VS Code's didClose may come minutes after the last tab closed, and a tab opened on
    // a document it kept open sends no didOpen.
    connection.onNotification(
      EditorsChangedNotification,
      guardedNotification(log, EditorsChangedNotification.method, async ({ shown, hidden }) => {
        for (const uri of shown) if (documents.get(uri) && !ws.isOpen(uri)) ws.textChanged(uri);
        await Promise.all(hidden.map(close));
      }),
    );
    documents.listen(connection);
  }
}
