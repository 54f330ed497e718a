import * as vscode from 'vscode';
import { commandIds, WorkspaceOverviewRequest, type WorkspaceOverview } from '../../../server/src/protocol';
import type { SqsServer } from '../server';
import { casesBadge, casesTree, isEmpty, type CasesNode } from './tree';

export const casesViewId = 'sqs.cases';

/** Context keys the view's menus and welcome read. */
const context = { byInspector: 'sqs.cases.byInspector', noFiles: 'sqs.noSqsFiles' } as const;

/**
 * The cases view: each inspection of the workspace with its case files and how far each has got, kept live as
 * files change in the editor or on disk. It lives in a view container of its own, so it is shown (and the
 * extension activated for it) only when the inspector opens it.
 */
export function registerCasesView(server: SqsServer, extension: vscode.ExtensionContext): vscode.Disposable {
  const provider = new CasesProvider(server, extension.workspaceState.get<boolean>(context.byInspector) ?? false);
  const view = vscode.window.createTreeView(casesViewId, { treeDataProvider: provider, showCollapseAll: true });
  view.message = 'Reading the workspace’s SQS files…';
  const group = (byInspector: boolean) => {
    void extension.workspaceState.update(context.byInspector, byInspector);
    provider.group(byInspector);
  };
  provider.onDidLoad((overview) => {
    view.badge = casesBadge(overview);
    view.message = undefined;
    void vscode.commands.executeCommand('setContext', context.noFiles, isEmpty(overview));
  });
  // The node a context action was run on (an inspection or a case row), else the active editor's file.
  const target = (node?: CasesNode) => ((node?.inspection ?? node?.uri) ? vscode.Uri.parse((node.inspection ?? node.uri)!) : undefined);
  return vscode.Disposable.from(
    view,
    provider,
    vscode.commands.registerCommand(commandIds.groupCasesByInspector, () => group(true)),
    vscode.commands.registerCommand(commandIds.listCasesByInspection, () => group(false)),
    vscode.commands.registerCommand(commandIds.openCase, (uri: unknown) =>
      typeof uri === 'string' ? vscode.window.showTextDocument(vscode.Uri.parse(uri), { preview: true }) : undefined,
    ),
    vscode.commands.registerCommand(commandIds.casesOpenGrid, (node?: CasesNode) => vscode.commands.executeCommand(commandIds.openGrid, target(node))),
    vscode.commands.registerCommand(commandIds.casesOpenPreview, (node?: CasesNode) =>
      vscode.commands.executeCommand(commandIds.openPreviewToSide, target(node)),
    ),
    vscode.commands.registerCommand(commandIds.casesNewCase, (node?: CasesNode) => {
      const inspection = node?.inspection ?? (node?.kind === 'case' ? node.uri : undefined);
      const folder = inspection && vscode.Uri.joinPath(vscode.Uri.parse(inspection), '..');
      return vscode.commands.executeCommand(commandIds.newCase, folder);
    }),
  );
}

class CasesProvider implements vscode.TreeDataProvider<CasesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly loaded = new vscode.EventEmitter<WorkspaceOverview>();
  readonly onDidLoad = this.loaded.event;
  private overview: WorkspaceOverview | undefined;
  private roots: CasesNode[] = [];
  private asked = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly server: SqsServer,
    private byInspector: boolean,
  ) {
    void vscode.commands.executeCommand('setContext', context.byInspector, byInspector);
    this.disposables = [
      server.onInspectionsChanged(() => this.soon()),
      server.onDidStart(() => this.soon()),
      // Typing in a case file changes its status at once; the server's notice of it comes a little later.
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && this.covers(e.document.uri)) this.soon();
      }),
    ];
    if (server.running) this.soon();
  }

  group(byInspector: boolean): void {
    this.byInspector = byInspector;
    void vscode.commands.executeCommand('setContext', context.byInspector, byInspector);
    this.rebuild();
  }

  getTreeItem(node: CasesNode): vscode.TreeItem {
    const collapsible = node.children
      ? node.kind === 'inspection' || node.kind === 'inspector'
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed
      : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = new vscode.ThemeIcon(node.icon, iconColour(node));
    item.contextValue = `sqs.${node.kind}`;
    if (node.uri) item.resourceUri = vscode.Uri.parse(node.uri);
    if (node.kind === 'case' && node.uri) item.command = { title: 'Open Case File', command: commandIds.openCase, arguments: [node.uri] };
    return item;
  }

  getChildren(node?: CasesNode): CasesNode[] {
    return node ? (node.children ?? []) : this.roots;
  }

  getParent(): undefined {
    return undefined;
  }

  private covers(uri: vscode.Uri): boolean {
    const text = uri.toString();
    return this.overview?.inspections.some((i) => text.startsWith(`${vscode.Uri.parse(i.folder).toString().replace(/\/$/, '')}/`)) ?? false;
  }

  private soon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.load(), 100);
  }

  private async load(): Promise<void> {
    this.timer = undefined;
    if (!this.server.running) return;
    const ticket = ++this.asked;
    const overview = await this.server.request(WorkspaceOverviewRequest, {}).catch(() => undefined);
    if (!overview || ticket !== this.asked) return;
    this.overview = overview;
    this.rebuild();
    this.loaded.fire(overview);
  }

  private rebuild(): void {
    if (!this.overview) return;
    this.roots = casesTree(this.overview, { byInspector: this.byInspector });
    this.changed.fire();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
    this.loaded.dispose();
  }
}

function iconColour(node: CasesNode): vscode.ThemeColor | undefined {
  if (node.icon === 'error') return new vscode.ThemeColor('problemsErrorIcon.foreground');
  if (node.icon === 'pass' || node.icon === 'pass-filled') return new vscode.ThemeColor('testing.iconPassed');
  if (node.icon === 'circle-large-outline') return new vscode.ThemeColor('problemsWarningIcon.foreground');
  return undefined;
}
