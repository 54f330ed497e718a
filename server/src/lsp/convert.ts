import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
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

/** What a diagnostic carries so a code action needs no recomputation. */
export interface DiagnosticData {
  fixes: Fix[];
}

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
  if (f.fixes?.length) d.data = { fixes: f.fixes } satisfies DiagnosticData;
  return d;
}

function isFixList(v: unknown): v is Fix[] {
  return (
    Array.isArray(v) &&
    v.every(
      (f) =>
        f !== null &&
        typeof f === 'object' &&
        typeof (f as Fix).title === 'string' &&
        Array.isArray((f as Fix).edits) &&
        (f as Fix).edits.every((e) => e && typeof e.newText === 'string' && e.range && typeof e.range.start?.line === 'number'),
    )
  );
}

/**
 * The quick fixes a diagnostic carries. Diagnostic data comes back from the client, so it is checked
 * before use: a client that mangles it gets no fix rather than a broken edit.
 */
export function fixesOf(d: Diagnostic): Fix[] {
  if (d.source !== diagnosticSource) return [];
  const fixes = (d.data as Partial<DiagnosticData> | undefined)?.fixes;
  return isFixList(fixes) ? fixes : [];
}

export function toCodeAction(fix: Fix, documentUri: string, diagnostic: Diagnostic): CodeAction {
  const changes: Record<string, TextEdit[]> = {};
  for (const e of fix.edits) (changes[e.uri ?? documentUri] ??= []).push({ range: toRange(e.range), newText: e.newText });
  const edit: WorkspaceEdit = { changes };
  const action = CodeAction.create(fix.title, edit, CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  if (fix.preferred) action.isPreferred = true;
  return action;
}
