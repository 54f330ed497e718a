import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { toDiagnostic } from './convert';
import { guarded, type Logger } from './safe';
import type { SettingsStore } from './settings';
import { applySettings, settingsProblems } from './severity';
import type { Workspace, WorkspaceChange } from './workspace';

/**
 * Diagnostics, pulled when the client can pull (LSP 3.17) and pushed otherwise — never both for one
 * client, or a client may show them twice or drop one set.
 *
 * Pull: the client asks for each open document when it changes; when a change elsewhere (another file of
 * the inspection, the disk, the settings) may change an open document's diagnostics, the server asks the
 * client to pull again (`workspace/diagnostic/refresh`). Each report carries a hash of its diagnostics
 * as its result id, so a re-pull whose answer did not change costs the client nothing.
 */
export class DiagnosticsFeature {
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** Push mode: result id last published per document. */
  private readonly published = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly ws: Workspace,
    private readonly settings: SettingsStore,
    private readonly mode: 'pull' | 'push',
    private readonly log: Logger,
    /** Coalesces the refreshes a burst of changes would ask for. */
    private readonly refreshDelayMs = 30,
  ) {}

  register(): void {
    if (this.mode === 'pull') {
      this.connection.languages.diagnostics.on(
        guarded(this.log, 'textDocument/diagnostic', (): DocumentDiagnosticReport => ({ kind: DocumentDiagnosticReportKind.Full, items: [] }), async (params, token) => {
          const { items, resultId } = await this.compute(params.textDocument.uri);
          if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
          if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
          return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
        }),
      );
    }
    this.ws.onDidChange((change) => this.changed(change));
    this.settings.onDidChange(() => this.everythingChanged());
  }

  /** The diagnostics of one file now, after the severity settings. */
  async compute(clientUri: string): Promise<{ items: Diagnostic[]; resultId: string }> {
    const file = this.ws.file(clientUri);
    const settings = await this.settings.get(clientUri);
    this.warnAbout(settings);
    // Findings are computed after the settings arrive, so they reflect edits made meanwhile.
    this.ws.sync();
    const findings = file ? applySettings(this.ws.checker.findingsFor(this.ws.canonical(clientUri)), settings) : [];
    const items = findings.map(toDiagnostic);
    return { items, resultId: hash(JSON.stringify(items)) };
  }

  private readonly warned = new WeakSet<object>();

  /** Misnamed codes in `sqs.diagnostics.severity` are logged once per settings value, not per file. */
  private warnAbout(settings: Parameters<typeof settingsProblems>[0]): void {
    if (this.warned.has(settings)) return;
    this.warned.add(settings);
    for (const p of settingsProblems(settings)) this.log.warn(`sqs.diagnostics.severity: ${p}`);
  }

  /** Push mode: a document closed; its diagnostics go with it. */
  closed(clientUri: string): void {
    if (this.mode !== 'push') return;
    this.published.delete(this.ws.canonical(clientUri));
    void this.connection.sendDiagnostics({ uri: clientUri, diagnostics: [] });
  }

  private changed({ affected, edited }: WorkspaceChange): void {
    if (this.mode === 'pull') {
      // The client pulls edited documents by itself; others need asking.
      const others = [...affected].some((uri) => !edited.has(uri) && this.ws.isOpen(uri));
      if (others) this.scheduleRefresh();
      return;
    }
    for (const uri of new Set([...affected, ...edited])) if (this.ws.isOpen(uri)) void this.publish(uri);
  }

  private everythingChanged(): void {
    if (this.mode === 'pull') this.scheduleRefresh();
    else for (const uri of this.ws.openUris()) void this.publish(uri);
  }

  private scheduleRefresh(): void {
    this.refreshTimer ??= setTimeout(() => {
      this.refreshTimer = undefined;
      this.connection.languages.diagnostics.refresh().catch((e: unknown) => this.log.warn(`diagnostic refresh failed: ${String(e)}`));
    }, this.refreshDelayMs);
  }

  private async publish(uri: string): Promise<void> {
    try {
      const clientUri = this.ws.clientUri(uri);
      const { items, resultId } = await this.compute(clientUri);
      if (!this.ws.isOpen(uri) || this.published.get(uri) === resultId) return;
      this.published.set(uri, resultId);
      await this.connection.sendDiagnostics({ uri: clientUri, diagnostics: items });
    } catch (e) {
      this.log.error(`publishing diagnostics for ${uri} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
  }
}

/** FNV-1a over the serialised report, with its length: equal reports, equal ids. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(36)}-${text.length.toString(36)}`;
}
