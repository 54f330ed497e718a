import type { Range } from '../types';

// A closed case file keeps its model for as long as the workspace is open: every judgement, fact and value with the
// ranges findings point at, tens per file and ten thousand files in a national workspace. A range as objects is
// three of them (the range and its two positions); here it is four small integers in the object that owns it, and
// a plain Range is made when it is read.

export function unpack(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
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
  private readonly sl: number;
  private readonly sc: number;
  private readonly el: number;
  private readonly ec: number;
  /** Rare (a block scalar, a quoted string): kept as it is. */
  private readonly text: Range | undefined;

  constructor(
    readonly value: T,
    range: Range,
    textRange?: Range,
  ) {
    this.sl = range.start.line;
    this.sc = range.start.character;
    this.el = range.end.line;
    this.ec = range.end.character;
    this.text = textRange;
  }

  get range(): Range {
    return unpack(this.sl, this.sc, this.el, this.ec);
  }

  get textRange(): Range | undefined {
    return this.text && unpack(this.text.start.line, this.text.start.character, this.text.end.line, this.text.end.character);
  }

  /** As a plain Located would serialise (facets compare analyses by their JSON). */
  toJSON(): Located<T> {
    const text = this.textRange;
    return text ? { value: this.value, range: this.range, textRange: text } : { value: this.value, range: this.range };
  }
}
