import { CodeActionKind, type CodeAction, type Connection } from 'vscode-languageserver/node';
import { fixesOf, toCodeAction } from './convert';
import { guarded, type Logger } from './safe';

/**
 * Quick fixes are the checks' own fix data, carried on each diagnostic: nothing is recomputed, and a new
 * check with fixes needs no change here. One action per fix, attached to its diagnostic.
 */
export function registerCodeActions(connection: Connection, log: Logger): void {
  connection.onCodeAction(
    guarded(log, 'textDocument/codeAction', (): CodeAction[] => [], (params) => {
      const only = params.context.only;
      if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
      return params.context.diagnostics.flatMap((d) => fixesOf(d).map((fix) => toCodeAction(fix, params.textDocument.uri, d)));
    }),
  );
}
