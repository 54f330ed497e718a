import type { Position, Range } from '../types';

// A closed case file keeps its model for as long as the workspace is open: every judgement, fact and value with the
// ranges findings point at, tens per file and ten thousand files in a national workspace. A range as objects is
// three of them (the range and its two positions); here it is two numbers in the object that owns it, and a plain
// Range is made when it is read.

/**
 * Characters per line a packed position allows for: far more than the longest file that is parsed at all
 * (ParseLimits.maxLength, 256,000 characters). A position above line 1,024 is a larger number than a small integer,
 * so it is held apart, but still exact.
 */
const lineWidth = 2 ** 21;

/** A position as one number. */
export function packed(p: Position): number {
  return p.line * lineWidth + p.character;
}

export function position(at: number): Position {
  const character = at % lineWidth;
  return { line: (at - character) / lineWidth, character };
}

export function unpack(start: number, end: number): Range {
  return { start: position(start), end: position(end) };
}

export interface Located<T> {
  readonly value: T;
  /** Where the value is written (for a bare key with no value, the key). */
  readonly range: Range;
  /**
   * Where its text is, when not the whole of `range`: a block scalar's lines after the `|`/`>` header, a quoted
   * string inside its quotes. Links from the report to prose select this; findings go on `range`.
   */
  readonly textRange?: Range;
}

/** A Located as Reader.located gives it. */
export class LocatedValue<T> implements Located<T> {
  private readonly start: number;
  private readonly end: number;

  constructor(
    readonly value: T,
    range: Range,
  ) {
    this.start = packed(range.start);
    this.end = packed(range.end);
  }

  get range(): Range {
    return unpack(this.start, this.end);
  }

  get textRange(): Range | undefined {
    return undefined;
  }

  /** As a plain Located would serialise (facets compare analyses by their JSON). */
  toJSON(): Located<T> {
    const text = this.textRange;
    return text ? { value: this.value, range: this.range, textRange: text } : { value: this.value, range: this.range };
  }
}

/** A value whose text is not the whole of its range (a block scalar, a quoted string): rare, so a class of its own. */
class LocatedText<T> extends LocatedValue<T> {
  constructor(
    value: T,
    range: Range,
    private readonly text: Range,
  ) {
    super(value, range);
  }

  override get textRange(): Range {
    return { start: { ...this.text.start }, end: { ...this.text.end } };
  }
}

/** A value and where it is written, and where its text is when that is not the whole of it. */
export function locatedValue<T>(value: T, range: Range, textRange?: Range): LocatedValue<T> {
  return textRange ? new LocatedText(value, range, textRange) : new LocatedValue(value, range);
}
