import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../server/src/cli/main';
import type { Finding, Fix } from '../../server/src/core/api';

// Mutated copies of the bundled examples in temp folders, checked through the CLI's own entry point.

export const repoRoot = path.resolve(__dirname, '../..');
export const liverpool = path.join(repoRoot, 'examples/liverpool-2013');
export const liverpoolTalliesOnly = path.join(repoRoot, 'examples/liverpool-2013-tallies-only');

export type Edit = (text: string) => string;

/** Replaces `from` with `to`, failing the test if `from` is not in the text exactly once. */
export function swap(from: string, to: string): Edit {
  return (text) => {
    const at = text.indexOf(from);
    assert.ok(at >= 0, `not found: ${JSON.stringify(from)}`);
    assert.equal(text.indexOf(from, at + 1), -1, `found more than once: ${JSON.stringify(from)}`);
    return text.slice(0, at) + to + text.slice(at + from.length);
  };
}

/** Copies an example folder to a fresh temp folder and applies edits to files in it (`null` deletes). */
export function copyOf(example: string, edits: Record<string, Edit | string | null> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sqs-example-'));
  cpSync(example, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const p = path.join(dir, file);
    if (edit === null) rmSync(p);
    else {
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, typeof edit === 'string' ? edit : edit(readFileSync(p, 'utf8')));
    }
  }
  return dir;
}

export interface CliFinding extends Finding {
  /** Path relative to the checked folder. */
  file: string;
  /** 1-based line, as printed. */
  line: number;
}

/** Runs `sqs check --format json <dir> ...args` in-process; findings carry their file and 1-based line. */
export function check(dir: string, ...args: string[]): { code: number; findings: CliFinding[]; stderr: string } {
  let stdout = '';
  let stderr = '';
  // `check` is synchronous; only `render` returns a promise.
  const code = main(
    ['check', '--format', 'json', ...args, dir],
    (s) => (stdout += s),
    (s) => (stderr += s),
  ) as number;
  if (code === 2) return { code, findings: [], stderr };
  const raw = JSON.parse(stdout) as (Finding & { file: string })[];
  return {
    code,
    stderr,
    findings: raw.map((f) => ({ ...f, file: path.relative(dir, fileURLToPath(f.uri)), line: f.range.start.line + 1 })),
  };
}

/** 1-based line of the only line containing `needle`. */
export function lineOf(dir: string, file: string, needle: string): number {
  const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
  const hits = lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  assert.equal(hits.length, 1, `${file}: ${JSON.stringify(needle)} is on lines ${hits.join(', ') || 'none'}`);
  return hits[0]!;
}

/** Applies a fix's edits to a file in place, as an editor would (edits given in document order or not). */
export function applyFix(dir: string, file: string, fix: Fix): string {
  const p = path.join(dir, file);
  let text = readFileSync(p, 'utf8');
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const offset = (pos: { line: number; character: number }) => lineStarts[pos.line]! + pos.character;
  const edits = [...fix.edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const e of edits) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  writeFileSync(p, text);
  return text;
}

/** Short form for assertion messages. */
export function summary(findings: CliFinding[]): string {
  return findings.map((f) => `${f.file}:${f.line} ${f.severity} ${f.code} ${f.message}`).join('\n');
}
