import { LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import type { Code } from '../codes';
import { finding, type LocalFinding } from '../findings';
import { openingOf, toPlain } from './nodes';
import { SourceMap, type Span } from './source';

export interface ParseLimits {
  /**
   * Larger texts are not parsed at all: a hand-typed SQS file is a few kilobytes, and parsing is linear but
   * not cheap (about 0.5 s for 256 kB of dense flow mappings on a 2-core machine), paid on every keystroke.
   */
  maxLength: number;
  /** Upper bound on values produced by expanding aliases: the guard against alias bombs. */
  maxAliasNodes: number;
}

export const defaultLimits: ParseLimits = { maxLength: 256_000, maxAliasNodes: 10_000 };

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
  const lineCounter = new LineCounter();
  if (text.length > limits.maxLength) {
    // Count lines so positions still work for the one finding we report.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
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

  const doc = parseDocument(text, {
    lineCounter,
    keepSourceTokens: true,
    prettyErrors: false,
    // Duplicate keys are detected on the typed key text in toPlain (so "1.1" and 1.10 stay distinct).
    uniqueKeys: false,
  });
  const source = new SourceMap(text, lineCounter);
  const findings: LocalFinding[] = [...readProblems];
  // Running out of stack, yaml gives up at each level it unwinds through: one finding says it.
  const errors = doc.errors.filter((e, i) => !(e.code === 'RESOURCE_EXHAUSTION' && doc.errors.slice(0, i).some((o) => o.code === e.code)));
  for (const e of errors) findings.push(unclosed(doc, source, e) ?? fromYamlError(source, e, 'SQS001'));
  for (const w of doc.warnings) findings.push(fromYamlError(source, w, 'SQS002'));

  const walked = toPlain(doc, source, limits.maxAliasNodes);
  findings.push(...walked.findings);
  return { text, source, data: walked.data, findings, readProblems };
}

/** An unclosed bracket or quote, reported where it was opened rather than where yaml gave up. */
function unclosed(doc: Document, source: SourceMap, e: YAMLError): LocalFinding | undefined {
  const closing = /end with a ([\]}])|Missing closing (["'])/.exec(e.message);
  if (!closing) return undefined;
  const opening = openingOf(doc, e.pos[0]);
  if (!opening) return undefined;
  const lineEnd = source.text.indexOf('\n', opening.start);
  const end = lineEnd < 0 ? source.text.length : lineEnd;
  const what =
    opening.kind === 'quote'
      ? `This quote is never closed: end the text with ${closing[2] ?? '"'}`
      : `This ${opening.kind} is never closed: end it with ${closing[1]}`;
  return finding('SQS001', source.range([opening.start, Math.max(end, opening.start + 1)]), `${what} (${e.code}).`);
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
  const first = e.message.split('\n')[0] ?? e.message;
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
