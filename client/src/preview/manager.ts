import * as vscode from 'vscode';
import { panelWebviewOptions } from '../webviewPanels';
import { commandIds, InspectionStatusRequest } from '../../../server/src/protocol';
import { documentSelector, type SqsServer } from '../server';
import { parsePreviewState } from './messages';
import { ReportPreview, viewType, type PreviewHost } from './preview';
import { revealPlaces } from './reveal';

/**
 * The report previews, like VS Code's Markdown previews: one panel per inspection. At most one preview is
 * unlocked; it follows the active editor from inspection to inspection. Locked previews stay on theirs. The
 * manager routes editor events to the previews they concern and restores panels after a window reload.
 */
export class PreviewManager implements vscode.Disposable {
  private readonly previews = new Set<ReportPreview>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The editor group the inspector last typed in: sources open there, not over the preview. */
  private lastEditorColumn: vscode.ViewColumn | undefined;
  private following = 0;

  constructor(
    private readonly server: SqsServer,
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(viewType, {
        deserializeWebviewPanel: async (panel, state) => this.revive(panel, state),
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => void this.activeEditorChanged(editor)),
      vscode.workspace.onDidChangeTextDocument((e) => this.documentChanged(e)),
      vscode.window.onDidChangeTextEditorSelection((e) => this.selectionChanged(e)),
      server.onInspectionsChanged(({ inspections }) => {
        for (const p of this.previews) if (inspections.includes(p.inspection)) p.refresh();
      }),
      server.onDidStart(() => this.previews.forEach((p) => p.reload())),
      server.onDidFail(() => this.previews.forEach((p) => p.reload())),
      // Only the preview's own settings: this runs before the language client forwards a change to the server,
      // which announces the settings it renders with (phrasebook, severities) by sqs/inspectionsChanged.
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('sqs.preview')) this.previews.forEach((p) => p.reload());
      }),
    );
    const editor = vscode.window.activeTextEditor;
    if (editor && isSqs(editor.document)) this.lastEditorColumn = editor.viewColumn;
  }

  /**
   * "SQS: Open Report Preview to the Side": the preview of the inspection the file belongs to. With the active
   * column, "SQS: Open Report Preview": in place of the editor, as Markdown's Ctrl+Shift+V does.
   */
  async openToSide(resource?: vscode.Uri, column: vscode.ViewColumn = vscode.ViewColumn.Beside): Promise<void> {
    const beside = column === vscode.ViewColumn.Beside;
    const uri = resource ?? vscode.window.activeTextEditor?.document.uri;
    if (!uri) {
      void vscode.window.showInformationMessage('Open an SQS inspection or case file to preview its report.');
      return;
    }
    const found = await this.server.inspectionOf(uri, 'to preview');
    if ('problem' in found) {
      void vscode.window.showWarningMessage(found.problem);
      return;
    }
    const inspection = found.inspection.uri;
    const existing = [...this.previews].find((p) => p.inspection === inspection);
    if (existing) {
      existing.reveal(beside ? undefined : column);
      return;
    }
    const follower = this.follower();
    if (follower) {
      follower.show(inspection);
      follower.reveal(beside ? undefined : column);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      viewType,
      'Report',
      { viewColumn: column, preserveFocus: beside },
      { ...panelWebviewOptions(this.extensionUri), enableFindWidget: true },
    );
    this.add(new ReportPreview(panel, inspection, false, this.host));
  }

  /** Locks an unlocked preview on its inspection, or lets a locked one follow the editor (the only one that does). */
  toggleLock(preview = this.activePreview()): void {
    if (!preview) return;
    if (preview.locked) {
      for (const p of this.previews) if (p !== preview && !p.locked) p.setLocked(true);
      preview.setLocked(false);
      void this.activeEditorChanged(vscode.window.activeTextEditor);
    } else {
      preview.setLocked(true);
    }
  }

  /** The preview whose panel has focus, for commands run from its title bar or the palette. */
  activePreview(): ReportPreview | undefined {
    const all = [...this.previews];
    return all.find((p) => p.panel.active) ?? (all.length === 1 ? all[0] : undefined);
  }

  private get host(): PreviewHost {
    return {
      server: this.server,
      extensionUri: this.extensionUri,
      log: this.log,
      columnFor: (uri) => this.columnFor(uri),
      toggleLock: (p) => this.toggleLock(p),
      exportReport: (inspection, { format }) => void vscode.commands.executeCommand(commandIds.exportReport, vscode.Uri.parse(inspection), format),
      exportData: (inspection) => void vscode.commands.executeCommand(commandIds.exportData, vscode.Uri.parse(inspection)),
      revealPlaces: (places, what) => revealPlaces(places, (uri) => this.columnFor(uri), what),
    };
  }

  private async revive(panel: vscode.WebviewPanel, raw: unknown): Promise<void> {
    const state = parsePreviewState(raw);
    if (!state) {
      this.log.warn('report preview: a panel saved without a valid state was closed');
      panel.dispose();
      return;
    }
    // One follower at most, even if the saved panels say otherwise.
    const locked = state.locked || this.follower() !== undefined;
    this.add(new ReportPreview(panel, state.inspection, locked, this.host));
  }

  private add(preview: ReportPreview): void {
    this.previews.add(preview);
    preview.onDidDispose(() => this.previews.delete(preview));
  }

  private follower(): ReportPreview | undefined {
    return [...this.previews].find((p) => !p.locked);
  }

  private async activeEditorChanged(editor: vscode.TextEditor | undefined): Promise<void> {
    if (!editor || !isSqs(editor.document)) return;
    this.lastEditorColumn = editor.viewColumn ?? this.lastEditorColumn;
    const follower = this.follower();
    if (!follower) return;
    // Answers can arrive out of order when the inspector flicks through tabs: only the latest counts.
    const ticket = ++this.following;
    const inspection = await this.inspectionOf(editor.document.uri);
    if (ticket !== this.following || !inspection || inspection === follower.inspection) return;
    // Another preview already shows that inspection (locked there): one panel per inspection.
    if ([...this.previews].some((p) => p.inspection === inspection)) return;
    follower.show(inspection);
  }

  private documentChanged(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0 || !isSqs(e.document)) return;
    const uri = e.document.uri;
    // The language client sends the edit to the server in its own listener of this event: asking for the
    // report a turn later makes sure the server has the edit first.
    setTimeout(() => {
      for (const p of this.previews) if (p.covers(uri)) p.refresh();
    }, 0);
  }

  private selectionChanged(e: vscode.TextEditorSelectionChangeEvent): void {
    if (!isSqs(e.textEditor.document)) return;
    const selection = e.selections[0];
    if (!selection) return;
    for (const p of this.previews) if (p.covers(e.textEditor.document.uri)) p.cursorAt(e.textEditor.document.uri, selection);
  }

  private columnFor(uri: vscode.Uri): vscode.ViewColumn {
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    return shown?.viewColumn ?? this.lastEditorColumn ?? vscode.ViewColumn.One;
  }

  private async inspectionOf(uri: vscode.Uri): Promise<string | undefined> {
    const status = await this.server.request(InspectionStatusRequest, { uri: uri.toString() }).catch((e: unknown) => {
      this.log.warn(`report preview: no inspection for ${uri.toString()}: ${String(e)}`);
      return null;
    });
    return status?.inspection?.uri;
  }

  dispose(): void {
    for (const p of [...this.previews]) p.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function isSqs(doc: vscode.TextDocument): boolean {
  return vscode.languages.match(documentSelector, doc) > 0;
}
