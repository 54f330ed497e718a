import {
  FoldingRangeKind,
  InlayHintKind,
  MarkupKind,
  type CancellationToken,
  type Connection,
  type FoldingRange,
  type InlayHint,
  type Location,
} from 'vscode-languageserver';
import { definition, foldingRanges, references, tallyHints } from '../core/api';
import { toRange } from './convert';
import { guarded, type Logger } from './safe';
import type { Workspace } from './workspace';

/** Folding, tally hints after stated counts, and navigation between case ids, criteria and counts. */
export function registerEditorAids(connection: Connection, ws: Workspace, log: Logger): void {
  connection.onFoldingRanges(
    guarded(
      log,
      'textDocument/foldingRange',
      (): FoldingRange[] => [],
      (params) => {
        const file = ws.file(params.textDocument.uri);
        return file ? foldingRanges(file).map((f) => ({ startLine: f.startLine, endLine: f.endLine, ...(f.kind && { kind: FoldingRangeKind.Comment }) })) : [];
      },
    ),
  );

  connection.languages.inlayHint.on(
    guarded(
      log,
      'textDocument/inlayHint',
      (): InlayHint[] => [],
      (params) => {
        const file = ws.file(params.textDocument.uri);
        if (!file) return [];
        const { start, end } = params.range;
        return tallyHints(ws.index, file.uri)
          .filter((h) => h.position.line >= start.line && h.position.line <= end.line)
          .map((h) => ({
            position: h.position,
            label: h.label,
            kind: InlayHintKind.Type,
            paddingLeft: true,
            tooltip: { kind: MarkupKind.Markdown, value: h.tooltip },
          }));
      },
    ),
  );

  const locations = (found: { uri: string; range: Parameters<typeof toRange>[0] }[]): Location[] =>
    found.map((l) => ({ uri: ws.clientUri(l.uri), range: toRange(l.range) }));

  // Definition and references lead into the inspection's other files: while a read of one of them is queued (a
  // document just closed, a file changed on disk) they would lead to what it held, or to a file no longer there.
  const settledFile = async (uri: string, token: CancellationToken) => ((await ws.whenSettled(ws.canonical(uri), token)) ? ws.file(uri) : undefined);

  connection.onDefinition(
    guarded(
      log,
      'textDocument/definition',
      (): Location[] => [],
      async (params, token) => {
        const file = await settledFile(params.textDocument.uri, token);
        return file ? locations(definition(ws.index, file.uri, file.parsed.source.offset(params.position))) : [];
      },
    ),
  );

  connection.onReferences(
    guarded(
      log,
      'textDocument/references',
      (): Location[] => [],
      async (params, token) => {
        const file = await settledFile(params.textDocument.uri, token);
        return file ? locations(references(ws.index, file.uri, file.parsed.source.offset(params.position), params.context.includeDeclaration)) : [];
      },
    ),
  );
}

/** Tally hints in an open inspection file move when its case files change: ask the client to fetch them again. */
export function refreshInlayHintsOnChange(connection: Connection, ws: Workspace, log: Logger): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  ws.onDidChange(({ affected, edited }) => {
    const stale = [...affected].some((uri) => !edited.has(uri) && ws.isOpen(uri) && ws.index.get(uri)?.kind === 'inspection');
    if (!stale || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      connection.languages.inlayHint.refresh().catch((e: unknown) => log.warn(`inlay hint refresh failed: ${String(e)}`));
    }, 30);
  });
}
