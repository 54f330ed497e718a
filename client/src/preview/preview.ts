import * as vscode from 'vscode';
import { inspectionFolderName, panelWebviewOptions } from '../webviewPanels';
import { ParagraphsAtRequest, PreviewRequest, PreviewSourcesRequest, type Position, type PreviewRender, type ReportPart } from '../../../server/src/protocol';
import type { SqsServer } from '../server';
import { parseFromWebview, type FromWebview, type RevealOn, type ToWebview } from './messages';
import { newNonce } from './nonce';
import { emptyReport, previewPage } from './page';
import { PageSync, type Delivery } from './pageSync';
import { RenderScheduler, type Ticket } from './schedule';
import { placesOf, type Place } from './reveal';

/** What a preview needs from the manager that owns it. */
export interface PreviewHost {
  readonly server: SqsServer;
  readonly extensionUri: vscode.Uri;
  /** Where a source the inspector clicked opens. */
  columnFor(uri: vscode.Uri): vscode.ViewColumn;
  toggleLock(preview: ReportPreview): void;
  exportReport(inspection: string, format: FromWebview & { type: 'export' }): void;
  /** *SQS: Export Data…* for the inspection shown. */
  exportData(inspection: string): void;
  revealPlaces(places: Place[], what?: string): Promise<void>;
  log: vscode.LogOutputChannel;
}

/** After the first render, at most one render per this many milliseconds while the inspector types. */
export const renderDelayMs = 250;

export const viewType = 'sqs.preview';

/**
 * One preview panel: the report of one inspection, kept live. Renders are asked of the language server (which
 * holds the editors' unsaved text), throttled and never overlapping; a render overtaken by a switch to another
 * inspection is dropped. Renders are posted to a visible page and morphed in place by the webview script, so the
 * reader keeps their place; a hidden page has its HTML rewritten instead (see pageSync.ts).
 */
export class ReportPreview implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly scheduler: RenderScheduler;
  /** What the page shows or is to show: resent when the webview (re)loads and reports an older one. */
  private readonly page = new PageSync();
  /** The render shown: the server sends the page only; what a click or the cursor needs, it is asked for then. */
  private shown: PreviewRender | undefined;
  private loaded = false;
  private disposed = false;
  private highlighted: string[] = [];
  /** The cursor's latest place, while a request for its paragraphs is out (one at a time, the latest wins). */
  private cursor: { uri: string; range: { start: Position; end: Position } } | undefined;
  private asking = false;
  private readonly disposedEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposedEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private inspectionUri: string,
    private isLocked: boolean,
    private readonly host: PreviewHost,
  ) {
    panel.webview.options = panelWebviewOptions(host.extensionUri);
    this.scheduler = new RenderScheduler(
      (t) => this.render(t),
      renderDelayMs,
      undefined,
      (e) => host.log.error(`report preview: ${String(e)}`),
    );
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => this.received(raw)),
      panel.onDidDispose(() => this.dispose()),
    );
    this.updateTitle();
    this.scheduler.request();
  }

  get inspection(): string {
    return this.inspectionUri;
  }

  get locked(): boolean {
    return this.isLocked;
  }

  /** The inspection's folder, as a prefix: case files below it belong to it. */
  covers(uri: vscode.Uri): boolean {
    const folder = vscode.Uri.joinPath(vscode.Uri.parse(this.inspectionUri), '..').toString();
    return uri.toString().startsWith(`${folder}/`);
  }

  /** Shows another inspection (an unlocked preview following the active editor). */
  show(inspectionUri: string): void {
    if (inspectionUri === this.inspectionUri) return;
    this.inspectionUri = inspectionUri;
    this.shown = undefined;
    this.highlighted = [];
    this.updateTitle();
    this.scheduler.restart();
  }

  setLocked(locked: boolean): void {
    this.isLocked = locked;
    this.updateTitle();
    // The lock travels as a render of its own, so a page hidden now and rebuilt later shows it too.
    const last = this.page.latest;
    if (last) this.deliver(this.page.update({ ...last, locked, title: this.panel.title }, this.panel.visible));
  }

  /** Something the report is made from may have changed. */
  refresh(): void {
    this.scheduler.request();
  }

  /** Everything may have changed (the server restarted, the settings changed): render afresh. */
  reload(): void {
    this.scheduler.restart();
  }

  /** The cursor moved in `uri`: highlight the paragraphs made from what it is on. */
  cursorAt(uri: vscode.Uri, selection: vscode.Range): void {
    if (!this.shown || !this.panel.visible) return;
    this.cursor = {
      uri: uri.toString(),
      range: {
        start: { line: selection.start.line, character: selection.start.character },
        end: { line: selection.end.line, character: selection.end.character },
      },
    };
    if (!this.asking) void this.askParagraphsAt();
  }

  /** Asks the server which paragraphs the cursor's place feeds; a cursor that moved meanwhile is asked about next. */
  private async askParagraphsAt(): Promise<void> {
    this.asking = true;
    try {
      while (this.cursor && !this.disposed) {
        const at = this.cursor;
        this.cursor = undefined;
        const inspection = this.inspectionUri;
        if (!this.host.server.running) return;
        const ids = await this.host.server.request(ParagraphsAtRequest, { uri: inspection, at }).catch((e: unknown) => {
          this.host.log.warn(`report preview: paragraphs at the cursor: ${String(e)}`);
          return null;
        });
        if (!ids || this.cursor || inspection !== this.inspectionUri) continue;
        if (ids.length === this.highlighted.length && ids.every((id, i) => id === this.highlighted[i])) continue;
        this.highlighted = ids;
        this.post({ type: 'highlight', paragraphs: ids, scroll: true });
      }
    } finally {
      this.asking = false;
    }
  }

  reveal(column?: vscode.ViewColumn): void {
    this.panel.reveal(column, true);
  }

  // ---------------------------------------------------------------------------------------------- rendering

  private async render(ticket: Ticket): Promise<void> {
    const server = this.host.server;
    const failure = server.startFailure;
    if (!server.running && failure === undefined) return; // starting: onDidStart asks again
    const render = server.running ? await server.request(PreviewRequest, { uri: this.inspectionUri }) : null;
    if (!this.scheduler.isCurrent(ticket)) return; // overtaken: another inspection, or disposed
    this.shown = render ?? undefined;
    this.updateTitle();
    const html = render?.html ?? (failure !== undefined && !server.running ? notRunning(failure) : noReport(this.inspectionUri));
    const revealOn = vscode.workspace.getConfiguration('sqs.preview').get<RevealOn>('revealOn') === 'doubleClick' ? 'doubleClick' : 'click';
    const language = render?.language ?? 'en';
    this.deliver(
      this.page.update({ inspection: this.inspectionUri, title: this.panel.title, locked: this.isLocked, revealOn, language, html }, this.panel.visible),
    );
  }

  private deliver(delivery: Delivery | undefined): void {
    if (!delivery || this.disposed) return;
    if (delivery.kind === 'load') this.load(delivery.message);
    else this.post(delivery.message);
  }

  private load(initial: Extract<ToWebview, { type: 'render' }>): void {
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.host.extensionUri, 'media');
    this.loaded = true;
    webview.html = previewPage({
      nonce: newNonce(),
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'out', 'preview.js')).toString(),
      styleUris: [vscode.Uri.joinPath(media, 'out', 'report.css'), vscode.Uri.joinPath(media, 'preview.css')].map((u) => webview.asWebviewUri(u).toString()),
      initial,
    });
  }

  private post(message: ToWebview): void {
    if (this.disposed || !this.loaded) return;
    void this.panel.webview.postMessage(message);
  }

  // ---------------------------------------------------------------------------------------------- input

  private received(raw: unknown): void {
    const m = parseFromWebview(raw);
    if (!m) {
      this.host.log.warn(`report preview: ignored a malformed message from the webview: ${describe(raw)}`);
      return;
    }
    if ('inspection' in m && m.inspection !== this.inspectionUri) {
      // The page showed another inspection when it was clicked; the panel has moved on since.
      this.host.log.info(`report preview: ignored a ${m.type} for ${m.inspection}, no longer shown`);
      return;
    }
    switch (m.type) {
      case 'ready': {
        // The page (re)loaded, showing render m.seq: bring it up to date, with the highlight.
        const behind = this.page.ready(m.seq);
        if (behind) this.post(behind);
        if (this.highlighted.length > 0) this.post({ type: 'highlight', paragraphs: this.highlighted, scroll: false });
        break;
      }
      case 'reveal':
        void this.revealPart({ kind: 'text', paragraph: m.paragraph, ...(m.sentence !== undefined && { sentence: m.sentence }) });
        break;
      case 'revealMark':
        void this.revealPart({ kind: 'mark', paragraph: m.paragraph }, 'The notes on this paragraph concern');
        break;
      case 'revealNotes':
        void this.revealPart({ kind: 'notes' }, 'The notes concern');
        break;
      case 'export':
        this.host.exportReport(m.inspection, m);
        break;
      case 'exportData':
        this.host.exportData(m.inspection);
        break;
      case 'toggleLock':
        this.host.toggleLock(this);
        break;
    }
  }

  /**
   * A click opens what the part of the report is about, as the server says (sourcesOfPart in the core): a
   * sentence's sources; for a paragraph marked in error, which shows its findings instead of its sentences, those
   * findings; for a mark or the notes, the findings and the cases they concern.
   */
  private async revealPart(part: ReportPart, what?: string): Promise<void> {
    if (!this.shown || !this.host.server.running) return;
    const about = await this.host.server.request(PreviewSourcesRequest, { uri: this.inspectionUri, part }).catch((e: unknown) => {
      this.host.log.warn(`report preview: sources of ${JSON.stringify(part)}: ${String(e)}`);
      return null;
    });
    if (!about) return;
    const findingsOnly = about.sources.length === 0 && about.findings.length > 0;
    return this.host.revealPlaces(placesOf(about), what ?? (findingsOnly ? 'The findings on this paragraph are in' : undefined));
  }

  private updateTitle(): void {
    const name = this.shown?.area ?? inspectionFolderName(this.inspectionUri);
    this.panel.title = this.isLocked ? `[Report] ${name}` : `Report: ${name}`;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.scheduler.dispose();
    this.disposedEmitter.fire();
    this.disposedEmitter.dispose();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}

/** Shown when the server has no report for the file (deleted, or no longer an inspection). */
function noReport(inspectionUri: string): string {
  const name = vscode.Uri.parse(inspectionUri).path.split('/').slice(-2).join('/');
  return emptyReport(`No report: ${name} is not an inspection the language server knows (deleted, moved, or not indexed yet).`);
}

/** Shown when the language server could not be started: nothing else can render the report. */
function notRunning(reason: string): string {
  return emptyReport(`No report: the SQS language server is not running (${reason}). See the SQS Findings output, then run SQS: Restart Language Server.`);
}

function describe(raw: unknown): string {
  try {
    return JSON.stringify(raw).slice(0, 200);
  } catch {
    return typeof raw;
  }
}
