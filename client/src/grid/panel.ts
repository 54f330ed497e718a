import * as vscode from 'vscode';
import { inspectionFolderName, panelWebviewOptions } from '../webviewPanels';
import { GridRequest, JudgementPlaceRequest, languageIds, type JudgementWord, type WireGrid } from '../../../server/src/protocol';
import { newNonce } from '../preview/nonce';
import { RenderScheduler, type Ticket } from '../preview/schedule';
import type { SqsServer } from '../server';
import { setJudgement } from './edit';
import { parseFromGrid, type ToGrid } from './messages';
import { gridPage, gridTitle } from './page';
import { cellLooks, withDelta } from './table';

export const gridViewType = 'sqs.grid';

/** After the first render, at most one grid per this many milliseconds while files change. */
export const gridDelayMs = 50;

export interface GridHost {
  readonly server: SqsServer;
  readonly extensionUri: vscode.Uri;
  readonly log: vscode.LogOutputChannel;
}

/**
 * One judgement grid panel: the grid of one inspection, kept live as its files change (typed, saved, changed on
 * disk), with key presses in it turned into edits of the case files.
 */
export class JudgementGridPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly scheduler: RenderScheduler;
  /** The whole grid, as the server's answers (whole or deltas) have made it. */
  private latest: { seq: number; grid: WireGrid | undefined; unsaved: string[] } | undefined;
  /** The revision of the grid the page holds whole, so a delta against it can be posted as it is. */
  private pageRevision: number | undefined;
  private seq = 0;
  private loaded = false;
  private disposed = false;
  private readonly disposedEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposedEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly inspection: string,
    private readonly host: GridHost,
  ) {
    panel.webview.options = panelWebviewOptions(host.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'grid.svg');
    this.scheduler = new RenderScheduler(
      (t) => this.render(t),
      gridDelayMs,
      undefined,
      (e) => host.log.error(`judgement grid: ${String(e)}`),
    );
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.received(raw)),
      panel.onDidDispose(() => this.dispose()),
    );
    panel.title = gridTitle(inspectionFolderName(inspection));
    this.scheduler.request();
  }

  /** The inspection's folder, as a prefix: case files below it belong to it. */
  covers(uri: vscode.Uri): boolean {
    const folder = vscode.Uri.joinPath(vscode.Uri.parse(this.inspection), '..').toString();
    return uri.toString().startsWith(`${folder}/`);
  }

  refresh(): void {
    this.scheduler.request();
  }

  reload(): void {
    this.scheduler.restart();
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  /** The case files of the grid's inspection changed in an editor and not saved. */
  unsavedCases(): string[] {
    const cases = new Set(this.latest?.grid?.columns.map((c) => vscode.Uri.parse(c.uri).toString()) ?? []);
    return vscode.workspace.textDocuments
      .filter((d) => d.isDirty && d.languageId === languageIds.case && cases.has(d.uri.toString()))
      .map((d) => d.uri.toString());
  }

  /** A document was saved, changed or closed: the grid's marks of unsaved files follow. */
  unsavedChanged(): void {
    if (!this.latest) return;
    const unsaved = this.unsavedCases();
    if (unsaved.length === this.latest.unsaved.length && unsaved.every((u, i) => u === this.latest!.unsaved[i])) return;
    this.latest = { ...this.latest, unsaved };
    this.post({ type: 'unsaved', unsaved });
  }

  /** Ctrl+S in the grid: the case files it marks unsaved. */
  async save(): Promise<void> {
    const unsaved = new Set(this.unsavedCases());
    const docs = vscode.workspace.textDocuments.filter((d) => unsaved.has(d.uri.toString()));
    const results = await Promise.all(docs.map((d) => d.save()));
    const failed = results.filter((ok) => !ok).length;
    this.post({
      type: 'notice',
      text: failed ? `${failed} of ${docs.length} case files could not be saved.` : `Saved ${docs.length} case file${docs.length === 1 ? '' : 's'}.`,
    });
    this.unsavedChanged();
  }

  // ---------------------------------------------------------------------------------------------- rendering

  private async render(ticket: Ticket): Promise<void> {
    const server = this.host.server;
    if (!server.running) return; // onDidStart asks again
    const held = this.latest?.grid;
    const answer = (await server.request(GridRequest, { uri: this.inspection, ...(held && { since: held.revision }) })) ?? undefined;
    if (!this.scheduler.isCurrent(ticket) || this.disposed) return;
    // A delta against a grid no longer held (a restart in between) cannot be used: ask for the whole.
    if (answer?.delta && answer.delta.since !== this.latest?.grid?.revision) return this.scheduler.restart();
    const grid = answer && held && answer.delta ? withDelta(held, answer) : answer;
    this.latest = { seq: ++this.seq, grid, unsaved: [] };
    this.latest.unsaved = this.unsavedCases();
    if (grid) this.panel.title = gridTitle(grid.area ?? inspectionFolderName(this.inspection));
    if (!this.loaded || !grid) return this.load();
    // To a page holding the grid the delta is against, the delta (a key press in a thousand cases posts one case).
    const posted = answer?.delta && answer.delta.since === this.pageRevision ? answer : grid;
    this.post({ type: 'grid', seq: this.latest.seq, grid: posted, unsaved: this.latest.unsaved });
    this.pageRevision = grid.revision;
  }

  private load(): void {
    const latest = this.latest;
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.host.extensionUri, 'media');
    this.loaded = true;
    // The page has the table but not the data behind it until it says it is ready.
    this.pageRevision = undefined;
    webview.html = gridPage({
      nonce: newNonce(),
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'out', 'grid.js')).toString(),
      styleUris: [webview.asWebviewUri(vscode.Uri.joinPath(media, 'grid.css')).toString()],
      seq: latest?.seq ?? 0,
      inspection: this.inspection,
      grid: latest?.grid,
      message: `No grid: ${inspectionFolderName(this.inspection)} is not an inspection the language server knows (deleted, moved, or not read yet).`,
      unsaved: latest?.unsaved ?? [],
    });
  }

  private post(message: ToGrid): void {
    if (this.disposed || !this.loaded) return;
    void this.panel.webview.postMessage(message);
  }

  // ---------------------------------------------------------------------------------------------- input

  private async received(raw: unknown): Promise<void> {
    const m = parseFromGrid(raw);
    if (!m) {
      this.host.log.warn(`judgement grid: ignored a malformed message from the webview: ${describe(raw)}`);
      return;
    }
    if (m.type === 'ready') {
      // The page (re)loaded: it has the table and now needs the data behind it, the latest there is.
      const latest = this.latest;
      if (latest?.grid) {
        this.post({ type: 'grid', seq: Math.max(latest.seq, m.seq), grid: latest.grid, unsaved: latest.unsaved });
        this.pageRevision = latest.grid.revision;
      }
      return;
    }
    if (m.inspection !== this.inspection) {
      this.host.log.info(`judgement grid: ignored a ${m.type} for ${m.inspection}, not this grid's inspection`);
      return;
    }
    const column = m.type === 'save' ? undefined : this.latest?.grid?.columns.find((c) => c.uri === m.case);
    if (m.type !== 'save' && !column) {
      this.host.log.info(`judgement grid: ignored a ${m.type} for ${m.case}, not a case of this grid`);
      return;
    }
    switch (m.type) {
      case 'set':
        return this.set(vscode.Uri.parse(m.case), column!.label, m.question, m.value);
      case 'open':
        return this.open(vscode.Uri.parse(m.case), m.question);
      case 'save':
        return this.save();
    }
  }

  private async set(caseUri: vscode.Uri, caseLabel: string, question: string, value: JudgementWord | null): Promise<void> {
    const row = this.latest?.grid?.rows.find((r) => r.question === question);
    const name = `${caseLabel} ${row?.label ?? question}`;
    try {
      const outcome = await setJudgement(this.host.server, caseUri, question, value);
      if (outcome.kind === 'refused') this.post({ type: 'notice', text: `${name} was not changed: ${outcome.reason}` });
      else if (outcome.kind === 'unchanged')
        this.post({ type: 'notice', text: `${name} is already ${value === null ? 'not judged' : cellLooks[value].words}.` });
      // Changed: the document's change brings the grid back with the new cell; the live region says what it now is.
      else this.post({ type: 'notice', text: `${name}: ${value === null ? 'cleared' : cellLooks[value].words} (unsaved).` });
    } catch (e) {
      this.host.log.error(`judgement grid: setting ${name}: ${String(e)}`);
      this.post({ type: 'notice', text: `${name} was not changed: ${String(e)}` });
    }
  }

  /** Opens the case file beside the grid at the judgement (or where it would go), keeping the focus in the grid. */
  private async open(caseUri: vscode.Uri, question: string | undefined): Promise<void> {
    const range = question ? await this.host.server.request(JudgementPlaceRequest, { uri: caseUri.toString(), question }).catch(() => null) : null;
    const selection = range ? new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character) : undefined;
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === caseUri.toString());
    const other = vscode.window.visibleTextEditors.find((e) => e.viewColumn !== undefined && e.viewColumn !== this.panel.viewColumn)?.viewColumn;
    const column = shown?.viewColumn ?? other ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    await vscode.window.showTextDocument(caseUri, { viewColumn: column, preserveFocus: true, preview: true, ...(selection && { selection }) });
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

function describe(raw: unknown): string {
  try {
    return JSON.stringify(raw).slice(0, 200);
  } catch {
    return typeof raw;
  }
}
