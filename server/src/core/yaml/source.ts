import type { LineCounter } from 'yaml';
import type { Position, Range } from '../types';

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** Offsets into the text, in UTF-16 code units (what `yaml` reports and JS strings index). */
export type Span = readonly [start: number, end: number];

export interface NodeSpans {
  /** The key's span, for values held in a mapping. */
  key?: Span;
  /** The value's span without trailing comments or newline. Absent for an empty value (`key:`). */
  value?: Span;
  /**
   * The text itself, when the value's span holds more: a block scalar without its `|`/`>` header line, a
   * quoted scalar without its quotes. What a link to prose selects; findings stay on the whole value.
   */
  text?: Span;
}

/**
 * Where each value of a parsed file sits in its text, looked up by the value's path (the same path zod
 * reports in an issue). Built in one walk of the YAML nodes, so each lookup is a map access.
 */
export class SourceMap {
  /**
   * Path key → slot in `offsets`, which holds six numbers a slot (key, value and text spans, -1 where absent). Every
   * indexed file keeps its map, so it is kept flat: objects and arrays per value cost a national workspace about
   * 40 KB a case file (tests and `npm run bench` scale measure it).
   */
  private readonly slots = new Map<string, number>();
  /** Sealed into 32-bit integers once the walk is done (seal), half the bytes of a list of numbers. */
  private offsets: number[] | Int32Array = [];
  /** The few paths their key does not spell back (a key holding NUL): looked up rather than decoded. */
  private readonly oddPaths = new Map<string, Path>();

  constructor(
    readonly text: string,
    private readonly lines: LineCounter,
  ) {}

  /** Spans as arguments rather than an object: the walk of the YAML nodes records every value of every file. */
  set(path: Path, key: Span | undefined, value: Span | undefined, text: Span | undefined): void {
    const pk = interned(pathKey(path));
    let slot = this.slots.get(pk);
    if (slot === undefined) {
      if (this.offsets instanceof Int32Array) this.offsets = Array.from(this.offsets);
      slot = this.offsets.length;
      this.slots.set(pk, slot);
      if (path.some((p) => typeof p === 'string' && p.includes('\u0000'))) this.oddPaths.set(pk, path);
    }
    const o = this.offsets;
    o[slot] = key ? key[0] : -1;
    o[slot + 1] = key ? key[1] : -1;
    o[slot + 2] = value ? value[0] : -1;
    o[slot + 3] = value ? value[1] : -1;
    o[slot + 4] = text ? text[0] : -1;
    o[slot + 5] = text ? text[1] : -1;
  }

  /** Every value is recorded: what the file keeps from here is packed. */
  seal(): void {
    if (!(this.offsets instanceof Int32Array)) this.offsets = Int32Array.from(this.offsets);
  }

  has(path: Path): boolean {
    return this.slots.has(pathKey(path));
  }

  spansOf(path: Path): NodeSpans | undefined {
    const slot = this.slots.get(pathKey(path));
    return slot === undefined ? undefined : this.spansAt(slot);
  }

  private spansAt(slot: number): NodeSpans {
    const spans: { key?: Span; value?: Span; text?: Span } = {};
    const key = this.spanAt(slot);
    const value = this.spanAt(slot + 2);
    const text = this.spanAt(slot + 4);
    if (key) spans.key = key;
    if (value) spans.value = value;
    if (text) spans.text = text;
    return spans;
  }

  private spanAt(at: number): Span | undefined {
    const o = this.offsets;
    return o[at]! < 0 ? undefined : [o[at]!, o[at + 1]!];
  }

  /**
   * The first of the spans at `path` that is there, in the order asked (0 key, 2 value, 4 text), as a range:
   * the lookups every value read and every finding makes, without building its spans.
   */
  private firstRange(path: Path, order: readonly number[]): Range | undefined {
    const slot = this.slots.get(pathKey(path));
    if (slot === undefined) return undefined;
    for (const at of order) if (this.offsets[slot + at]! >= 0) return this.range([this.offsets[slot + at]!, this.offsets[slot + at + 1]!]);
    return undefined;
  }

  private pathOf(key: string): Path {
    return this.oddPaths.get(key) ?? decodePathKey(key);
  }

  /** The range of the value at `path`, or of its key when the value is empty. */
  valueRange(path: Path): Range | undefined {
    return this.firstRange(path, valueOrKey);
  }

  /** The range of the text of the value at `path` (see NodeSpans.text), else as valueRange. */
  textRange(path: Path): Range | undefined {
    return this.firstRange(path, textOrValueOrKey);
  }

  /** The range of the text of the value at `path` when it is not the whole value (see NodeSpans.text). */
  ownTextRange(path: Path): Range | undefined {
    return this.firstRange(path, textOnly);
  }

  /** The range of the key at `path`, or of the value for sequence items and the root. */
  keyRange(path: Path): Range | undefined {
    return this.firstRange(path, keyOrValue);
  }

  /** From the key's start to the value's end: the whole `key: value` entry. */
  entryRange(path: Path): Range | undefined {
    const s = this.spansOf(path);
    if (!s) return undefined;
    const start = (s.key ?? s.value)?.[0];
    const end = (s.value ?? s.key)?.[1];
    return start === undefined || end === undefined ? undefined : this.range([start, end]);
  }

  /**
   * The nearest located ancestor of `path` (zod reports a missing key at a path that has no node yet).
   * Returns the located path so callers can say where they anchored.
   */
  nearest(path: Path): Path {
    for (let n = path.length; n > 0; n--) {
      const prefix = path.slice(0, n);
      if (this.has(prefix)) return prefix;
    }
    return [];
  }

  /**
   * The innermost value (or key) at an offset: what an editor feature is pointing at. `inclusiveEnd`
   * counts the offset just after a word as inside it (where the cursor sits while typing); hovers point
   * at a character and leave it off.
   */
  at(offset: number, inclusiveEnd = false): { path: Path; on: 'key' | 'value' } | undefined {
    const inside = (s: Span | undefined) => s !== undefined && s[0] <= offset && (offset < s[1] || (inclusiveEnd && offset === s[1]));
    let best: { path: Path; on: 'key' | 'value'; size: number } | undefined;
    for (const [key, slot] of this.slots) {
      const spans = this.spansAt(slot);
      let path: Path | undefined;
      for (const on of ['key', 'value'] as const) {
        const s = spans[on];
        if (!inside(s)) continue;
        const size = s![1] - s![0];
        // The narrowest span wins; on a tie (a value and its own key never overlap) the deeper path.
        path ??= this.pathOf(key);
        if (!best || size < best.size || (size === best.size && path.length > best.path.length)) best = { path, on, size };
      }
    }
    return best && { path: best.path, on: best.on };
  }

  /** Every located path, in no particular order. */
  *allPaths(): IterableIterator<Path> {
    for (const key of this.slots.keys()) yield this.pathOf(key);
  }

  position(offset: number): Position {
    const { line, col } = this.lines.linePos(Math.max(0, Math.min(offset, this.text.length)));
    return { line: line - 1, character: col - 1 };
  }

  /** A character past the end of its line means the line's end (as LSP specifies), never the next line. */
  offset(position: Position): number {
    const lineStart = this.lines.lineStarts[position.line];
    if (lineStart === undefined) return this.text.length;
    let lineEnd = this.lines.lineStarts[position.line + 1] ?? this.text.length;
    while (lineEnd > lineStart && (this.text[lineEnd - 1] === '\n' || this.text[lineEnd - 1] === '\r')) lineEnd--;
    return Math.min(lineStart + Math.max(0, position.character), lineEnd);
  }

  /** Converts an offset span, trimming a trailing newline so a range never spills onto the next line. */
  range([start, end]: Span): Range {
    let e = end;
    while (e > start && (this.text[e - 1] === '\n' || this.text[e - 1] === '\r')) e--;
    return { start: this.position(start), end: this.position(e) };
  }

  /** The whole of one line (0-based), without its line break. */
  lineRange(line: number): Range {
    const start = this.lines.lineStarts[line] ?? this.text.length;
    const next = this.lines.lineStarts[line + 1] ?? this.text.length;
    return this.range([start, next]);
  }
}

/**
 * One string for each path key, shared by every file's map: the paths of case files are mostly the same few hundred
 * (":judgements\u0000:2.1\u0000:reasons"), and a copy per file was a tenth of what an indexed case file kept. Bounded,
 * so keys typed in passing (a misspelt key per keystroke) cannot grow it without end: past the bound a key is its own.
 */
const internedKeys = new Map<string, string>();
const maxInterned = 20_000;

function interned(key: string): string {
  const shared = internedKeys.get(key);
  if (shared !== undefined) return shared;
  if (internedKeys.size < maxInterned) internedKeys.set(key, key);
  return key;
}

// Slots of a value's six offsets: the key's span at 0, the value's at 2, its text's at 4.
const valueOrKey = [2, 0] as const;
const textOrValueOrKey = [4, 2, 0] as const;
const keyOrValue = [0, 2] as const;
const textOnly = [4] as const;

function pathKey(path: Path): string {
  // NUL cannot appear in a YAML key, so joined paths never collide.
  let key = '';
  for (let i = 0; i < path.length; i++) {
    const p = path[i]!;
    key += (i > 0 ? '\u0000' : '') + (typeof p === 'number' ? '#' : ':') + p;
  }
  return key;
}

function decodePathKey(key: string): Path {
  if (key === '') return [];
  return key.split('\u0000').map((part) => (part[0] === '#' ? Number(part.slice(1)) : part.slice(1)));
}
