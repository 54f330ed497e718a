import { MarkupKind, type Connection, type Hover } from 'vscode-languageserver/node';
import { hoverAt } from '../core/api';
import { toRange } from './convert';
import { guarded, type Logger } from './safe';
import type { SettingsStore } from './settings';
import type { Workspace } from './workspace';
import { comparisonOf } from './comparison';

export function registerHover(connection: Connection, ws: Workspace, settings: SettingsStore, log: Logger): void {
  connection.onHover(
    guarded(
      log,
      'textDocument/hover',
      (): Hover | null => null,
      async (params) => {
        const fileSettings = await settings.get(params.textDocument.uri);
        const { phrasebook } = fileSettings;
        const file = ws.file(params.textDocument.uri);
        if (!file) return null;
        const inspection = ws.index.inspectionOf(file.uri);
        const { comparison } = inspection ? comparisonOf(ws, inspection, fileSettings) : {};
        const info = hoverAt(ws.index, file.uri, file.parsed.source.offset(params.position), {
          ...(phrasebook && { phrasebook }),
          ...(comparison && { comparison }),
        });
        return info ? { contents: { kind: MarkupKind.Markdown, value: info.markdown }, range: toRange(info.range) } : null;
      },
    ),
  );
}
