import { contains } from './interval';
import { escapeRegex } from './numberWords';
import type { NumberWords } from './numberWords';
import type { PhrasebookData } from './phrasebookSchema';
import type { Band, Form, Quantity, Style } from './quantity';
import { parseTemplate } from './template';

export type MatchKind = 'band' | 'ratio' | 'all-but' | 'all' | 'none' | 'count';

/** A quantity found in prose. Offsets are UTF-16 code units into the text given to `find`. */
export interface QuantifierMatch {
  kind: MatchKind;
  start: number;
  end: number;
  /** The text matched (including a following "of the" when the quantity reads into it). */
  text: string;
  /** For kind `band`. */
  band?: Band;
  count?: number;
  total?: number;
  missing?: number;
  /**
   * How the quantity meets the rest of the sentence, so a replacement fits: `the` it ends in "of the"
   * ("most of the | PSRs"), `bare` a plain noun follows ("most | plans", "half of | cases"), `alone` a verb
   * follows ("less than two-thirds | had been reviewed").
   */
  form: Form | 'alone';
  /** The finder pattern or band phrase that matched. */
  pattern: string;
}

interface Alternative {
  kind: Exclude<MatchKind, 'count'>;
  pattern: string;
  band?: Band;
  /** Names of the number groups, in order. */
  numbers: ('count' | 'total' | 'missing')[];
  /** Whether the pattern ends with its total ("19 out of 22"); otherwise the form is read from the words after it. */
  endsInNumber: boolean;
  source: string;
  group: number;
}

const letterOrDigit = String.raw`[\p{L}\p{N}]`;

/** What the finder reads of a phrasebook (the Phrasebook class, which builds its finder from itself). */
export interface FinderBook {
  readonly data: PhrasebookData;
  readonly numbers: NumberWords;
  readonly bands: readonly Band[];
  number(n: number, options?: { capital?: boolean }): string;
  quantity(count: number, total: number, style: Style): Quantity | undefined;
}

/** Reads quantities back out of prose with patterns built from a phrasebook's data. */
export class Finder {
  private readonly alternatives: Alternative[];
  private readonly regex: RegExp;
  private readonly countRegex: RegExp;
  private readonly verbs: ReadonlySet<string>;

  constructor(private readonly book: FinderBook) {
    const data = book.data;
    const number = `(${book.numbers.pattern})`;
    // Empty words dropped: a stray hyphen must not put two quantifiers over the same spaces side by side,
    // which backtracks polynomially on a long run of spaces.
    const literal = (words: string) =>
      words
        .trim()
        .split(/[\s-]+/)
        .filter((w) => w !== '')
        .map(escapeRegex)
        .join(String.raw`[\s\u00a0-]+`);
    const build = (text: string) => {
      const numbers: Alternative['numbers'] = [];
      let source = '';
      for (const t of parseTemplate(text)) {
        if (t.type === 'value' && (t.name === 'count' || t.name === 'total' || t.name === 'missing')) {
          numbers.push(t.name);
          source += number;
        } else if (t.type === 'text') {
          // Spaces around a number are part of the words next to it.
          const lead = /^\s/.test(t.text) ? String.raw`[\s\u00a0]+` : '';
          const trail = /\s$/.test(t.text) ? String.raw`[\s\u00a0]+` : '';
          const words = literal(t.text);
          source += words ? lead + words + trail : String.raw`[\s\u00a0]+`;
        }
      }
      return { numbers, source, endsInNumber: /\{total\}\s*$/.test(text) };
    };
    const alternatives: Omit<Alternative, 'group'>[] = [
      ...data.finder.patterns.map((p) => ({ kind: p.kind, pattern: p.text, ...build(p.text) })),
      ...book.bands.flatMap((band) =>
        [band.phrase, ...band.aliases].map((phrase) => ({
          kind: 'band' as const,
          pattern: phrase,
          band,
          numbers: [],
          source: literal(phrase),
          endsInNumber: false,
        })),
      ),
    ];
    // Longest first, so "all but 3 out of the 22" wins over "all but 3" and "almost all" over "all".
    alternatives.sort((a, b) => weight(b.pattern) - weight(a.pattern));
    let group = 1;
    this.alternatives = alternatives.map((a) => {
      const withGroup = { ...a, group };
      group += 1 + a.numbers.length;
      return withGroup;
    });
    // When every alternative starts with a letter or digit (the built-in phrasebooks' do), saying so first
    // lets the engine pass over spaces and punctuation without trying each alternative there: a pasted run
    // of spaces cost 50 ms per 20 kB.
    const wordFirst = alternatives.every((a) => /^(?:\{(?:count|total|missing)\}|[\p{L}\p{N}])/u.test(a.kind === 'band' ? a.pattern.trim() : a.pattern));
    this.regex = new RegExp(
      `(?<!${letterOrDigit})${wordFirst ? `(?=${letterOrDigit})` : ''}(?:${this.alternatives.map((a) => `(${a.source})`).join('|')})(?!${letterOrDigit})`,
      'giu',
    );
    this.countRegex = new RegExp(`(?<![\\p{L}\\p{N}.\\-])(?=${letterOrDigit})(${book.numbers.pattern})(?![\\p{L}\\p{N}\\-]|\\.\\d)`, 'giu');
    this.verbs = new Set(data.finder.verbs.map((v) => v.toLowerCase()));
  }

  find(text: string): QuantifierMatch[] {
    const matches: QuantifierMatch[] = [];
    // A fresh regex per call: `find` may be re-entered (e.g. from two documents) while one is mid-scan.
    const regex = new RegExp(this.regex.source, this.regex.flags);
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      const alt = this.alternatives.find((a) => m[a.group] !== undefined);
      if (!alt) continue;
      const values: Partial<Record<'count' | 'total' | 'missing', number>> = {};
      alt.numbers.forEach((name, i) => {
        const v = this.book.numbers.parse(m[alt.group + 1 + i]!);
        if (v !== undefined) values[name] = v;
      });
      let end = m.index + m[0].length;
      let form: QuantifierMatch['form'];
      if (alt.endsInNumber) form = /\bthe\b/i.test(alt.pattern) ? 'the' : 'bare';
      else {
        const after = this.readAfter(text, end);
        form = after.form;
        end += after.length;
      }
      matches.push({
        kind: alt.kind,
        start: m.index,
        end,
        text: text.slice(m.index, end),
        ...(alt.band && { band: alt.band }),
        ...values,
        form,
        pattern: alt.pattern,
      });
      // A match read on over "of the" must not let the next search start inside it.
      regex.lastIndex = end;
    }
    const counts: QuantifierMatch[] = [];
    // Both lists run in text order, so one pointer finds the phrase a count may fall inside.
    let k = 0;
    for (const m of text.matchAll(this.countRegex)) {
      const start = m.index;
      const end = start + m[0].length;
      while (k < matches.length && matches[k]!.end <= start) k++;
      if (k < matches.length && matches[k]!.start < end) continue;
      const count = this.book.numbers.parse(m[1]!);
      if (count === undefined) continue;
      counts.push({ kind: 'count', start, end, text: m[0], count, form: 'bare', pattern: '{count}' });
    }
    return [...matches, ...counts].sort((a, b) => a.start - b.start);
  }

  /** What follows a quantity without a number of its own: "of the", "of", a verb, or a noun. */
  private readAfter(text: string, at: number): { form: QuantifierMatch['form']; length: number } {
    // Sticky regexes read at `at` without copying the rest of the text for every match.
    const ofThe = stickyAt(/[\s\u00a0]+of[\s\u00a0]+the(?![\p{L}\p{N}])/iuy, text, at);
    if (ofThe) return { form: 'the', length: ofThe[0].length };
    const of = stickyAt(/[\s\u00a0]+of(?![\p{L}\p{N}])/iuy, text, at);
    if (of) return { form: 'bare', length: of[0].length };
    const next = stickyAt(/[\s\u00a0]+([\p{L}]+)/uy, text, at)?.[1]?.toLowerCase();
    if (next === undefined || this.verbs.has(next)) return { form: 'alone', length: 0 };
    return { form: 'bare', length: 0 };
  }

  accepts(match: QuantifierMatch, count: number, total: number): boolean {
    if (total <= 0 || count < 0 || count > total) return false;
    const totalOk = match.total === undefined || match.total === total;
    switch (match.kind) {
      case 'band':
        return contains(match.band!.accepts, count, total);
      case 'ratio':
        return match.count === count && totalOk;
      case 'all-but':
        return match.missing === total - count && totalOk;
      case 'all':
        return count === total && totalOk;
      case 'none':
        return count === 0 && totalOk;
      case 'count':
        return match.count === count;
    }
  }

  replacement(match: QuantifierMatch, count: number, total: number): string | undefined {
    const capital = /^\p{Lu}/u.test(match.text);
    if (match.kind === 'count') return this.book.number(count, { capital });
    const style: Style = match.kind === 'band' ? 'banded' : match.kind === 'all-but' ? 'all-but' : 'exact';
    let q: Quantity | undefined;
    try {
      q = this.book.quantity(count, total, style);
    } catch {
      return undefined;
    }
    if (!q) return undefined;
    return q.form(match.form === 'alone' ? 'phrase' : match.form, { capital });
  }
}

function stickyAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Pattern length with each number counted as one word, for longest-first ordering. */
function weight(pattern: string): number {
  return pattern.replace(/\{(count|total|missing)\}/g, 'NN').length;
}
