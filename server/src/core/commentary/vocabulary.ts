import {
  addRationals,
  compareRationals,
  contains,
  intersect,
  makeInterval,
  parseInterval,
  parseRational,
  width,
  type Interval,
  type Rational,
} from './interval';
import type { AdverbData, BandData, ComparisonMeaning, FormsData, VocabularyData } from './phrasebookSchema';
import type { Adverb, Band } from './quantity';

// The words inspectors use for a share of cases beyond those the generator writes: fractions and the
// comparisons around them ("less than one-third", "at least three-quarters", "about half"), vague quantities
// ("several", "a handful"), adverbs of frequency ("rarely"). Data (a phrasebook's `vocabulary`); this module
// says what each comparison means, once, so "almost" is held to one margin wherever it stands.

/** A comparison, or a bare fraction or number (`exact`). */
export type Meaning = ComparisonMeaning | 'exact';

const zero: Rational = { n: 0, d: 1 };
const one: Rational = { n: 1, d: 1 };

/** Words as the finder compares them: lower case, a hyphen or any run of spaces as one space. */
export function normalise(words: string): string {
  return words
    .toLowerCase()
    .replace(/[\s\u00a0-]+/g, ' ')
    .trim();
}

function points(n: number): Rational {
  const r = parseRational(String(n));
  return { n: r.n, d: r.d * 100 };
}

function negate(r: Rational): Rational {
  return { n: -r.n, d: r.d };
}

function clampLow(r: Rational): [Rational, boolean] {
  return compareRationals(r, zero) <= 0 ? [zero, true] : [r, false];
}

function clampHigh(r: Rational): [Rational, boolean] {
  return compareRationals(r, one) >= 0 ? [one, true] : [r, false];
}

export class Vocabulary {
  readonly fractions: readonly { value: Rational; words: readonly string[] }[];
  readonly comparisons: readonly { means: ComparisonMeaning; words: readonly string[] }[];
  readonly quantities: readonly Band[];
  readonly adverbs: readonly Adverb[];
  readonly hedges: readonly string[];
  readonly negations: readonly string[];
  readonly adverbsAfter: ReadonlySet<string>;
  private readonly fractionByWord = new Map<string, Rational>();
  private readonly meaningByWord = new Map<string, ComparisonMeaning>();
  private readonly nearly: Rational;
  private readonly about: Rational;
  private readonly composed = new Map<string, Band>();
  /** Problems with the data, reported by the phrasebook's integrity check. */
  readonly problems: string[] = [];

  constructor(
    readonly data: VocabularyData,
    private readonly defaultForms: Omit<FormsData, 'phrase'>,
    quantities: readonly Omit<BandData, 'when'>[],
    adverbs: readonly AdverbData[],
  ) {
    this.nearly = points(data.margins.nearly);
    this.about = points(data.margins.about);
    this.fractions = data.fractions.map((f) => ({ value: parseRational(f.value), words: f.words }));
    for (const f of this.fractions) {
      if (compareRationals(f.value, zero) <= 0 || compareRationals(f.value, one) >= 0)
        this.problems.push(`vocabulary.fractions: ${f.words[0]} is ${formatShare(f.value)}, not a fraction between none and all`);
      for (const w of f.words) this.addWord(this.fractionByWord, w, f.value, 'vocabulary.fractions');
    }
    this.comparisons = data.comparisons;
    for (const c of data.comparisons) for (const w of c.words) this.addWord(this.meaningByWord, w, c.means, 'vocabulary.comparisons');
    this.quantities = quantities.map((q) => this.band(q, `quantities ${q.id}`));
    this.adverbs = adverbs.map((a) => ({
      adverb: a.adverb,
      aliases: a.aliases ?? [],
      accepts: parseInterval(a.accepts),
      ...(a.when !== undefined && { when: parseInterval(a.when) }),
    }));
    this.hedges = data.hedges;
    this.negations = data.negations;
    this.adverbsAfter = new Set(data.adverbsAfter.map(normalise));
  }

  private addWord<T>(map: Map<string, T>, word: string, value: T, where: string): void {
    const key = normalise(word);
    if (map.has(key)) this.problems.push(`${where}: "${word}" is listed twice`);
    map.set(key, value);
  }

  /** The fraction a word stands for ("a quarter" → 1/4). */
  fraction(words: string): Rational | undefined {
    return this.fractionByWord.get(normalise(words));
  }

  /** What a comparison word means ("nearly" → just-below). */
  comparison(words: string): ComparisonMeaning | undefined {
    return this.meaningByWord.get(normalise(words));
  }

  /** The shares a comparison of a fraction accepts (see `comparisonMeanings`). */
  shares(meaning: Meaning, x: Rational): Interval {
    switch (meaning) {
      case 'exact':
        return makeInterval(x, false, x, false);
      case 'below':
        return makeInterval(zero, true, x, true);
      case 'at-most':
        return makeInterval(zero, true, x, false);
      case 'at-least':
        return makeInterval(x, false, one, true);
      case 'above':
        return makeInterval(x, true, one, true);
      case 'just-below': {
        const [lo, open] = clampLow(addRationals(x, negate(this.nearly)));
        return makeInterval(lo, open, x, true);
      }
      case 'just-above': {
        const [hi, open] = clampHigh(addRationals(x, this.nearly));
        return makeInterval(x, true, hi, open);
      }
      case 'near': {
        const [lo, loOpen] = clampLow(addRationals(x, negate(this.about)));
        const [hi, hiOpen] = clampHigh(addRationals(x, this.about));
        return intersect(makeInterval(lo, loOpen, hi, hiOpen), makeInterval(zero, true, one, true));
      }
    }
  }

  /** Whether `actual` cases fit a comparison of a number ("at least three", "almost 20"). */
  countFits(meaning: Meaning, stated: number, actual: number): boolean {
    const margin = Math.max(1, Math.floor((stated * this.data.margins.count) / 100));
    switch (meaning) {
      case 'exact':
        return actual === stated;
      case 'below':
        return actual < stated;
      case 'at-most':
        return actual <= stated;
      case 'at-least':
        return actual >= stated;
      case 'above':
        return actual > stated;
      case 'just-below':
        return actual < stated && actual >= stated - margin;
      case 'just-above':
        return actual > stated && actual <= stated + margin;
      case 'near':
        return Math.abs(actual - stated) <= margin;
    }
  }

  /**
   * What a phrase means when it is a fraction ("one-third": exactly) or a comparison of one ("almost
   * one-quarter"), or undefined. A band without `accepts` is read this way.
   */
  meaning(phrase: string): Interval | undefined {
    const words = normalise(phrase);
    const exact = this.fractionByWord.get(words);
    if (exact) return this.shares('exact', exact);
    for (const [comparison, meaning] of this.meaningByWord) {
      if (!words.startsWith(`${comparison} `)) continue;
      const x = this.fractionByWord.get(words.slice(comparison.length + 1));
      if (x) return this.shares(meaning, x);
    }
    return undefined;
  }

  /** A band from phrasebook data, its acceptance read from the vocabulary when the data leaves it out. */
  band(b: Omit<BandData, 'when'> & { when?: string }, where: string): Band {
    const accepts = b.accepts !== undefined ? parseInterval(b.accepts) : this.meaning(b.phrase);
    if (!accepts) this.problems.push(`${where}: give it accepts: "${b.phrase}" is not a fraction, nor a comparison of one, that the vocabulary reads`);
    return {
      id: b.id,
      phrase: b.phrase,
      ...(b.when !== undefined && { when: parseInterval(b.when) }),
      accepts: accepts ?? makeInterval(zero, false, zero, false),
      ...(b.cases && { cases: b.cases }),
      aliases: b.aliases ?? [],
      forms: {
        bare: b.forms?.bare ?? this.defaultForms.bare.replace('{phrase}', b.phrase),
        the: b.forms?.the ?? this.defaultForms.the.replace('{phrase}', b.phrase),
        relevant: b.forms?.relevant ?? this.defaultForms.relevant.replace('{phrase}', b.phrase),
      },
    };
  }

  /** The band a fraction, or a comparison and a fraction, read in prose stands for ("nearly a quarter"). */
  composedBand(text: string, meaning: Meaning, x: Rational): Band {
    const key = `${meaning} ${x.n}/${x.d} ${normalise(text)}`;
    let band = this.composed.get(key);
    if (!band) {
      const phrase = normalise(text);
      band = this.band({ id: phrase.replace(/[^\p{L}\p{N}]+/gu, '-'), phrase, accepts: this.shares(meaning, x).text }, 'vocabulary');
      this.composed.set(key, band);
    }
    return band;
  }

  /**
   * The adverb to write for a share: the one the generator writes there, else the narrowest that accepts it
   * (the most telling), the first listed among equals.
   */
  adverbFor(count: number, total: number): Adverb | undefined {
    const fitting = this.adverbs.filter((a) => contains(a.accepts, count, total));
    const written = fitting.find((a) => a.when && contains(a.when, count, total));
    if (written) return written;
    return fitting.reduce<Adverb | undefined>((best, a) => (best === undefined || width(a.accepts) < width(best.accepts) ? a : best), undefined);
  }
}

/** "25%", "33.3%": a share for people. */
export function formatShare(r: Rational): string {
  const p = (100 * r.n) / r.d;
  return `${Number.isInteger(p) ? p : p.toFixed(1)}%`;
}

/** Whether count out of total lies within a band's share and its number of cases. */
export function bandFits(band: Band, count: number, total: number): boolean {
  if (!contains(band.accepts, count, total)) return false;
  const c = band.cases;
  return !c || ((c.atLeast === undefined || count >= c.atLeast) && (c.atMost === undefined || count <= c.atMost));
}
