import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type PreviousResultId,
  type ResultProgressReporter,
  type WorkspaceDiagnosticReport,
  type WorkspaceDiagnosticReportPartialResult,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { DiagnosticReports } from './diagnosticReports';
import { nextTurn } from './nextTurn';
import { errorText, guarded, type Logger } from './safe';
import type { SettingsStore } from './settings';
import type { Workspace } from './workspace';

/** Files looked at per step: a first pull of thousands of files goes out in pieces, other requests in between. */
const chunkSize = 200;

type Reports = WorkspaceDocumentDiagnosticReport[];

/** One `workspace/diagnostic` request while the server holds it. */
class HeldPull {
  /** The result id the client holds per file (canonical URI), as far as this pull knows. */
  readonly known: Map<string, string>;
  /** Files a change touched since this pull last looked. */
  readonly pending = new Set<string>();
  /**
   * Files held back because their inspection was half read when last looked at: looked at again when something
   * settles, at most every `unsettledRecheckMs` while the index is busy (each flush looking at every one of them again
   * made a national workspace's cold start quadratic), at once when it is idle.
   */
  readonly unsettled = new Set<string>();
  /** Every file touched (a settings change). */
  everything = false;
  /** The first report has gone out; until then changes wait in `pending`. */
  ready = false;
  ended = false;
  private readonly endedSignal: Promise<void>;
  private signalEnd!: () => void;
  /** For a pull without partial results: the reports that end it. */
  private deliverTo: ((items: Reports) => void) | undefined;

  constructor(
    previous: Iterable<[string, string]>,
    /** Present when the client takes partial results: reports are streamed while the pull is held. */
    readonly stream: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult> | undefined,
    readonly token: CancellationToken,
  ) {
    this.known = new Map(previous);
    this.endedSignal = new Promise((resolve) => (this.signalEnd = resolve));
  }

  /** Resolves when the pull ends (cancelled, replaced, server shutting down). */
  untilEnded(): Promise<void> {
    return this.endedSignal;
  }

  /** Resolves with the first reports a change brings, or nothing when the pull ends first. */
  nextReports(): Promise<Reports> {
    return new Promise((resolve) => {
      this.deliverTo = resolve;
      void this.endedSignal.then(() => resolve([]));
    });
  }

  deliver(items: Reports): void {
    if (items.length === 0 || !this.deliverTo) return;
    const deliver = this.deliverTo;
    this.deliverTo = undefined;
    deliver(items);
  }

  end(): void {
    this.ended = true;
    this.signalEnd();
  }
}

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');

/**
 * `workspace/diagnostic`: the diagnostics of every SQS file the server has indexed, open or not, so the
 * Problems panel shows the inspection file's stated-vs-tallied error after a case edit while that file is
 * closed.
 *
 * What vscode-languageclient 11 does (client/lib/common/diagnostic.js): it sends one workspace pull when
 * it starts, with the result ids it holds and a partial-result token; it applies each partial result as it
 * arrives; and it sends the next pull 2 s after a pull is answered. `workspace/diagnostic/refresh` re-pulls
 * open documents only. So a pull answered at once has the client polling every 2 s, and a change reaches
 * the Problems panel up to 2 s late. Instead a pull with a partial-result token is held open: the first
 * partial result has a report for every file (`unchanged` where the client's result id is current), then
 * every change sends the reports of the files whose result id it changed, until the client cancels. A pull
 * without a token is answered at once if a file differs from the client's ids, and otherwise held until one
 * does (long polling), so such clients do not spin either.
 *
 * Result ids are a few map lookups (see DiagnosticReports), so a change costs the files it touched, and an
 * idle workspace costs nothing. Open documents are reported too: the client prefers its document pulls for
 * the documents it shows, and takes these for the ones it does not.
 */
export class WorkspaceDiagnostics {
  private readonly pulls = new Set<HeldPull>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private unsettledTimer: ReturnType<typeof setTimeout> | undefined;
  private flushing = false;
  private flushAgain = false;

  constructor(
    private readonly connection: Connection,
    private readonly ws: Workspace,
    private readonly reports: DiagnosticReports,
    private readonly settings: SettingsStore,
    private readonly log: Logger,
    /** Coalesces the changes of a burst of keystrokes into one partial result. */
    private readonly delayMs = 30,
    /** How often files held back as unsettled are looked at again while the index is busy (HeldPull.unsettled). */
    private readonly unsettledRecheckMs = 250,
  ) {}

  register(): void {
    this.connection.languages.diagnostics.onWorkspace(
      guarded(
        this.log,
        'workspace/diagnostic',
        (): WorkspaceDiagnosticReport => ({ items: [] }),
        (params, token, _workDone, partial) => this.answer(params.previousResultIds, token, partial),
      ),
    );
    this.ws.onDidChange(({ affected, edited }) => this.touch([...affected, ...edited]));
    // vscode-languageclient pulls a document a last time as its tab closes and drops what the workspace pull says of
    // it until that answer is in: so what is said of a closed file is said again after each such answer.
    this.reports.onDidAnswerPull((uri) => {
      if (!this.ws.isOpen(uri)) this.sendAgain(uri);
      else if ([...this.pulls].some((pull) => pull.pending.has(uri))) this.schedule();
    });
    // Files held back as not settled: look again (see HeldPull.unsettled).
    this.ws.onDidSettle(() => {
      if ([...this.pulls].some((pull) => pull.unsettled.size > 0)) this.recheckUnsettled();
      if ([...this.pulls].some((pull) => pull.pending.size > 0)) this.schedule();
    });
    this.settings.onDidChange(() => {
      for (const pull of this.pulls) pull.everything = true;
      this.schedule();
    });
  }

  /**
   * A document was closed. The client forgets the result id it held for it from the workspace pull (and
   * its document pulls stop), so it must get a full report again, whatever the id: or, for a file gone from the
   * disk meanwhile, a cleared one (the client still shows what its document pulls gave it).
   */
  closed(clientUri: string): void {
    this.sendAgain(this.ws.canonical(clientUri));
  }

  private sendAgain(uri: string): void {
    for (const pull of this.pulls) {
      pull.known.set(uri, '');
      pull.pending.add(uri);
    }
    this.schedule();
  }

  dispose(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.unsettledTimer) clearTimeout(this.unsettledTimer);
    for (const pull of this.pulls) pull.end();
  }

  private async answer(
    previous: PreviousResultId[],
    token: CancellationToken,
    stream: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult> | undefined,
  ): Promise<WorkspaceDiagnosticReport> {
    const pull = new HeldPull(
      previous.map((p) => [this.ws.canonical(p.uri), p.value]),
      stream,
      token,
    );
    // A client sends its next pull once the last was answered: one arriving while another is held replaces it.
    for (const other of this.pulls) other.end();
    this.pulls.add(pull);
    const onCancel = token.onCancellationRequested(() => pull.end());
    try {
      this.ws.sync();
      const uris = new Set([...this.ws.index.all().map((f) => f.uri), ...pull.known.keys()]);
      const first = new Map<string, WorkspaceDocumentDiagnosticReport>();
      await this.reportOn(pull, [...uris], true, (items) => {
        if (stream) stream.report({ items });
        else for (const r of items) first.set(r.uri, r);
      });
      pull.ready = true;
      if (pull.pending.size > 0 || pull.everything) this.schedule();
      if (pull.unsettled.size > 0) this.recheckUnsettled();
      if (!stream) {
        if (![...first.values()].some((r) => r.kind === DocumentDiagnosticReportKind.Full) && !pull.ended) {
          // Nothing the client does not have: hold the pull until something changes (long polling).
          for (const r of await pull.nextReports()) first.set(r.uri, r);
        }
        if (token.isCancellationRequested) throw cancelled();
        return { items: [...first.values()] };
      }
      await pull.untilEnded();
      if (token.isCancellationRequested) throw cancelled();
      // Everything went out as partial results: the final answer adds nothing (LSP's partial-result rule).
      return { items: [] };
    } finally {
      onCancel.dispose();
      pull.end();
      this.pulls.delete(pull);
    }
  }

  private touch(uris: readonly string[]): void {
    if (this.pulls.size === 0 || uris.length === 0) return;
    for (const pull of this.pulls) for (const uri of uris) pull.pending.add(uri);
    this.schedule();
  }

  /** Puts the files held back as unsettled back in their pulls' pending sets: now if the index is idle, else soon. */
  private recheckUnsettled(): void {
    const recheck = () => {
      this.unsettledTimer = undefined;
      for (const pull of this.pulls) {
        for (const uri of pull.unsettled) pull.pending.add(uri);
        pull.unsettled.clear();
      }
      this.schedule();
    };
    if (this.ws.idle) {
      if (this.unsettledTimer) clearTimeout(this.unsettledTimer);
      recheck();
    } else this.unsettledTimer ??= setTimeout(recheck, this.unsettledRecheckMs);
  }

  private schedule(): void {
    if (this.pulls.size === 0) return;
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      void this.flush();
    }, this.delayMs);
  }

  /** Sends every held pull the reports of the files touched since it last looked. One flush at a time. */
  private async flush(): Promise<void> {
    if (this.flushing) {
      this.flushAgain = true;
      return;
    }
    this.flushing = true;
    try {
      do {
        this.flushAgain = false;
        // Edits not yet indexed go in first; their changes join the pending sets.
        this.ws.sync();
        for (const pull of [...this.pulls]) {
          if (!pull.ready || pull.ended) continue;
          const uris = pull.everything ? new Set([...this.ws.index.all().map((f) => f.uri), ...pull.known.keys()]) : new Set(pull.pending);
          pull.pending.clear();
          pull.everything = false;
          if (uris.size === 0) continue;
          const changed: Reports = [];
          await this.reportOn(pull, [...uris], false, (items) => (pull.stream ? pull.stream.report({ items }) : changed.push(...items)));
          pull.deliver(changed);
        }
      } while (this.flushAgain);
    } catch (e) {
      this.log.error(`workspace diagnostics failed: ${errorText(e)}`);
    } finally {
      this.flushing = false;
    }
  }

  /**
   * Reports on files, a chunk at a time, to `emit`: a full report for each file whose result id differs
   * from the one the pull knows, a cleared report for a file the client knows that is gone, and with
   * `unchanged`, an unchanged report for the rest. Settings are read only for the files being sent.
   */
  private async reportOn(pull: HeldPull, uris: readonly string[], unchanged: boolean, emit: (items: Reports) => void): Promise<void> {
    for (let i = 0; i < uris.length && !pull.ended; i += chunkSize) {
      if (i > 0) await nextTurn();
      const slice = uris.slice(i, i + chunkSize);
      const version = this.reports.settingsVersion;
      this.ws.sync();
      // Not settled (its inspection half read), or a document pull of it being answered (see onDidAnswerPull): nothing
      // about it yet, not even `unchanged`; it waits in `unsettled` or `pending`.
      const notYet = (uri: string) => !this.ws.isSettled(uri) || this.reports.isPulled(uri);
      const settled = this.ws.settledness();
      const held = new Set<string>();
      for (const uri of slice) {
        if (!settled(uri)) pull.unsettled.add(uri);
        else if (this.reports.isPulled(uri)) pull.pending.add(uri);
        else continue;
        held.add(uri);
      }
      const stale = slice.filter((uri) => !held.has(uri) && this.ws.index.has(uri) && pull.known.get(uri) !== this.reports.resultId(uri, version));
      const settings = new Map<string, Awaited<ReturnType<SettingsStore['get']>>>();
      if (stale.length > 0) {
        const values = await this.settings.getMany(stale.map((u) => this.ws.clientUri(u)));
        stale.forEach((uri, k) => settings.set(uri, values[k]!));
        if (pull.ended) return;
        // A change while the settings were read is in `pending` already; report the state as it is now.
        this.ws.sync();
      }
      const items: Reports = [];
      for (const uri of slice) {
        if (held.has(uri)) continue;
        if (notYet(uri)) {
          pull.pending.add(uri);
          continue;
        }
        if (!this.ws.index.has(uri)) {
          // Gone (deleted, or its folder left the workspace): clear it, and give no id, so the client stops
          // asking about it.
          if (pull.known.delete(uri)) items.push({ kind: DocumentDiagnosticReportKind.Full, uri: this.ws.clientUri(uri), version: null, items: [] });
          continue;
        }
        const resultId = this.reports.resultId(uri, version);
        const docVersion = this.ws.versionOf(uri);
        if (pull.known.get(uri) === resultId) {
          if (unchanged) items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri: this.ws.clientUri(uri), version: docVersion, resultId });
          continue;
        }
        const fileSettings = settings.get(uri);
        // Changed while the settings were read: the change's own flush reports it, with its settings.
        if (!fileSettings) continue;
        const diagnostics = this.reports.itemsOrNothing(uri, fileSettings);
        // A file whose diagnostics failed keeps the client's id, so the next change tries it again.
        if (!diagnostics) continue;
        pull.known.set(uri, resultId);
        items.push({ kind: DocumentDiagnosticReportKind.Full, uri: this.ws.clientUri(uri), version: docVersion, resultId, items: diagnostics });
      }
      if (items.length > 0) emit(items);
    }
  }
}
