import { SymbolKind, type Connection, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver';
import { caseSymbols, outline, type OutlineKind, type OutlineNode } from '../core/api';
import { toRange } from './convert';
import { guarded, type Logger } from './safe';
import type { Workspace } from './workspace';

const kinds: Record<OutlineKind, SymbolKind> = {
  section: SymbolKind.Module,
  theme: SymbolKind.Namespace,
  criterion: SymbolKind.Class,
  question: SymbolKind.Field,
  judgement: SymbolKind.EnumMember,
  count: SymbolKind.Number,
  fact: SymbolKind.Boolean,
  text: SymbolKind.String,
  list: SymbolKind.Array,
  item: SymbolKind.Object,
};

export function registerSymbols(connection: Connection, ws: Workspace, log: Logger, hierarchical: boolean): void {
  connection.onDocumentSymbol(
    guarded(
      log,
      'textDocument/documentSymbol',
      (): DocumentSymbol[] | SymbolInformation[] => [],
      (params) => {
        const file = ws.file(params.textDocument.uri);
        if (!file) return [];
        const nodes = outline(file);
        return hierarchical ? nodes.map(toDocumentSymbol) : flatten(nodes, params.textDocument.uri);
      },
    ),
  );

  connection.onWorkspaceSymbol(
    guarded(
      log,
      'workspace/symbol',
      (): SymbolInformation[] => [],
      async (params, token) => {
        if (!(await ws.whenAllSettled(token))) return [];
        return caseSymbols(ws.index, params.query).map((s) => ({
          name: s.id,
          kind: SymbolKind.File,
          location: { uri: ws.clientUri(s.uri), range: toRange(s.range) },
          ...(s.inspection && { containerName: s.inspection }),
        }));
      },
    ),
  );
}

function toDocumentSymbol(n: OutlineNode): DocumentSymbol {
  const s: DocumentSymbol = { name: n.name || ' ', kind: kinds[n.kind], range: toRange(n.range), selectionRange: toRange(n.selectionRange) };
  if (n.detail) s.detail = n.detail;
  if (n.children.length) s.children = n.children.map(toDocumentSymbol);
  return s;
}

function flatten(nodes: OutlineNode[], uri: string, container?: string): SymbolInformation[] {
  return nodes.flatMap((n) => [
    { name: n.name || ' ', kind: kinds[n.kind], location: { uri, range: toRange(n.range) }, ...(container && { containerName: container }) },
    ...flatten(n.children, uri, n.name),
  ]);
}
