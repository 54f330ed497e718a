import type { FixEdit, Range } from '../types';
import type { Path, SourceMap } from '../yaml/source';
import { lineStartOf } from '../text/lines';

// Fixes are plain text edits computed when the finding is made, so a code action applies them verbatim.
// Each touches as little text as it can: a number, a word, or the lines of one entry, so the inspector's
// comments and layout survive.

export function replace(range: Range, newText: string): FixEdit {
  return { range, newText };
}

/**
 * Deletes the mapping entry at `path`: its whole lines in block style (a trailing comment on them goes
 * too; comment lines above stay), or the entry and one neighbouring comma inside `{ … }`.
 */
export function removeEntry(source: SourceMap, path: Path): FixEdit | undefined {
  const spans = source.spansOf(path);
  const start = spans?.key?.[0] ?? spans?.value?.[0];
  const end = spans?.value?.[1] ?? spans?.key?.[1];
  if (start === undefined || end === undefined) return undefined;
  const text = source.text;
  const lineStart = lineStartOf(text, start);
  const ownsLineStart = /^[ \t]*$/.test(text.slice(lineStart, start));
  // A block value's span already ends after its newline.
  const contentEnd = text[end - 1] === '\n' ? end - 1 : end;
  const newline = text.indexOf('\n', contentEnd);
  const lineEnd = newline < 0 ? text.length : newline;
  const ownsLineEnd = /^[ \t]*(#.*)?\r?$/.test(text.slice(contentEnd, lineEnd));
  if (ownsLineStart && ownsLineEnd) return { range: exact(source, lineStart, newline < 0 ? text.length : newline + 1), newText: '' };
  const after = /^\s*,[ \t]*/.exec(text.slice(end));
  if (after) return { range: exact(source, start, end + after[0].length), newText: '' };
  const before = /,\s*$/.exec(text.slice(Math.max(0, start - 200), start));
  if (before) return { range: exact(source, start - before[0].length, end), newText: '' };
  return { range: exact(source, start, end), newText: '' };
}

/**
 * Adds `key: value` to the mapping holding the entry at `sibling`, right after that entry: on a new line
 * at the sibling's indentation in block style, or after a comma inside `{ … }`.
 */
export function insertAfterEntry(source: SourceMap, sibling: Path, key: string, value: string): FixEdit | undefined {
  const spans = source.spansOf(sibling);
  const start = spans?.key?.[0];
  const end = spans?.value?.[1];
  if (start === undefined || end === undefined) return undefined;
  const text = source.text;
  const lineStart = lineStartOf(text, start);
  const indent = text.slice(lineStart, start);
  const newline = text.indexOf('\n', end);
  const lineEnd = newline < 0 ? text.length : newline;
  if (/^[ \t]*$/.test(indent) && /^[ \t]*(#.*)?\r?$/.test(text.slice(end, lineEnd))) {
    const crlf = text[lineEnd - 1] === '\r';
    const at = crlf ? lineEnd - 1 : lineEnd;
    return { range: exact(source, at, at), newText: `${crlf ? '\r\n' : '\n'}${indent}${key}: ${value}` };
  }
  return { range: exact(source, end, end), newText: `, ${key}: ${value}` };
}

/** A range from offsets as they are (SourceMap.range trims a final line break, which suits underlines, not edits). */
function exact(source: SourceMap, start: number, end: number): Range {
  return { start: source.position(start), end: source.position(end) };
}

/** The text of a value as typed (quotes and all). */
export function typed(source: SourceMap, path: Path): string | undefined {
  const v = source.spansOf(path)?.value;
  return v && source.text.slice(v[0], v[1]);
}
