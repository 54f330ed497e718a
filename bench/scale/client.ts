import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  CancellationTokenSource,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkspaceDiagnosticRequest,
  type ProtocolConnection,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';

// A language client for the scale benchmark that behaves as VS Code's does where it matters for cost: it pulls
// document diagnostics, and holds one `workspace/diagnostic` pull with partial results open for the whole session.
// It runs a given server bundle (today's, or an earlier commit's), with a preload that reports memory on request.

const preload = path.join(__dirname, 'preload.cjs');

export class BenchClient {
  readonly connection: ProtocolConnection;
  readonly proc: ChildProcess;
  readonly started = performance.now();
  /** The latest workspace report of each file, and when it came. */
  readonly reports = new Map<string, { report: WorkspaceDocumentDiagnosticReport; at: number }>();
  private readonly waiters = new Set<() => void>();
  private versions = new Map<string, number>();
  private pullCancel: CancellationTokenSource | undefined;
  private stderr = '';
  private memoryWaiter: ((heapUsed: number) => void) | undefined;

  constructor(serverBundle: string) {
    this.proc = spawn(
      process.execPath,
      [
        ...(process.env.SQS_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SQS_BENCH_CPU_PROF}`] : []),
        '--expose-gc',
        '--require',
        preload,
        serverBundle,
        '--stdio',
      ],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    this.proc.stderr!.on('data', (d: Buffer) => {
      this.stderr += d.toString();
      const m = /sqs-bench-memory (\{.*\})\n/.exec(this.stderr);
      if (!m) return;
      this.stderr = this.stderr.slice(m.index + m[0].length);
      this.memoryWaiter?.((JSON.parse(m[1]!) as { heapUsed: number }).heapUsed);
    });
    this.connection = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    const c = this.connection;
    c.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    c.onRequest('client/registerCapability', () => null);
    c.onRequest('client/unregisterCapability', () => null);
    c.onRequest('window/workDoneProgress/create', () => null);
    c.onRequest('workspace/diagnostic/refresh', () => null);
    c.onRequest('workspace/inlayHint/refresh', () => null);
    c.onNotification('$/progress', (p: { token: string; value: { items?: WorkspaceDocumentDiagnosticReport[] } }) => {
      if (p.token !== 'bench-pull' || !p.value.items) return;
      const at = performance.now();
      for (const r of p.value.items) this.reports.set(r.uri, { report: r, at });
      for (const w of [...this.waiters]) w();
    });
    c.listen();
  }

  async initialize(folderUri: string): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false }, publishDiagnostics: {} },
        window: { workDoneProgress: true },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    // As vscode-languageclient 11: one workspace pull as it starts, with a partial-result token, held open.
    this.pullCancel = new CancellationTokenSource();
    this.connection
      .sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [], partialResultToken: 'bench-pull' }, this.pullCancel.token)
      .then((answer) => {
        const at = performance.now();
        for (const r of answer.items) this.reports.set(r.uri, { report: r, at });
        for (const w of [...this.waiters]) w();
      })
      .catch(() => undefined);
  }

  /** Resolves when `test` holds, checked on each streamed report. */
  until(test: () => boolean, timeoutMs = 600_000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error('the server did not report in time'));
      }, timeoutMs);
      const check = () => {
        if (!test()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sqs-case', version: 1, text } });
  }

  async change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  pull(uri: string) {
    return this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
  }

  /** Resident set now, from the kernel. */
  rss(): number {
    const status = readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) * 1024;
  }

  /** The heap in use after a full collection, as the server's preload reports it. */
  heapUsed(): Promise<number> {
    return new Promise((resolve) => {
      this.memoryWaiter = resolve;
      this.proc.kill('SIGUSR2');
    });
  }

  async stop(): Promise<void> {
    this.pullCancel?.cancel();
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    // A server that exits by itself has written its profile (SQS_BENCH_CPU_PROF); one that does not is ended.
    if (this.proc.exitCode === null) {
      const exited = new Promise((resolve) => this.proc.once('exit', resolve));
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
      clearTimeout(timer);
    }
    this.connection.dispose();
    if (this.proc.exitCode === null) this.proc.kill();
  }
}
