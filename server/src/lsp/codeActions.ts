import { CodeActionKind, type CodeAction, type Connection } from 'vscode-languageserver';
import { ignoreFix } from '../core/api';
import { diagnosticSource, fixesOf, toCodeAction } from './convert';
import { guarded, type Logger } from './safe';
import type { Workspace } from './workspace';

/**
 * Quick fixes are the checks' own fix data, carried on each diagnostic: nothing is recomputed, and a new
 * check with fixes needs no change here. One action per fix, attached to its diagnostic; then, for every
 * finding, the way to silence it with a reason (`# sqs-ignore CODE: reason`), offered last.
 */
export function registerCodeActions(connection: Connection, ws: Workspace, log: Logger): void {
  connection.onCodeAction(
    guarded(
      log,
      'textDocument/codeAction',
      (): CodeAction[] => [],
      (params) => {
        const only = params.context.only;
        if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
        const uri = params.textDocument.uri;
        const ours = params.context.diagnostics.filter((d) => d.source === diagnosticSource);
        const fixes = ours.flatMap((d) => fixesOf(d).map((fix) => toCodeAction(fix, uri, d)));
        const file = ws.file(uri);
        const ignores = file
          ? ours.flatMap((d) => {
              const fix = typeof d.code === 'string' ? ignoreFix(file, d.code, d.range) : undefined;
              return fix ? [toCodeAction(fix, uri, d)] : [];
            })
          : [];
        return [...fixes, ...ignores];
      },
    ),
  );
}
