import { CodeActionKind, type CodeAction, type Connection } from 'vscode-languageserver';
import { linkedFoldersUnread, quickFixes, unreadFiles } from '../core/api';
import { diagnosticSource, toCodeAction, toDisabledCodeAction } from './convert';
import { guarded, type Logger } from './safe';
import type { SettingsStore } from './settings';
import type { Workspace } from './workspace';

/**
 * Quick fixes for the diagnostics the client sends back, worked out by the core on the document's text as it
 * is now (quickFixes), not on the text they were reported on: vscode-languageclient drops the version of a
 * code action's edit, so an edit made for an older text would be applied to the new one all the same. One
 * action per fix, attached to its diagnostic; the way to silence a finding (`# sqs-ignore CODE: reason`) last.
 */
export function registerCodeActions(
  connection: Connection,
  ws: Workspace,
  settings: SettingsStore,
  log: Logger,
  client: { versioned: boolean; disabledSupport: boolean },
): void {
  connection.onCodeAction(
    guarded(
      log,
      'textDocument/codeAction',
      (): CodeAction[] => [],
      async (params) => {
        const only = params.context.only;
        if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
        const clientUri = params.textDocument.uri;
        const ours = params.context.diagnostics.filter((d) => d.source === diagnosticSource && typeof d.code === 'string');
        if (ours.length === 0) return [];
        const { phrasebook } = await settings.get(clientUri);
        // After the settings arrive, so the fixes are worked out on the latest text.
        ws.sync();
        const uri = ws.canonical(clientUri);
        const shown = ours.map((d) => ({ code: String(d.code), range: d.range, message: typeof d.message === 'string' ? d.message : d.message.value }));
        const fixes = quickFixes(ws.index, ws.checker, uri, shown, { phrasebook, incomplete: incompleteness(ws, uri) });
        const version = client.versioned ? (u: string) => ws.versionOf(ws.canonical(u)) : undefined;
        const actions = ours.flatMap((d, k) => [
          ...fixes[k]!.fixes.map((fix) => toCodeAction(fix, clientUri, d, version)),
          // Shown greyed, with the reason, by a client that can: a fix missing without a word would puzzle.
          ...(client.disabledSupport ? fixes[k]!.withheld.map(({ fix, reason }) => toDisabledCodeAction(fix, reason, d)) : []),
        ]);
        const silences = ours.flatMap((d, k) => {
          const silence = fixes[k]!.silence;
          return silence ? [toCodeAction(silence, clientUri, d, version)] : [];
        });
        return [...actions, ...silences];
      },
    ),
  );
}

/**
 * The per-inspection "complete" flag, decided here rather than in the findings (which would then change on every
 * keystroke of every file): why the document's inspection may not be counted whole, or undefined when it is.
 * Its files still being read (not settled), one of them not read as written (unreadFiles), or a linked folder in it
 * not walked (the editor's file system: the cases behind it are not counted).
 */
function incompleteness(ws: Workspace, uri: string): string | undefined {
  const inspection = ws.index.inspectionOf(uri);
  if (!inspection) return undefined;
  if (!ws.isSettled(uri)) return "the inspection's files are still being read";
  return unreadFiles(ws.index, inspection) ?? linkedFoldersUnread(inspection, ws.linkedFoldersIn(inspection));
}
