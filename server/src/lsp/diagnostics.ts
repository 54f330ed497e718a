import { DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError, type Connection, type DocumentDiagnosticReport } from 'vscode-languageserver';
import type { Inspection } from '../core/api';
import type { DiagnosticReports } from './diagnosticReports';
import { errorText, guarded, type Logger } from './safe';
import type { SettingsStore } from './settings';
import type { Workspace, WorkspaceChange } from './workspace';

/**
 * Diagnostics of documents: pulled (LSP 3.17) when the client can pull, pushed otherwise — never both for
 * one client, or a client may show them twice or drop one set. For a pull client the workspace pull
 * (workspaceDiagnostics.ts) covers the files that are not open.
 *
 * Pull: the client asks for each open document when it changes; when a change elsewhere (another file of
 * the inspection, the disk, the settings) may change an open document's diagnostics, the server asks the
 * client to pull again (`workspace/diagnostic/refresh`). A pull whose result id the client already holds is
 * answered `unchanged` without computing anything.
 *
 * Push (clients without pull, such as Neovim 0.7): the open documents and the other files of their
 * inspections, so the inspection file's stated-vs-tallied error reaches the client while only a case file
 * is open — the one place the consequences of a case edit land. Not the whole workspace: a push client
 * cannot say what it wants, and each file pushed becomes a buffer in Neovim, thousands for a programme's
 * workspace. A file is published again only when its result id changes; a closed file only once it has
 * findings; and what was published for a file that leaves that set (its last open neighbour closed) is
 * cleared, rather than left to go stale.
 */
export class DiagnosticsFeature {
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** Push mode, by canonical URI: the result id last looked at, and whether the client holds diagnostics for it. */
  private readonly published = new Map<string, { resultId: string; shown: boolean; clientUri: string }>();
  /** Push mode: the inspections with a file open when last published, to publish the whole of one newly opened. */
  private scope = new Set<Inspection>();
  /** Push mode: files to publish once settled (Workspace.isSettled). */
  private readonly deferred = new Set<string>();
  /**
   * Pull mode: documents answered with their own findings alone (edited during indexing), with the result id they were
   * given: pulled again when that id moves (their inspection file read) and once they are settled.
   */
  private readonly early = new Map<string, string>();

  constructor(
    private readonly connection: Connection,
    private readonly ws: Workspace,
    private readonly settings: SettingsStore,
    private readonly reports: DiagnosticReports,
    private readonly mode: 'pull' | 'push',
    private readonly log: Logger,
    /** Coalesces the refreshes a burst of changes would ask for. */
    private readonly refreshDelayMs = 30,
  ) {}

  register(): void {
    if (this.mode === 'pull') {
      this.connection.languages.diagnostics.on(
        guarded(
          this.log,
          'textDocument/diagnostic',
          (): DocumentDiagnosticReport => ({ kind: DocumentDiagnosticReportKind.Full, items: [] }),
          (params, token) =>
            this.reports.answeringPull(this.ws.canonical(params.textDocument.uri), async () => {
              const clientUri = params.textDocument.uri;
              const version = this.reports.settingsVersion;
              const settings = await this.settings.get(clientUri);
              if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
              const uri = this.ws.canonical(clientUri);
              this.ws.sync();
              // Its inspection half read (startup, a folder read in): what the other files make of it is not so yet,
              // but what an open document says of itself is (Checker.ownFindingsFor: what its text says, then, once its
              // inspection file is read, its values and case checks). It gets that now, and is pulled again as more is
              // known. A closed file waits: its text may be a read of the disk still on its way.
              if (this.ws.isOpen(uri) && this.ws.index.get(uri) && !this.ws.isSettled(uri)) {
                const resultId = this.reports.ownResultId(uri, version);
                this.early.set(uri, resultId);
                if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
                return { kind: DocumentDiagnosticReportKind.Full, resultId, items: this.reports.ownItems(uri, settings) };
              }
              if (!(await this.ws.whenSettled(uri, token))) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
              // Indexed after the settings arrive, so the answer reflects edits made meanwhile.
              this.ws.sync();
              const resultId = this.reports.resultId(uri, version);
              if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
              return { kind: DocumentDiagnosticReportKind.Full, resultId, items: this.reports.items(uri, settings) };
            }),
        ),
      );
    }
    this.ws.onDidChange((change) => this.changed(change));
    this.settings.onDidChange(() => this.everythingChanged());
    this.ws.onDidSettle(() => {
      this.refreshEarly(true);
      if (this.deferred.size === 0) return;
      const uris = new Set(this.deferred);
      this.deferred.clear();
      this.publishChanged(uris);
    });
  }

  /** Pull mode: documents answered with their own findings alone are pulled again once settled, or once those moved. */
  private refreshEarly(sync: boolean): void {
    if (this.early.size === 0) return;
    // Not from inside a change the index is telling of: syncing there would index again while it is told.
    if (sync) this.ws.sync();
    let moved = false;
    for (const [uri, answered] of this.early) {
      if (this.ws.isSettled(uri)) this.early.delete(uri);
      else if (this.reports.ownResultId(uri, this.reports.settingsVersion) === answered) continue;
      moved = true;
    }
    if (moved) this.scheduleRefresh();
  }

  /** A document was closed (the workspace has already stopped counting it open). */
  closed(clientUri: string): void {
    if (this.mode !== 'push') return;
    const uri = this.ws.canonical(clientUri);
    const scope = this.openInspections();
    this.scope = scope;
    for (const published of [...this.published.keys()]) if (!this.inScope(published, scope)) this.clear(published);
    // Still in scope as a closed file of an open inspection: what it shows now comes from the disk, once read.
    const entry = this.published.get(uri);
    if (entry) entry.resultId = '';
  }

  private changed({ affected, edited }: WorkspaceChange): void {
    if (this.mode === 'pull') {
      // A file read during indexing may be the inspection file of a document answered early.
      this.refreshEarly(false);
      // The client pulls edited documents by itself; others need asking.
      const others = [...affected].some((uri) => !edited.has(uri) && this.ws.isOpen(uri));
      if (others) this.scheduleRefresh();
      return;
    }
    this.publishChanged(new Set([...affected, ...edited]));
  }

  private everythingChanged(): void {
    if (this.mode === 'pull') {
      this.scheduleRefresh();
      return;
    }
    const uris = new Set(this.ws.openUris());
    for (const inspection of this.openInspections()) for (const uri of inspection.uris) uris.add(uri);
    this.publishChanged(uris);
  }

  private scheduleRefresh(): void {
    this.refreshTimer ??= setTimeout(() => {
      this.refreshTimer = undefined;
      this.connection.languages.diagnostics.refresh().catch((e: unknown) => this.log.warn(`diagnostic refresh failed: ${String(e)}`));
    }, this.refreshDelayMs);
  }

  /** Push mode: the inspections that have a file open in the editor. */
  private openInspections(): Set<Inspection> {
    const found = new Set<Inspection>();
    for (const uri of this.ws.openUris()) {
      const inspection = this.ws.index.inspectionOf(uri);
      if (inspection) found.add(inspection);
    }
    return found;
  }

  private inScope(uri: string, openInspections: ReadonlySet<Inspection>): boolean {
    if (this.ws.isOpen(uri)) return true;
    const inspection = this.ws.index.inspectionOf(uri);
    return inspection !== undefined && openInspections.has(inspection);
  }

  /** Push mode: publishes the files among `uris` whose result id changed; clears those out of scope. */
  private publishChanged(changed: ReadonlySet<string>): void {
    const scope = this.openInspections();
    // A change names the files whose findings it may move; an inspection a file was just opened in has every file
    // to publish for the first time.
    const uris = new Set(changed);
    for (const inspection of scope) if (!this.scope.has(inspection)) for (const uri of inspection.uris) uris.add(uri);
    this.scope = scope;
    const version = this.reports.settingsVersion;
    const stale: string[] = [];
    for (const uri of uris) {
      if (!this.inScope(uri, scope)) {
        this.clear(uri);
        continue;
      }
      if (!this.ws.isSettled(uri)) this.deferred.add(uri);
      else if (this.published.get(uri)?.resultId !== this.reports.resultId(uri, version)) stale.push(uri);
    }
    if (stale.length > 0) void this.publish(stale, version);
  }

  private async publish(uris: readonly string[], version: number): Promise<void> {
    try {
      const settings = await this.settings.getMany(uris.map((u) => this.ws.clientUri(u)));
      this.ws.sync();
      const scope = this.openInspections();
      uris.forEach((uri, k) => {
        if (!this.inScope(uri, scope)) return;
        if (!this.ws.isSettled(uri)) {
          this.deferred.add(uri);
          return;
        }
        const resultId = this.reports.resultId(uri, version);
        const before = this.published.get(uri);
        if (before?.resultId === resultId) return;
        const diagnostics = this.reports.itemsOrNothing(uri, settings[k]!);
        if (!diagnostics) return;
        const open = this.ws.isOpen(uri);
        // The client's spelling of the URI, kept to clear the file by it after it is closed.
        const clientUri = open ? this.ws.clientUri(uri) : (before?.clientUri ?? this.ws.clientUri(uri));
        this.published.set(uri, { resultId, shown: open || diagnostics.length > 0, clientUri });
        // A closed file with nothing to say is not sent, unless the client holds something for it to clear.
        if (!open && diagnostics.length === 0 && !before?.shown) return;
        void this.connection.sendDiagnostics({ uri: clientUri, diagnostics });
      });
    } catch (e) {
      this.log.error(`publishing diagnostics failed: ${errorText(e)}`);
    }
  }

  /** Push mode: the file left the published set; the client must not keep showing what it had. */
  private clear(uri: string): void {
    const entry = this.published.get(uri);
    if (!entry) return;
    this.published.delete(uri);
    if (entry.shown) void this.connection.sendDiagnostics({ uri: entry.clientUri, diagnostics: [] });
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
  }
}
