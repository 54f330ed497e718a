import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  TextDocumentEdit,
  type Diagnostic,
  type Range as LspRange,
  type WorkspaceEdit,
  type TextEdit,
} from 'vscode-languageserver';
import type { Finding, Fix, Range, Severity } from '../core/api';

// Core ↔ protocol. Core positions are already LSP's (0-based lines, UTF-16 characters), so ranges pass
// through; what changes is the vocabulary.

export const diagnosticSource = 'sqs';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(r: Range): LspRange {
  return { start: { ...r.start }, end: { ...r.end } };
}

export function toDiagnostic(f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: toRange(f.range),
    severity: severities[f.severity],
    code: f.code,
    source: diagnosticSource,
    message: f.message,
  };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri: r.uri, range: toRange(r.range) }, message: r.message }));
  }
  return d;
}

/**
 * A fix as a code action. With `versionOf` (a client that takes `documentChanges`), each file's edits name the
 * version of the document they were worked out on, so a client that checks versions refuses them on a newer text.
 */
export function toCodeAction(fix: Fix, documentUri: string, diagnostic: Diagnostic, versionOf?: (uri: string) => number | null): CodeAction {
  const byFile = new Map<string, TextEdit[]>();
  for (const e of fix.edits) {
    const uri = e.uri ?? documentUri;
    byFile.set(uri, [...(byFile.get(uri) ?? []), { range: toRange(e.range), newText: e.newText }]);
  }
  const edit: WorkspaceEdit = versionOf
    ? { documentChanges: [...byFile].map(([uri, edits]) => TextDocumentEdit.create({ uri, version: versionOf(uri) }, edits)) }
    : { changes: Object.fromEntries(byFile) };
  const action = CodeAction.create(fix.title, edit, CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  if (fix.preferred) action.isPreferred = true;
  return action;
}

/** A fix held back, shown without an edit and with the reason (LSP's `disabled`, for clients that show it greyed). */
export function toDisabledCodeAction(fix: Fix, reason: string, diagnostic: Diagnostic): CodeAction {
  const action = CodeAction.create(fix.title, CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.disabled = { reason };
  return action;
}
