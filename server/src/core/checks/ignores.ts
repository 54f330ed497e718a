import { codes } from '../codes';
import { finding, inFile } from '../findings';
import { excerpt } from '../text/quote';
import type { Finding, Range } from '../types';
import { commentsOf } from '../yaml/comments';
import type { ParsedYaml } from '../yaml/parse';
import type { Path, Span } from '../yaml/source';
import { listing } from './names';
import { lineStartOf } from '../text/lines';

// `# sqs-ignore SQS051: reason` silences one finding where the inspector has decided it does not matter,
// and says why, in the file, for the next reader. It applies to findings starting on its own line (a
// trailing comment) or on the next line with content (a comment on a line of its own), and to findings
// inside a text spanning lines whose entry starts there: a comment inside a folded commentary paragraph
// would be part of the paragraph, so the directive goes above its key. Silenced findings are kept, marked
// `ignored`, so `sqs check --show-ignored` can list them.

const marker = 'sqs-ignore';
const directivePattern = /^#\s*sqs-ignore\b([^:]*)(?::(.*))?$/;

export interface IgnoreDirective {
  /** The comment. */
  range: Range;
  /** 0-based line of the findings it silences. */
  target: number;
  /** Codes as written (a code or a name), each with the code it resolves to. */
  codes: { written: string; code?: string }[];
  reason: string;
}

const cache = new WeakMap<ParsedYaml, IgnoreDirective[]>();

/** The directives of a parsed file, read once per parse. */
export function ignoreDirectives(parsed: ParsedYaml): IgnoreDirective[] {
  let found = cache.get(parsed);
  if (found) return found;
  found = parsed.text.includes(marker) ? readDirectives(parsed) : [];
  cache.set(parsed, found);
  return found;
}

function readDirectives(parsed: ParsedYaml): IgnoreDirective[] {
  const { text, source } = parsed;
  const byName = new Map([...codes.values()].map((c) => [c.name, c.code]));
  const out: IgnoreDirective[] = [];
  for (const comment of commentsOf(text)) {
    const m = directivePattern.exec(comment.text.trimEnd());
    if (!m) continue;
    const range = source.range([comment.offset, comment.offset + comment.text.trimEnd().length]);
    const lineStart = lineStartOf(text, comment.offset);
    const trailing = text.slice(lineStart, comment.offset).trim() !== '';
    const written = (m[1] ?? '').split(/[\s,]+/).filter((w) => w !== '');
    out.push({
      range,
      target: trailing ? range.start.line : nextContentLine(text, comment.offset, range.start.line),
      codes: written.map((w) => {
        const upper = w.toUpperCase();
        const code = codes.has(upper) ? upper : byName.get(w.toLowerCase());
        return code ? { written: w, code } : { written: w };
      }),
      reason: (m[2] ?? '').trim(),
    });
  }
  return out;
}

/** A scalar value written over several lines, and the line its entry (its key, else the value) starts on. */
export interface MultiLineScalar {
  entryLine: number;
  span: Span;
}

const scalarCache = new WeakMap<ParsedYaml, MultiLineScalar[]>();

/**
 * The scalar written over several lines that holds `offset` (a block scalar's text, a long quoted or plain
 * one), if any: a finding inside it is silenced by a directive above its entry, never inside the text.
 */
export function multiLineScalarAt(parsed: ParsedYaml, offset: number): MultiLineScalar | undefined {
  let found = scalarCache.get(parsed);
  if (!found) scalarCache.set(parsed, (found = multiLineScalars(parsed)));
  // Scalars do not nest, so at most one holds the offset.
  return found.find((s) => s.span[0] <= offset && offset < s.span[1]);
}

function multiLineScalars(parsed: ParsedYaml): MultiLineScalar[] {
  const { source } = parsed;
  const out: MultiLineScalar[] = [];
  for (const path of source.allPaths()) {
    const spans = source.spansOf(path);
    const value = spans?.value;
    if (!value) continue;
    const range = source.range(value);
    if (range.start.line === range.end.line || isCollection(valueAt(parsed.data, path))) continue;
    out.push({ entryLine: source.position((spans.key ?? value)[0]).line, span: value });
  }
  return out;
}

function valueAt(data: unknown, path: Path): unknown {
  let v = data;
  for (const segment of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, segment)) return undefined;
    v = (v as Record<string | number, unknown>)[segment];
  }
  return v;
}

function isCollection(v: unknown): boolean {
  return v !== null && typeof v === 'object';
}

/** The first line after the comment's that is neither blank nor only a comment. */
function nextContentLine(text: string, from: number, line: number): number {
  let offset = text.indexOf('\n', from);
  let n = line;
  while (offset >= 0) {
    n++;
    const end = text.indexOf('\n', offset + 1);
    const content = text.slice(offset + 1, end < 0 ? text.length : end).trim();
    if (content !== '' && !content.startsWith('#')) return n;
    offset = end;
  }
  return line + 1;
}

/**
 * Marks the findings a file's directives silence and adds findings about the directives themselves:
 * SQS090 for one without a reason (it silences nothing until it has one), SQS091 for codes it names that
 * silence nothing on its line (or that are no code at all).
 */
export function applyIgnores(uri: string, parsed: ParsedYaml, findings: Finding[]): Finding[] {
  const directives = ignoreDirectives(parsed);
  if (directives.length === 0) return findings;
  const out = findings.map((f) => ({ ...f }));
  const problems: Finding[] = [];
  for (const d of directives) {
    if (d.codes.length === 0) {
      problems.push(inFile(uri, finding('SQS091', d.range, 'Name the finding to silence: # sqs-ignore SQS051: reason (codes are listed in docs/checks.md).')));
      continue;
    }
    if (d.reason === '') {
      problems.push(
        inFile(
          uri,
          finding(
            'SQS090',
            d.range,
            `Say why ${listing(d.codes.map((c) => excerpt(c.written)))} should be silenced: # sqs-ignore ${d.codes.map((c) => excerpt(c.written)).join(', ')}: <reason>. Until then it silences nothing.`,
          ),
        ),
      );
      continue;
    }
    const unused: string[] = [];
    for (const c of d.codes) {
      const hits = c.code ? out.filter((f) => f.code === c.code && targets(parsed, f, d.target) && !isAboutIgnores(f.code)) : [];
      for (const f of hits) f.ignored = { reason: d.reason, range: d.range };
      if (!c.code) unused.push(`${excerpt(c.written)} is not a finding code`);
      else if (hits.length === 0) unused.push(`there is no ${c.code} on line ${d.target + 1}`);
    }
    if (unused.length > 0)
      problems.push(
        inFile(uri, finding('SQS091', d.range, `This sqs-ignore silences nothing: ${listing(unused)}. Remove it, or move it next to the finding.`)),
      );
  }
  return [...out, ...problems];
}

/** Whether a directive whose target is `line` reaches the finding: on that line, or inside a text spanning lines whose entry starts on it. */
function targets(parsed: ParsedYaml, f: Finding, line: number): boolean {
  if (f.range.start.line === line) return true;
  if (f.range.start.line < line) return false;
  return multiLineScalarAt(parsed, parsed.source.offset(f.range.start))?.entryLine === line;
}

function isAboutIgnores(code: string): boolean {
  return code === 'SQS090' || code === 'SQS091';
}
