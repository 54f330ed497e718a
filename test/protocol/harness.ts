import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import {
  CancellationTokenSource,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeResult,
  type ProtocolConnection,
  type PreviousResultId,
  type PublishDiagnosticsParams,
  type Range,
  type WorkspaceDiagnosticReport,
  type WorkspaceDiagnosticReportPartialResult,
  type WorkspaceDocumentDiagnosticReport,
  WorkspaceDiagnosticRequest,
} from 'vscode-languageserver-protocol/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import type { FileSystemHost } from '../../server/src/fileSystemHost';
import { startServer } from '../../server/src/lsp/startServer';
import { applyEdits } from '../helpers/edits';

// A minimal LSP client for tests: runs the BUNDLED server (server/out/server.js) over stdio, answers the
// server's requests the way VS Code does, and lets a test wait on what the server sends — never on time.

const root = path.resolve(__dirname, '../..');
export const serverBundle = path.join(root, 'server/out/server.js');

/** Rebuilds the bundles when a source file is newer than the server bundle (or it is missing). */
export function ensureBundle(): void {
  const newest = (dir: string): number =>
    readdirSync(dir).reduce((max, name) => {
      const p = path.join(dir, name);
      const s = statSync(p);
      return Math.max(max, s.isDirectory() ? newest(p) : s.mtimeMs);
    }, 0);
  const built = existsSync(serverBundle) ? statSync(serverBundle).mtimeMs : 0;
  if (built < newest(path.join(root, 'server/src'))) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'ignore' });
}

/** Writes files under a fresh temporary folder; returns its path and a URI maker. */
export function tempWorkspace(files: Record<string, string>): {
  dir: string;
  uri: (p: string) => string;
  write: (p: string, text: string) => void;
  removePath: (p: string) => void;
  remove: () => void;
} {
  const dir = mkdtempSync(path.join(tmpdir(), 'sqs-protocol-'));
  const write = (p: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), text);
  };
  for (const [p, text] of Object.entries(files)) write(p, text);
  return {
    dir,
    uri: (p: string) => URI.file(path.join(dir, p)).toString(),
    write,
    removePath: (p: string) => rmSync(path.join(dir, p), { recursive: true, force: true }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Diagnostic messages may be Markdown since LSP 3.18; ours are plain text. */
export function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

type Waiter = { test: () => boolean; resolve: () => void };

/** A `workspace/diagnostic` request in flight: what it has received so far, as partial results or in its answer. */
export interface WorkspacePull {
  /** Every report, in the order received. */
  readonly received: WorkspaceDocumentDiagnosticReport[];
  /** The last report per URI (the later wins, as the protocol says). */
  readonly latest: Map<string, WorkspaceDocumentDiagnosticReport>;
  /** Partial results received. */
  partials: number;
  /** The answer; rejects with the server's error (e.g. RequestCancelled). */
  readonly response: Promise<WorkspaceDiagnosticReport>;
  /** Whether the answer has arrived. */
  answered: boolean;
  cancel(): void;
}

export interface ClientOptions {
  /** Pull diagnostics (LSP 3.17, like VS Code) or only push (like Neovim 0.7). */
  pull?: boolean;
  /** `sqs` settings returned for `workspace/configuration`. */
  settings?: Record<string, unknown>;
  /** Another build of the server to run (a test's modified copy of the project). */
  serverPath?: string;
  /**
   * Runs the server's sources in this process on this file system instead of the bundle on the disk: the seam
   * for disks a test controls (reads answered when the test says, files that cannot be read).
   */
  fs?: FileSystemHost;
  /** Runs the bundle as another user (through `setpriv`, as root), to whom files can be unreadable. */
  asUser?: string;
  /** Node's options for the bundle's process (`--require` a preload), and its environment's additions. */
  node?: { args: string[]; env?: Record<string, string> };
  /**
   * How long `until` waits before it calls the server broken (10 s): a safety net, not a wait on time. The long
   * fuzz run sets more, since it shares a loaded machine for an hour with servers of its own.
   */
  giveUpAfterMs?: number;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  /** The server's process; undefined for a server in this process. */
  private readonly proc: ChildProcess | undefined;
  private readonly inProcess: boolean;
  private readonly waiters = new Set<Waiter>();
  readonly versions = new Map<string, number>();
  readonly texts = new Map<string, string>();
  /** Counters of what the server sent, for waiting on the next one. */
  refreshes = 0;
  private pullCount = 0;
  private readonly partialResults = new Map<string | number, (value: unknown) => void>();
  inlayHintRefreshes = 0;
  inspectionsChanged = 0;
  /** The inspections each sqs/inspectionsChanged named, in order. */
  readonly inspectionsNamed: string[][] = [];
  indexingDone = 0;
  readonly published = new Map<string, Diagnostic[]>();
  readonly logs: string[] = [];
  /** What the server logged as errors (a handler that threw, a check that failed): bugs, every one. */
  readonly errorsLogged: string[] = [];
  readonly registrations: { id: string; method: string; registerOptions?: unknown }[] = [];
  /** Ids of registrations the server took back. */
  readonly unregistrations: string[] = [];
  settings: Record<string, unknown>;
  initializeResult: InitializeResult | undefined;
  private stderr = '';

  constructor(private readonly options: ClientOptions = {}) {
    this.settings = options.settings ?? {};
    if (options.fs) {
      const toServer = new PassThrough();
      const toClient = new PassThrough();
      const server = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
      startServer(server, { fs: options.fs });
      server.listen();
      this.inProcess = true;
      this.connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    } else {
      this.inProcess = false;
      const command = [process.execPath, ...(options.node?.args ?? []), options.serverPath ?? serverBundle, '--stdio'];
      const [file, ...args] = options.asUser ? ['setpriv', `--reuid=${options.asUser}`, '--regid=nogroup', '--clear-groups', ...command] : command;
      this.proc = spawn(file!, args, { stdio: ['pipe', 'pipe', 'pipe'], ...(options.node?.env && { env: { ...process.env, ...options.node.env } }) });
      this.proc.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
      this.connection = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    }
    const c = this.connection;
    c.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => this.settings));
    c.onRequest('client/unregisterCapability', (params: { unregisterations: { id: string }[] }) => {
      // The protocol spells the field this way.
      this.unregistrations.push(...params.unregisterations.map((u) => u.id));
      this.changed();
      return null;
    });
    c.onRequest('client/registerCapability', (params: { registrations: { id: string; method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...params.registrations);
      this.changed();
      return null;
    });
    c.onRequest('window/workDoneProgress/create', () => null);
    c.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.changed();
      return null;
    });
    c.onRequest('workspace/inlayHint/refresh', () => {
      this.inlayHintRefreshes++;
      this.changed();
      return null;
    });
    c.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.set(p.uri, p.diagnostics);
      this.changed();
    });
    c.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      this.logs.push(p.message);
      if (p.type === 1) this.errorsLogged.push(p.message);
    });
    // One handler for `$/progress` (it replaces the connection's own dispatch to onProgress): partial results
    // of workspace pulls by their token, the rest is work-done progress (workspace indexing).
    c.onNotification('$/progress', (p: { token: string | number; value?: { kind?: string } }) => {
      const partial = this.partialResults.get(p.token);
      if (partial) return partial(p.value);
      if (p.value?.kind === 'end') {
        this.indexingDone++;
        this.changed();
      }
    });
    c.onNotification('sqs/inspectionsChanged', (p: { inspections: string[] }) => {
      this.inspectionsChanged++;
      this.inspectionsNamed.push(p.inspections);
      this.changed();
    });
    c.listen();
  }

  async initialize(rootUri: string | null, moreFolders: string[] = []): Promise<InitializeResult> {
    const pull = this.options.pull ?? true;
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
        workspaceFolders: true,
        ...(pull && { diagnostics: { refreshSupport: true } }),
        inlayHint: { refreshSupport: true },
      },
      textDocument: {
        ...(pull && { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } }),
        publishDiagnostics: { relatedInformation: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
      },
      window: { workDoneProgress: true },
    };
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      // A server in this process must not watch this process (its watchdog would keep the test running).
      processId: this.inProcess ? null : process.pid,
      rootUri,
      capabilities,
      workspaceFolders: rootUri ? [rootUri, ...moreFolders].map((uri, i) => ({ uri, name: `folder ${i + 1}` })) : null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    this.initializeResult = result;
    return result;
  }

  /** Starts the server on a folder and waits until its files are indexed. */
  async start(rootUri: string, ...more: string[]): Promise<void> {
    await this.initialize(rootUri, more);
    await this.until(() => this.indexingDone > 0, 'workspace indexing');
  }

  languageOf(uri: string): string {
    return /inspection\.sqs\.ya?ml$/.test(uri) ? 'sqs-inspection' : 'sqs-case';
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: this.languageOf(uri), version: 1, text } });
  }

  /** Replaces the whole text (a full-document change event). */
  async change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Replaces a range of the text, as an editor sends a keystroke (an incremental change event). */
  async edit(uri: string, range: Range, newText: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, applyEdits(this.texts.get(uri) ?? '', [{ range, newText }]));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text: newText }],
    });
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    this.texts.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, ...(previousResultId && { previousResultId }) });
  }

  /** The full diagnostics of a document, by pulling. */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.pull(uri);
    if (report.kind !== 'full') throw new Error(`expected a full report for ${uri}`);
    return report.items;
  }

  /**
   * Sends `workspace/diagnostic` as vscode-languageclient does: the result ids it holds and, with `stream`,
   * a partial-result token (the server then streams reports and holds the request until it is cancelled).
   */
  workspacePull(previousResultIds: PreviousResultId[] = [], { stream = true }: { stream?: boolean } = {}): WorkspacePull {
    const cts = new CancellationTokenSource();
    const token = `sqs-test-pull-${++this.pullCount}`;
    const pull: WorkspacePull = {
      received: [],
      latest: new Map(),
      partials: 0,
      answered: false,
      response: undefined as unknown as Promise<WorkspaceDiagnosticReport>,
      cancel: () => cts.cancel(),
    };
    const take = (items: WorkspaceDocumentDiagnosticReport[]) => {
      for (const r of items) {
        pull.received.push(r);
        pull.latest.set(r.uri, r);
      }
      this.changed();
    };
    if (stream) {
      this.partialResults.set(token, (p) => {
        pull.partials++;
        take((p as WorkspaceDiagnosticReportPartialResult).items);
      });
    }
    (pull as { response: Promise<WorkspaceDiagnosticReport> }).response = this.connection
      .sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds, ...(stream && { partialResultToken: token }) }, cts.token)
      .then((answer) => {
        take(answer.items);
        return answer;
      })
      .finally(() => {
        pull.answered = true;
        this.partialResults.delete(token);
        this.changed();
      });
    // A test that does not await the answer must not fail the run with an unhandled rejection.
    pull.response.catch(() => undefined);
    return pull;
  }

  /** The full report of `uri` in a workspace pull once `test` holds for its items. */
  async workspaceReport(pull: WorkspacePull, uri: string, test: (ds: Diagnostic[]) => boolean, what: string): Promise<Diagnostic[]> {
    const items = () => {
      const r = pull.latest.get(uri);
      return r?.kind === 'full' ? r.items : undefined;
    };
    await this.until(() => {
      const ds = items();
      return ds !== undefined && test(ds);
    }, what);
    return items()!;
  }

  /**
   * Pulls a document's diagnostics until they satisfy `test`, pulling again after each refresh the server
   * asks for (never on a timer): for changes whose effect arrives through a refresh that may be preceded
   * by refreshes for earlier changes.
   */
  async diagnosticsUntil(uri: string, test: (ds: Diagnostic[]) => boolean, what: string): Promise<Diagnostic[]> {
    for (;;) {
      const seen = this.refreshes;
      const ds = await this.diagnostics(uri);
      if (test(ds)) return ds;
      await this.until(() => this.refreshes > seen, what);
    }
  }

  /** Resolves once `test` holds, re-checked whenever the server sends something; fails after 10 s (giveUpAfterMs). */
  until(test: () => boolean, what: string): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        test,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      // A safety net so a broken server fails the test instead of hanging the run; not a wait on time.
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out waiting for ${what}\nserver log:\n${this.logs.join('\n')}\n${this.stderr}`));
      }, this.options.giveUpAfterMs ?? 10_000);
      this.waiters.add(waiter);
    });
  }

  private changed(): void {
    for (const w of [...this.waiters]) {
      if (w.test()) {
        this.waiters.delete(w);
        w.resolve();
      }
    }
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      // `exit` ends the server's process: this one, for a server in it.
      if (!this.inProcess) await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    this.connection.dispose();
    // A server in this process is left to its last timers (a change notification, a refresh), which write into a
    // stream no one reads any more; disposing its connection would make each of them throw.
    if (this.inProcess) return;
    const proc = this.proc!;
    await new Promise<void>((resolve) => {
      if (proc.exitCode !== null) return resolve();
      const t = setTimeout(() => proc.kill(), 2000);
      proc.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  get exitCode(): number | null {
    return this.proc?.exitCode ?? null;
  }
}
