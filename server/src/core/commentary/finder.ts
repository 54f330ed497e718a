import { contains } from './interval';
import { escapeRegex } from './numberWords';
import type { NumberWords } from './numberWords';
import type { ComparisonMeaning, PhrasebookData } from './phrasebookSchema';
import type { Adverb, Band, Form, Quantity, Style } from './quantity';
import { capitalise, parseTemplate } from './template';
import { bandFits, normalise, type Vocabulary } from './vocabulary';

export type MatchKind = 'band' | 'ratio' | 'all-but' | 'all' | 'none' | 'count' | 'adverb';

/** A quantity found in prose. Offsets are UTF-16 code units into the text given to `find`. */
export interface QuantifierMatch {
  kind: MatchKind;
  start: number;
  end: number;
  /** The text matched (including a following "of the" when the quantity reads into it, and a hedge before it). */
  text: string;
  /** For kind `band`: a band, a vague quantity, or a fraction and the comparison before it ("nearly a quarter"). */
  band?: Band;
  count?: number;
  total?: number;
  missing?: number;
  /** For kinds `ratio` and `count`: the comparison before the number ("at least three", "almost 19 out of 22"). */
  compared?: ComparisonMeaning;
  /** For kind `adverb`. */
  adverb?: Adverb;
  /**
   * For kind `adverb`: negated by a word before it ("not always": the match starts there) or by a contraction
   * ("wasn't always": the match starts at the word, and a fix cannot rewrite part of it).
   */
  negated?: 'word' | 'contracted';
  /**
   * How the quantity meets the rest of the sentence, so a replacement fits: `the` it ends in "of the"
   * ("most of the | PSRs"), `bare` a plain noun follows ("most | plans", "half of | cases"), `alone` a verb
   * follows ("less than two-thirds | had been reviewed").
   */
  form: Form | 'alone';
  /** The finder pattern or phrase that matched. */
  pattern: string;
}

/** What the phrasebook writes in a match's place, and what the words after it must agree with. */
export interface Fix {
  text: string;
  /** As `Quantity.singular`; absent when nothing agrees with the replacement (an adverb). */
  singular?: { readonly subject: boolean; readonly noun: boolean };
}

interface Alternative {
  kind: Exclude<MatchKind, 'count'>;
  pattern: string;
  band?: Band;
  adverb?: Adverb;
  /** A comparison and a fraction: the groups after `group` hold the comparison and the fraction. */
  composed?: true;
  /** Names of the number groups, in order. */
  numbers: ('count' | 'total' | 'missing')[];
  /** Whether the pattern ends with its total ("19 out of 22"); otherwise the form is read from the words after it. */
  endsInNumber: boolean;
  source: string;
  group: number;
}

const letterOrDigit = String.raw`[\p{L}\p{N}]`;
/** How far back the finder looks for a comparison, hedge or negation before a quantity (the longest is a few words). */
const lookBehind = 40;

/** What the finder reads of a phrasebook (the Phrasebook class, which builds its finder from itself). */
export interface FinderBook {
  readonly data: PhrasebookData;
  readonly numbers: NumberWords;
  readonly bands: readonly Band[];
  readonly vocabulary: Vocabulary;
  number(n: number, options?: { capital?: boolean }): string;
  quantity(count: number, total: number, style: Style): Quantity | undefined;
}

/** Words as a regex: any run of spaces or hyphens between them. Empty words dropped: a stray hyphen must not put
 * two quantifiers over the same spaces side by side, which backtracks polynomially on a long run of spaces. */
function literal(words: string): string {
  return words
    .trim()
    .split(/[\s-]+/)
    .filter((w) => w !== '')
    .map(escapeRegex)
    .join(String.raw`[\s\u00a0-]+`);
}

/** An alternation of phrases, longest first, so "just under" wins over "under". */
function alternation(phrases: Iterable<string>): string {
  return [...new Set(phrases)]
    .sort((a, b) => b.length - a.length)
    .map(literal)
    .join('|');
}

/** Reads quantities back out of prose with patterns built from a phrasebook's data. */
export class Finder {
  private readonly alternatives: Alternative[];
  private readonly regex: RegExp;
  private readonly countRegex: RegExp;
  private readonly verbs: ReadonlySet<string>;
  /** Bands and vague quantities by phrase: a phrase a band names means what the band says, not what its words compose. */
  private readonly named = new Map<string, { band: Band; phrase: string }>();
  private readonly comparisonBefore: RegExp;
  private readonly hedgeBefore: RegExp | undefined;
  private readonly negationBefore: RegExp | undefined;
  private readonly verbBefore: RegExp | undefined;

  constructor(private readonly book: FinderBook) {
    const data = book.data;
    const vocabulary = book.vocabulary;
    const number = `(${book.numbers.pattern})`;
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
    for (const band of [...book.bands, ...vocabulary.quantities])
      for (const phrase of [band.phrase, ...band.aliases]) if (!this.named.has(normalise(phrase))) this.named.set(normalise(phrase), { band, phrase });
    const bandAlternative = (band: Band, phrase: string) => ({
      kind: 'band' as const,
      pattern: phrase,
      band,
      numbers: [],
      source: literal(phrase),
      endsInNumber: false,
    });
    const comparisonWords = vocabulary.comparisons.flatMap((c) => c.words);
    const fractionWords = vocabulary.fractions.flatMap((f) => f.words);
    const alternatives: Omit<Alternative, 'group'>[] = [
      ...data.finder.patterns.map((p) => ({ kind: p.kind, pattern: p.text, ...build(p.text) })),
      ...[...this.named.values()].map(({ band, phrase }) => bandAlternative(band, phrase)),
      // A fraction no band names is read as exactly that fraction ("one-fifth").
      ...vocabulary.fractions.flatMap((f) =>
        f.words.filter((w) => !this.named.has(normalise(w))).map((w) => bandAlternative(vocabulary.composedBand(w, 'exact', f.value), w)),
      ),
      ...vocabulary.adverbs.flatMap((adverb) =>
        [adverb.adverb, ...adverb.aliases].map((phrase) => ({
          kind: 'adverb' as const,
          pattern: phrase,
          adverb,
          numbers: [],
          source: literal(phrase),
          endsInNumber: false,
        })),
      ),
    ];
    // Longest first, so "all but 3 out of the 22" wins over "all but 3" and "almost all" over "all".
    alternatives.sort((a, b) => weight(b.pattern) - weight(a.pattern));
    // A comparison and a fraction, as one alternative with the two lists inside it rather than every pairing
    // of them: tried first, so "less than one-third" is read whole, never as "one-third" after other words.
    if (comparisonWords.length > 0 && fractionWords.length > 0)
      alternatives.unshift({
        kind: 'band',
        pattern: comparisonWords[0]!,
        composed: true,
        numbers: [],
        source: `(${alternation(comparisonWords)})[\\s\\u00a0-]+(${alternation(fractionWords)})`,
        endsInNumber: false,
      });
    let group = 1;
    this.alternatives = alternatives.map((a) => {
      const withGroup = { ...a, group };
      group += 1 + a.numbers.length + (a.composed ? 2 : 0);
      return withGroup;
    });
    // When every alternative starts with a letter or digit (the built-in phrasebooks' do), saying so first
    // lets the engine pass over spaces and punctuation without trying each alternative there: a pasted run
    // of spaces cost 50 ms per 20 kB.
    const wordFirst = alternatives.every((a) =>
      a.composed
        ? comparisonWords.every((w) => /^[\p{L}\p{N}]/u.test(w.trim()))
        : /^(?:\{(?:count|total|missing)\}|[\p{L}\p{N}])/u.test(a.kind === 'band' || a.kind === 'adverb' ? a.pattern.trim() : a.pattern),
    );
    this.regex = new RegExp(
      `(?<!${letterOrDigit})${wordFirst ? `(?=${letterOrDigit})` : ''}(?:${this.alternatives.map((a) => `(${a.source})`).join('|')})(?!${letterOrDigit})`,
      'giu',
    );
    this.countRegex = new RegExp(`(?<![\\p{L}\\p{N}.\\-])(?=${letterOrDigit})(${book.numbers.pattern})(?![\\p{L}\\p{N}\\-]|\\.\\d)`, 'giu');
    this.verbs = new Set(data.finder.verbs.map((v) => v.toLowerCase()));
    // Read backwards from a quantity: each ends where the quantity starts, and must start a word.
    const before = (words: readonly string[]) =>
      words.length > 0 ? new RegExp(`(?<!${letterOrDigit})(${alternation(words)})[\\s\\u00a0-]+$`, 'iud') : undefined;
    this.comparisonBefore = before(comparisonWords) ?? /(?!)/;
    this.hedgeBefore = before(vocabulary.hedges);
    this.negationBefore = before(vocabulary.negations);
    this.verbBefore =
      vocabulary.adverbsAfter.size > 0 ? new RegExp(`(?<!${letterOrDigit})(?:${alternation(vocabulary.adverbsAfter)})[\\s\\u00a0]*$`, 'iu') : undefined;
  }

  find(text: string): QuantifierMatch[] {
    const matches: QuantifierMatch[] = [];
    const vocabulary = this.book.vocabulary;
    // A fresh regex per call: `find` may be re-entered (e.g. from two documents) while one is mid-scan.
    const regex = new RegExp(this.regex.source, this.regex.flags);
    let previousEnd = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      const alt = this.alternatives.find((a) => m[a.group] !== undefined);
      if (!alt) continue;
      let start = m.index;
      let end = m.index + m[0].length;
      if (alt.kind === 'adverb') {
        const adverb = this.adverbAt(text, start, end, alt, previousEnd);
        if (adverb) {
          matches.push(adverb);
          previousEnd = adverb.end;
        }
        continue;
      }
      const values: Partial<Record<'count' | 'total' | 'missing', number>> = {};
      alt.numbers.forEach((name, i) => {
        const v = this.book.numbers.parse(m[alt.group + 1 + i]!);
        if (v !== undefined) values[name] = v;
      });
      let band = alt.band;
      if (alt.composed) {
        const core = m[alt.group]!;
        band =
          this.named.get(normalise(core))?.band ??
          vocabulary.composedBand(core, vocabulary.comparison(m[alt.group + 1]!)!, vocabulary.fraction(m[alt.group + 2]!)!);
      }
      let compared: ComparisonMeaning | undefined;
      if (alt.kind === 'ratio') {
        const c = this.before(this.comparisonBefore, text, start, previousEnd);
        if (c) {
          compared = vocabulary.comparison(c.words);
          start = c.start;
        }
      }
      start = this.before(this.hedgeBefore, text, start, previousEnd)?.start ?? start;
      let form: QuantifierMatch['form'];
      if (alt.endsInNumber) form = /\bthe\b/i.test(alt.pattern) ? 'the' : 'bare';
      else {
        const after = this.readAfter(text, end);
        form = after.form;
        end += after.length;
      }
      matches.push({
        kind: alt.kind,
        start,
        end,
        text: text.slice(start, end),
        ...(band && { band }),
        ...values,
        ...(compared && { compared }),
        form,
        pattern: alt.composed ? normalise(m[alt.group]!) : alt.pattern,
      });
      previousEnd = end;
      // A match read on over "of the" must not let the next search start inside it.
      regex.lastIndex = end;
    }
    const counts: QuantifierMatch[] = [];
    // Both lists run in text order, so one pointer finds the phrase a count may fall inside.
    let k = 0;
    let countEnd = 0;
    for (const m of text.matchAll(this.countRegex)) {
      let start = m.index;
      const end = start + m[0].length;
      while (k < matches.length && matches[k]!.end <= start) k++;
      if (k < matches.length && matches[k]!.start < end) continue;
      const count = this.book.numbers.parse(m[1]!);
      if (count === undefined) continue;
      const limit = Math.max(countEnd, k > 0 ? matches[k - 1]!.end : 0);
      const c = this.before(this.comparisonBefore, text, start, limit);
      const compared = c && this.book.vocabulary.comparison(c.words);
      if (c) start = c.start;
      start = this.before(this.hedgeBefore, text, start, limit)?.start ?? start;
      counts.push({ kind: 'count', start, end, text: text.slice(start, end), count, ...(compared && { compared }), form: 'bare', pattern: '{count}' });
      countEnd = end;
    }
    return [...matches, ...counts].sort((a, b) => a.start - b.start);
  }

  /** The words of `re` ending where a quantity starts (and not before `limit`, the end of the quantity before). */
  private before(re: RegExp | undefined, text: string, at: number, limit: number): { start: number; words: string } | undefined {
    if (!re) return undefined;
    const from = Math.max(limit, at - lookBehind);
    // One character more, so a word cut by the window ("Moreover" as "over") is seen to go on before it.
    const lead = from > 0 ? 1 : 0;
    const m = re.exec(text.slice(from - lead, at));
    const start = m ? from - lead + m.indices![1]![0] : -1;
    return m && start >= from ? { start, words: m[1]! } : undefined;
  }

  /**
   * An adverb in a place where it says how often a statement about the cases held: after one of the
   * vocabulary's verbs ("was rarely effective"), perhaps negated ("had not always been"); elsewhere ("we
   * would always expect") it is not a quantity.
   */
  private adverbAt(text: string, start: number, end: number, alt: Alternative, limit: number): QuantifierMatch | undefined {
    if (!this.verbBefore) return undefined;
    let from = start;
    let negated: QuantifierMatch['negated'];
    let verbText = text.slice(Math.max(0, start - lookBehind), start);
    const word = this.before(this.negationBefore, text, start, limit);
    const contraction = /(?<![\p{L}\p{N}])([\p{L}]+)n['’]t[\s\u00a0]+$/iu.exec(verbText);
    if (word) {
      negated = 'word';
      from = word.start;
      verbText = text.slice(Math.max(0, from - lookBehind), from);
    } else if (contraction) {
      negated = 'contracted';
      from = start - verbText.length + contraction.index;
      // "wasn't" is "was" and a negation: the verb the adverb must follow.
      verbText = verbText.slice(0, contraction.index) + contraction[1]!;
    }
    if (from < limit || !this.verbBefore.test(verbText)) return undefined;
    return {
      kind: 'adverb',
      start: from,
      end,
      text: text.slice(from, end),
      adverb: alt.adverb!,
      ...(negated && { negated }),
      form: 'alone',
      pattern: alt.pattern,
    };
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
    const stated = (n: number | undefined) => (match.compared ? n !== undefined && this.book.vocabulary.countFits(match.compared, n, count) : n === count);
    switch (match.kind) {
      case 'band':
        return bandFits(match.band!, count, total);
      case 'adverb':
        // "not always": the share is anything "always" would not say.
        return contains(match.adverb!.accepts, count, total) !== (match.negated !== undefined);
      case 'ratio':
        return stated(match.count) && totalOk;
      case 'all-but':
        return match.missing === total - count && totalOk;
      case 'all':
        return count === total && totalOk;
      case 'none':
        return count === 0 && totalOk;
      case 'count':
        return stated(match.count);
    }
  }

  /**
   * What the phrasebook writes in the match's place for count/total, in the match's form and capital. An
   * adverb is replaced by the adverb for the share; a contracted negation ("wasn't always") gets none, since
   * the replacement would have to rewrite part of a word. `capital` says whether the match opens a sentence
   * (by default, whether it is written with a capital).
   */
  fix(match: QuantifierMatch, count: number, total: number, options: { capital?: boolean } = {}): Fix | undefined {
    const capital = options.capital ?? /^\p{Lu}/u.test(match.text);
    if (match.kind === 'adverb') {
      const adverb = match.negated === 'contracted' ? undefined : this.book.vocabulary.adverbFor(count, total);
      return adverb && { text: capital ? capitalise(adverb.adverb) : adverb.adverb };
    }
    if (match.kind === 'count') return { text: this.book.number(count, { capital }), singular: { subject: count === 1, noun: count === 1 } };
    const style: Style = match.kind === 'band' ? 'banded' : match.kind === 'all-but' ? 'all-but' : 'exact';
    let q: Quantity | undefined;
    try {
      q = this.book.quantity(count, total, style);
    } catch {
      return undefined;
    }
    if (!q) return undefined;
    return { text: q.form(match.form === 'alone' ? 'phrase' : match.form, { capital }), singular: q.singular };
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
