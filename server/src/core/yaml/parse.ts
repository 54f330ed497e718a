import { LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import type { Code } from '../codes';
import { finding, type LocalFinding } from '../findings';
import { bidiControls, escapedBidiControls } from '../text/bidi';
import { excerpt, quoted } from '../text/quote';
import { limitNesting } from './nesting';
import { flowOpenings, toPlain, type Opening } from './nodes';
import { SourceMap, type Path, type Span } from './source';
import type { Range } from '../types';

export interface ParseLimits {
  /**
   * Larger texts are not parsed at all: a hand-typed SQS file is a few kilobytes, and parsing is linear but
   * not cheap (about 0.5 s for 256 kB of dense flow mappings on a 2-core machine), paid on every keystroke.
   */
  maxLength: number;
  /** Upper bound on values produced by expanding aliases: the guard against alias bombs. */
  maxAliasNodes: number;
  /** Lists and mappings nested deeper are not read (an SQS file needs two or three levels): see nesting.ts. */
  maxDepth: number;
  /** Syntax findings listed per file; one more says how many others there are. */
  maxSyntaxFindings: number;
}

export const defaultLimits: ParseLimits = { maxLength: 256_000, maxAliasNodes: 10_000, maxDepth: 64, maxSyntaxFindings: 100 };

export interface ParsedYaml {
  text: string;
  source: SourceMap;
  /** The file's data as plain JS values; mapping keys are always the text the inspector typed. */
  data: unknown;
  findings: LocalFinding[];
  /** Problems found before parsing (decoding the bytes); included in `findings`. */
  readProblems: LocalFinding[];
}

/**
 * The text with each lone CR made an LF. VS Code and LSP count a CR alone as a line break (an old Mac file, or
 * one pasted from one); yaml and every line-based reading here see only LF (CRLF ends in one). Same length, same
 * offsets, so every range is where the editor has it.
 */
export function withLineFeeds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/**
 * Parses YAML text once; everything else (validation, checks, hovers) reads the result. Never throws. The result's
 * text has its lone CRs made LFs (withLineFeeds).
 */
export function parseYaml(typed: string, limits: ParseLimits = defaultLimits, readProblems: LocalFinding[] = []): ParsedYaml {
  const text = withLineFeeds(typed);
  // Lines counted here, not by yaml's lexer: in some broken files (a stray `]` at the start of a line) it takes the
  // line breaks inside a token it gave up on for none, and positions after them ran past the end of their line.
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  if (text.length > limits.maxLength) {
    const source = new SourceMap(text, lineCounter);
    return {
      text,
      source,
      data: undefined,
      readProblems,
      findings: [
        ...readProblems,
        finding(
          'SQS003',
          source.lineRange(0),
          `File is ${formatSize(text.length)}; files over ${formatSize(limits.maxLength)} are not checked. An SQS case file is a few kilobytes — is this the right file?`,
        ),
      ],
    };
  }

  const limited = limitNesting(text, limits.maxDepth, limits.maxSyntaxFindings);
  // yaml's errors are Errors, each capturing a stack nobody reads: in a file with thousands of slips that is half
  // the parse. Synchronous, so nothing else runs while the limit is off.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let doc: Document;
  try {
    doc = parseDocument(limited.text, {
      prettyErrors: false,
      // Duplicate keys are detected on the typed key text in toPlain (so "1.1" and 1.10 stay distinct).
      uniqueKeys: false,
    });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  // The typed text, not the blanked one: values, quick fixes and links to prose read it (the offsets are the same).
  const source = new SourceMap(text, lineCounter);
  const syntax: LocalFinding[] = limited.tooDeep.map(({ start }) =>
    finding(
      'SQS001',
      source.range([start, start + 1]),
      `Lists or mappings are nested more than ${limits.maxDepth} deep here (an SQS file needs two or three levels): this value is not read.`,
    ),
  );
  let openings: Opening[] | undefined;
  let exhausted = false;
  for (const e of doc.errors) {
    // Running out of stack, yaml gives up at each level it unwinds through: one finding says it.
    if (e.code === 'RESOURCE_EXHAUSTION') {
      if (exhausted) continue;
      exhausted = true;
    }
    syntax.push(unclosed(() => (openings ??= flowOpenings(doc)), source, e) ?? fromYamlError(source, e, 'SQS001'));
  }
  for (const w of doc.warnings) syntax.push(fromYamlError(source, w, 'SQS002'));
  syntax.push(...bidiControls(text, (span) => source.range(span)));

  const walked = toPlain(doc, source, limits);
  source.seal();
  syntax.push(...walked.findings);
  // A control written as an escape needs a backslash (a double-quoted `"\u202E"`): most files have none to walk for.
  if (text.includes('\\')) syntax.push(...escapedBidiControls(stringsOf(walked.data, source)));
  // After the listed ones, never cut: it says why nothing further down is found.
  const rest =
    limited.restFrom === undefined
      ? []
      : [
          finding(
            'SQS001',
            source.range([limited.restFrom, limited.restFrom + 1]),
            `More than ${limits.maxSyntaxFindings} lists or mappings in this file are never closed: the rest of the file, from here, is not read. Close them, from the top.`,
          ),
        ];
  return { text, source, data: walked.data, findings: [...readProblems, ...listed(syntax, limits.maxSyntaxFindings), ...rest], readProblems };
}

/** The file's string values with where they are and their text as typed, for checks of what a value holds. */
function* stringsOf(data: unknown, source: SourceMap, path: Path = []): Generator<{ value: string; range: Range; raw: string }> {
  if (typeof data === 'string') {
    const spans = source.spansOf(path);
    const span = spans?.value;
    if (span) yield { value: data, range: source.range(span), raw: source.text.slice(span[0], span[1]) };
  } else if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) yield* stringsOf(data[i], source, [...path, i]);
  } else if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) yield* stringsOf(value, source, [...path, key]);
  }
}

/**
 * Each distinct finding once (yaml reports an unclosed `[[[` three times over, all at the innermost), the first
 * `max` of them in the order of the file, and then one that says how many more there are: a file with thousands
 * of slips is fixed from the top, and its findings must never cost the editor more than the parse.
 */
function listed(findings: LocalFinding[], max: number): LocalFinding[] {
  const seen = new Set<string>();
  const distinct = findings.filter((f) => {
    const key = `${f.code} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (distinct.length <= max) return distinct;
  const ordered = distinct
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.range.start.line - b.f.range.start.line || a.f.range.start.character - b.f.range.start.character || a.i - b.i)
    .map(({ f }) => f);
  const rest = ordered.slice(max);
  const code = rest.some((f) => f.severity === 'error') ? 'SQS001' : 'SQS002';
  return [
    ...ordered.slice(0, max),
    finding(
      code,
      rest[0]!.range,
      `${rest.length.toLocaleString('en-GB')} more problems of this kind in this file are not listed: fix the ones above first, from the top.`,
    ),
  ];
}

/** An unclosed bracket or quote, reported where it was opened rather than where yaml gave up. */
function unclosed(openings: () => Opening[], source: SourceMap, e: YAMLError): LocalFinding | undefined {
  const closing = /end with a ([\]}])|Missing closing (["'])/.exec(e.message);
  if (!closing) return undefined;
  const opening = openingAt(openings(), e.pos[0]);
  if (!opening) return undefined;
  const lineEnd = source.text.indexOf('\n', opening.start);
  const end = lineEnd < 0 ? source.text.length : lineEnd;
  const what =
    opening.kind === 'quote'
      ? `This quote is never closed: end the text with ${closing[2] ?? '"'}`
      : `This ${opening.kind} is never closed: end it with ${closing[1]}`;
  return finding('SQS001', source.range([opening.start, Math.max(end, opening.start + 1)]), `${what} (${e.code}).`);
}

/**
 * The innermost flow collection or quoted scalar that runs up to `offset` (yaml reports an unclosed `[`, `{` or
 * quote where it gave up, often the next line or the end of the file). Openings are in document order, so the
 * innermost one around an offset is the last one that starts before it and still reaches it.
 */
function openingAt(openings: readonly Opening[], offset: number): Opening | undefined {
  let lo = 0;
  let hi = openings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (openings[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i--) if (offset <= openings[i]!.end + 1) return openings[i];
  return undefined;
}

function fromYamlError(source: SourceMap, e: YAMLError, code: Code): LocalFinding {
  const [start, end] = e.pos;
  const span: Span = end > start ? [start, end] : widen(source.text, start);
  const message = describeYamlError(e);
  return finding(code, source.range(span), message);
}

/** A zero-width error still needs something to underline: the character there, or the line's last one. */
function widen(text: string, at: number): Span {
  if (at < text.length && text[at] !== '\n' && text[at] !== '\r') return [at, at + 1];
  const before = Math.max(0, at - 1);
  return text[before] === '\n' ? [at, at] : [before, at];
}

const yamlHints: Partial<Record<string, string>> = {
  TAB_AS_INDENT: 'Tabs cannot indent YAML; use spaces.',
  MULTIPLE_DOCS: 'An SQS file holds one document; remove the extra `---` or split the file.',
  DUPLICATE_KEY: 'The same key appears twice.',
  BAD_INDENT: 'The indentation does not line up with the enclosing block.',
};

function describeYamlError(e: YAMLError): string {
  // yaml's messages end with a source excerpt when prettyErrors is on; we turned it off, so the first
  // line is the message itself.
  // yaml's own words may quote the source (a tag, a token): no more of it than any message quotes.
  const first = (e.message.split('\n')[0] ?? e.message).replace(/"([^"]{41,})"/g, (_, v: string) => quoted(v)).replace(/\S{41,}/g, excerpt);
  if (e.code === 'RESOURCE_EXHAUSTION') return `${resourceExhaustion(first)} (${e.code})`;
  const hint = yamlHints[e.code];
  return hint && !first.includes(hint) ? `${first} (${e.code}) ${hint}` : `${first} (${e.code})`;
}

/**
 * yaml says RESOURCE_EXHAUSTION for two things: its reader ran out of stack (lists or mappings nested
 * hundreds deep; the message is the engine's "Maximum call stack size exceeded"), or aliases expanded
 * past yaml's own limit (which toPlain's budget, SQS006, reaches first). Say which.
 */
function resourceExhaustion(message: string): string {
  if (/alias/i.test(message)) return 'Aliases expand to too much data (an alias bomb?).';
  return 'Lists or mappings are nested too deeply to read here (an SQS file needs a few levels, not hundreds); the nesting from here on is read as empty.';
}

function formatSize(chars: number): string {
  return chars >= 1_000_000 ? `${(chars / 1_000_000).toFixed(1)} MB` : `${Math.ceil(chars / 1000)} kB`;
}
