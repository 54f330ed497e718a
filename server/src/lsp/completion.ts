import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Connection } from 'vscode-languageserver';
import { completionsAt, type CompletionKind } from '../core/api';
import { toRange } from './convert';
import { guarded, type Logger } from './safe';
import type { Workspace } from './workspace';

const kinds: Record<CompletionKind, CompletionItemKind> = {
  criterion: CompletionItemKind.Class,
  question: CompletionItemKind.Field,
  key: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  judgement: CompletionItemKind.EnumMember,
  reason: CompletionItemKind.EnumMember,
  fact: CompletionItemKind.Property,
  sentence: CompletionItemKind.Value,
  case: CompletionItemKind.Reference,
  count: CompletionItemKind.Value,
};

/** Characters after which completion opens by itself: `key: `, `"` of a criterion id, `- `, `[`, `,`. */
export const completionTriggers = [' ', '"', '-', '[', ','];

export function registerCompletion(connection: Connection, ws: Workspace, log: Logger, snippets: boolean): void {
  connection.onCompletion(
    guarded(
      log,
      'textDocument/completion',
      (): CompletionList | null => null,
      (params) => {
        const file = ws.file(params.textDocument.uri);
        if (!file) return null;
        const found = completionsAt(ws.index, file.uri, file.parsed.source.offset(params.position));
        if (!found) return null;
        const range = toRange(found.range);
        const items = found.items.map((e): CompletionItem => {
          const item: CompletionItem = {
            label: e.label,
            kind: kinds[e.kind],
            textEdit: { range, newText: e.snippet && !snippets ? plainText(e.insertText) : e.insertText },
            insertTextFormat: e.snippet && snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
          };
          if (e.detail) item.detail = e.detail;
          if (e.documentation) item.documentation = { kind: MarkupKind.Markdown, value: e.documentation };
          if (e.filterText) item.filterText = e.filterText;
          if (e.sortText) item.sortText = e.sortText;
          if (e.preselect) item.preselect = true;
          return item;
        });
        return { isIncomplete: false, items };
      },
    ),
  );
}

/** A snippet for a client without snippet support: the first choice or the default of each tab stop. */
export function plainText(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|((?:\\.|[^,|\\])*)(?:,[^|]*)?\|\}/g, (_, first: string) => first.replace(/\\(.)/g, '$1'))
    .replace(/\$\{\d+:((?:\\.|[^}\\])*)\}/g, (_, def: string) => def.replace(/\\(.)/g, '$1'))
    .replace(/\$\d+/g, '');
}
