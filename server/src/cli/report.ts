import path from 'node:path';
import type { Finding } from '../core/api';
import { toPath } from './files';
import { terminalJson, terminalLine } from './terminal';

/** A path as the user would type it: relative to the working directory when below it. */
export function displayPath(uri: string, cwd = process.cwd()): string {
  const file = toPath(uri);
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

const order = { error: 0, warning: 1, information: 2, hint: 3 } as const;

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      a.uri.localeCompare(b.uri) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      order[a.severity] - order[b.severity],
  );
}

/**
 * `path:line:col severity code message`, 1-based like tsc and eslint, with related places indented.
 * A finding silenced by `# sqs-ignore` (listed only with --show-ignored) reads `ignored (reason)` in place
 * of its severity and is not counted in the summary, which says how many were silenced.
 */
export function formatHuman(findings: Finding[], fileCount: number, ignoredCount = 0): string {
  const lines: string[] = [];
  for (const f of sortFindings(findings)) {
    const status = f.ignored ? `ignored (${f.ignored.reason}) ${f.severity}` : f.severity;
    lines.push(terminalLine(`${displayPath(f.uri)}:${f.range.start.line + 1}:${f.range.start.character + 1} ${status} ${f.code} ${f.message}`));
    for (const r of f.related ?? []) {
      lines.push(terminalLine(`    ${displayPath(r.uri)}:${r.range.start.line + 1}:${r.range.start.character + 1} ${r.message}`));
    }
  }
  lines.push(
    summary(
      findings.filter((f) => !f.ignored),
      fileCount,
      ignoredCount,
    ),
  );
  return lines.join('\n');
}

function summary(findings: Finding[], fileCount: number, ignoredCount: number): string {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const parts = [
    plural(count('error'), 'error'),
    plural(count('warning'), 'warning'),
    ...(count('information') + count('hint') > 0 ? [plural(count('information') + count('hint'), 'note')] : []),
    ...(ignoredCount > 0 ? [`${ignoredCount} ignored`] : []),
  ];
  return `${parts.join(', ')} in ${plural(fileCount, 'file')}.`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The JSON output: 0-based LSP ranges, paths as displayed, URIs for tools. */
export function formatJson(findings: Finding[]): string {
  return terminalJson(
    JSON.stringify(
      sortFindings(findings).map((f) => ({
        file: displayPath(f.uri),
        uri: f.uri,
        range: f.range,
        severity: f.severity,
        code: f.code,
        message: f.message,
        related: (f.related ?? []).map((r) => ({ file: displayPath(r.uri), uri: r.uri, range: r.range, message: r.message })),
        ...(f.fixes && { fixes: f.fixes }),
        ...(f.ignored && { ignored: f.ignored }),
      })),
      null,
      2,
    ),
  );
}

/**
 * Where a check that threw is told: its SQS009 finding says what is missing; stderr gets the stack, once per
 * check and file, for the bug report the finding asks for.
 */
export function internalErrorsTo(err: (s: string) => void): (error: unknown, check: string, uri: string) => void {
  const told = new Set<string>();
  return (error, check, uri) => {
    const key = `${check}\0${uri}`;
    if (told.has(key)) return;
    told.add(key);
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    err(`sqs: internal error in the check of ${check} on ${displayPath(uri)} (please report it, with the file):\n${stack}\n`);
  };
}
