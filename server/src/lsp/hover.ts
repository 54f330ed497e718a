import { MarkupKind, type Connection, type Hover } from 'vscode-languageserver/node';
import { hoverAt } from '../core/api';
import { toRange } from './convert';
import { guarded, type Logger } from './safe';
import type { SettingsStore } from './settings';
import type { Workspace } from './workspace';

export function registerHover(connection: Connection, ws: Workspace, settings: SettingsStore, log: Logger): void {
  connection.onHover(
    guarded(
      log,
      'textDocument/hover',
      (): Hover | null => null,
      async (params) => {
        const { phrasebook } = await settings.get(params.textDocument.uri);
        const file = ws.file(params.textDocument.uri);
        if (!file) return null;
        const info = hoverAt(ws.index, file.uri, file.parsed.source.offset(params.position), phrasebook ? { phrasebook } : {});
        return info ? { contents: { kind: MarkupKind.Markdown, value: info.markdown }, range: toRange(info.range) } : null;
      },
    ),
  );
}
