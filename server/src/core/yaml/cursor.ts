import type { Path, PathSegment, Span } from './source';
import { lineStartOf } from '../text/lines';

// Where the cursor is in a file being typed, read from the text around it. The parse of a half-typed line
// says little (`  "2.` is not yet a key), so completion works from indentation and the current line the
// way an inspector sees the file: block mappings and sequences, and flow `{ }` / `[ ]` on one line.

export interface CursorContext {
  /**
   * - `key`: a key is being typed in the mapping at `path`;
   * - `value`: the value of the entry at `path` (its last segment is the key);
   * - `item`: an item of the sequence at `path` (a scalar, or the first key of a mapping item).
   */
  kind: 'key' | 'value' | 'item';
  path: Path;
  /** What is typed so far (quotes included), and the span a completion replaces. */
  prefix: string;
  replace: Span;
  /** Inside `{ }` or `[ ]`: insert single-line text only. */
  flow: boolean;
  /** The column where a block key at the cursor starts, for indenting multi-line insertions. */
  column: number;
}

interface Entry {
  kind: 'key' | 'item';
  col: number;
  key?: string;
  /** For keys: the text after the colon, trimmed ('' for a block parent). */
  rest?: string;
}

const keyPattern = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]},:-][^#:]*?)\s*:(?=\s|$)/;

/** The context at `offset`, or undefined inside comments, block scalars and multi-line text. */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const lineStart = lineStartOf(text, offset);
  const prefixText = text.slice(lineStart, offset);
  if (/^\s*(---|\.\.\.)/.test(prefixText) || inComment(prefixText)) return undefined;

  const line = parseLine(prefixText);
  const first = line.entries[0];
  const col = first?.col ?? line.tailCol;
  const ancestors = containerPath(text, lineStart, col, first?.kind === 'item');
  if (ancestors === undefined) return undefined;

  const path: PathSegment[] = [...ancestors];
  for (const e of line.entries) path.push(e.kind === 'item' ? 0 : e.key!);
  const last = line.entries[line.entries.length - 1];
  const tail = line.tail;
  const tailStart = lineStart + line.tailCol;

  if (tail.startsWith('[') || tail.startsWith('{')) {
    if (!last || last.kind !== 'key') return undefined;
    return flowContext(tail, tailStart, path, last.col);
  }
  if (last?.kind === 'key' && line.afterColon) {
    if (/^[|>]/.test(tail)) return undefined;
    return { kind: 'value', path, prefix: tail, replace: [tailStart, offset], flow: false, column: last.col };
  }
  if (last?.kind === 'item') {
    path.pop();
    return { kind: 'item', path, prefix: tail, replace: [tailStart, offset], flow: false, column: line.tailCol };
  }
  return { kind: 'key', path, prefix: tail, replace: [tailStart, offset], flow: false, column: line.tailCol };
}

/** Splits the typed part of a line into `- ` items and `key:` entries, leaving what follows as the tail. */
function parseLine(prefix: string): { entries: Entry[]; tail: string; tailCol: number; afterColon: boolean } {
  const entries: Entry[] = [];
  let pos = prefix.length - prefix.trimStart().length;
  let afterColon = false;
  for (;;) {
    const rest = prefix.slice(pos);
    const dash = /^-(\s+|$)/.exec(rest);
    if (dash && !afterColon) {
      entries.push({ kind: 'item', col: pos });
      if (dash[1] === '') {
        // `-` with the cursor right after it: the item's text has not started.
        pos = prefix.length;
        break;
      }
      pos += dash[0].length;
      continue;
    }
    if (afterColon) break;
    const key = keyPattern.exec(rest);
    if (!key || rest.startsWith('[') || rest.startsWith('{')) break;
    entries.push({ kind: 'key', col: pos, key: unquote(key[1]!.trim()) });
    pos += key[0].length;
    afterColon = true;
    pos += prefix.slice(pos).length - prefix.slice(pos).trimStart().length;
  }
  return { entries, tail: prefix.slice(pos), tailCol: pos, afterColon };
}

/**
 * The path of the block container holding a node (a key, or a `- ` item when `isItem`) that starts at
 * column `col` on the line beginning at `lineStart`: the nearest line above with an entry to its left
 * (or, for an item, a key at its own column: `reasons:\n- late`). Undefined when the node sits inside
 * multi-line text rather than in a mapping.
 */
function containerPath(text: string, lineStart: number, col: number, isItem: boolean): PathSegment[] | undefined {
  if (col === 0 && !isItem) return [];
  let end = lineStart - 1;
  while (end >= 0) {
    const start = lineStartOf(text, end);
    const raw = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#') || /^(---|\.\.\.)/.test(raw)) continue;
    const { entries, tail } = parseLine(raw);
    if (entries.length === 0) {
      // Text with no key left of us: the node continues multi-line text.
      if (raw.length - raw.trimStart().length < col) return undefined;
      continue;
    }
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i]!;
      const parent = e.col < col || (isItem && e.kind === 'key' && e.col === col);
      if (!parent) continue;
      const inline = i === entries.length - 1 && tail.trim() !== '' && !tail.trim().startsWith('#');
      if (e.kind === 'key' && inline) return undefined;
      const first = entries[0]!;
      const base = containerPath(text, start, first.col, first.kind === 'item');
      if (!base) return undefined;
      return [...base, ...entries.slice(0, i + 1).map((x): PathSegment => (x.kind === 'item' ? 0 : x.key!))];
    }
  }
  return [];
}

function flowContext(tail: string, tailStart: number, path: PathSegment[], column: number): CursorContext | undefined {
  interface Frame {
    kind: 'map' | 'seq';
    path: PathSegment[];
    key?: string;
    afterColon: boolean;
    index: number;
    tokenStart: number;
  }
  const stack: Frame[] = [];
  let i = 0;
  const open = (kind: 'map' | 'seq', at: number) => {
    const parent = stack[stack.length - 1];
    const base = !parent ? path : parent.kind === 'seq' ? [...parent.path, parent.index] : [...parent.path, parent.key ?? ''];
    stack.push({ kind, path: base, afterColon: false, index: 0, tokenStart: at + 1 });
  };
  while (i < tail.length) {
    const c = tail[i]!;
    const top = stack[stack.length - 1];
    if (c === '"' || c === "'") {
      const close = findClosingQuote(tail, i);
      if (close < 0) break;
      i = close + 1;
      continue;
    }
    if (c === '[' || c === '{') open(c === '[' ? 'seq' : 'map', i);
    else if ((c === ']' || c === '}') && top) {
      stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) parent.tokenStart = i + 1;
    } else if (c === ',' && top) {
      if (top.kind === 'seq') top.index++;
      top.afterColon = false;
      delete top.key;
      top.tokenStart = i + 1;
    } else if (c === ':' && top?.kind === 'map' && !top.afterColon && /[\s,\]}]/.test(tail[i + 1] ?? ' ')) {
      top.key = unquote(tail.slice(top.tokenStart, i).trim());
      top.afterColon = true;
      top.tokenStart = i + 1;
    }
    i++;
  }
  const top = stack[stack.length - 1];
  if (!top) return undefined;
  const typed = tail.slice(top.tokenStart);
  const lead = typed.length - typed.trimStart().length;
  const prefix = typed.trimStart();
  const replace: Span = [tailStart + top.tokenStart + lead, tailStart + tail.length];
  if (top.kind === 'seq') return { kind: 'item', path: top.path, prefix, replace, flow: true, column };
  if (top.afterColon) return { kind: 'value', path: [...top.path, top.key ?? ''], prefix, replace, flow: true, column };
  return { kind: 'key', path: top.path, prefix, replace, flow: true, column };
}

function findClosingQuote(s: string, open: number): number {
  const q = s[open];
  for (let i = open + 1; i < s.length; i++) {
    if (q === '"' && s[i] === '\\') {
      i++;
      continue;
    }
    if (s[i] === q) {
      if (q === "'" && s[i + 1] === "'") {
        i++;
        continue;
      }
      return i;
    }
  }
  return -1;
}

/** A `#` that starts a comment: at the line start or after a space, outside quotes. */
function inComment(line: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if ((c === '"' || c === "'") && (i === 0 || /[\s:[{,-]/.test(line[i - 1]!))) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return true;
  }
  return false;
}

export function unquote(key: string): string {
  if (key.length >= 2 && key.startsWith('"') && key.endsWith('"')) {
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1);
    }
  }
  if (key.length >= 2 && key.startsWith("'") && key.endsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}
