import { contains, parseInterval, parseRational, compare, overlapProblems, partitionProblems, within, type Interval, type Rational } from './interval';
import { NumberWords } from './numberWords';
import { phrasebookSchema, type FormsData, type PhrasebookData } from './phrasebookSchema';
import { capitalise, fill, parseTemplate, placeholders, type TemplateError, type Token } from './template';
import { Finder, type Fix, type QuantifierMatch } from './finder';
import { bandFits, Vocabulary } from './vocabulary';

import type { Band, Figures, Form, Framing, Quantity, QuantityKind, Style } from './quantity';

export { styles, formNames, type Style, type Framing, type Form, type QuantityKind, type Band, type Adverb, type Quantity, type Figures } from './quantity';

export class PhrasebookError extends Error {
  constructor(
    readonly phrasebookId: string,
    readonly problems: string[],
  ) {
    super(`phrasebook ${phrasebookId} is invalid:\n  ${problems.join('\n  ')}`);
  }
}

const formVariables = new Set(['count', 'total', 'missing', 'phrase']);
const numberVariables = new Set(['count', 'total', 'missing']);

/**
 * A validated phrasebook: turns counts into words for the commentary generator, and reads quantities
 * back out of hand-written prose for the checks. Immutable.
 */
export class Phrasebook {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly language: string;
  readonly bands: readonly Band[];
  readonly numbers: NumberWords;
  /** The words the check reads besides the bands: fractions, comparisons, vague quantities, adverbs. */
  readonly vocabulary: Vocabulary;
  private readonly generated: readonly Band[];
  /** The adverbs the generator writes, with the shares it writes each for. */
  private readonly writtenAdverbs: readonly { adverb: string; when: Interval }[];
  private readonly forms: Readonly<Record<Exclude<QuantityKind, 'band'>, Readonly<Record<Form | 'phrase', Token[]>>>>;
  /** `all` and `none` when the whole is a single case ("the one case", "no case"), if the phrasebook words them. */
  private readonly formsOfOne: Readonly<Partial<Record<'all' | 'none', Readonly<Record<Form | 'phrase', Token[]>>>>>;
  private readonly allButShare: Rational;
  private readonly finder: Finder;

  private constructor(readonly data: PhrasebookData) {
    this.id = data.id;
    this.title = data.title;
    this.source = data.source;
    this.language = data.language;
    this.numbers = new NumberWords(data.numbers);
    this.vocabulary = new Vocabulary(data.vocabulary, data.forms.band, data.quantities ?? [], data.adverbs ?? []);
    this.writtenAdverbs = this.vocabulary.adverbs.flatMap((a) => (a.when ? [{ adverb: a.adverb, when: a.when }] : []));
    this.bands = data.bands.map((b) => this.vocabulary.band(b, `band ${b.id}`));
    this.generated = this.bands.filter((b) => b.when);
    const tokens = (f: FormsData) => ({
      phrase: parseTemplate(f.phrase),
      bare: parseTemplate(f.bare),
      the: parseTemplate(f.the),
      relevant: parseTemplate(f.relevant),
    });
    this.forms = {
      exact: tokens(data.forms.exact),
      all: tokens(data.forms.all),
      none: tokens(data.forms.none),
      'all-but': tokens(data.forms.allBut),
      single: tokens(data.forms.single),
    };
    this.formsOfOne = {
      ...(data.forms.allOfOne && { all: tokens(data.forms.allOfOne) }),
      ...(data.forms.noneOfOne && { none: tokens(data.forms.noneOfOne) }),
    };
    this.allButShare = parseRational(data.rules.allBut.atLeast);
    this.finder = new Finder(this);
  }

  /** Validates phrasebook data (already merged with what it extends) and indexes it. Throws PhrasebookError. */
  static from(data: unknown): Phrasebook {
    const id = typeof (data as { id?: unknown })?.id === 'string' ? (data as { id: string }).id : '(unnamed)';
    const parsed = phrasebookSchema.safeParse(data);
    if (!parsed.success)
      throw new PhrasebookError(
        id,
        parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
      );
    const problems = integrityProblems(parsed.data);
    if (problems.length > 0) throw new PhrasebookError(id, problems);
    const book = new Phrasebook(parsed.data);
    const wording = wordingProblems(book);
    if (wording.length > 0) throw new PhrasebookError(id, wording);
    return book;
  }

  /** The adverb for a judgement true of count out of total cases ("generally"), if the phrasebook has one for that share. */
  adverbFor(count: number, total: number): string | undefined {
    checkCounts(count, total);
    if (total < (this.data.rules.adverbs?.minTotal ?? 1)) return undefined;
    return this.writtenAdverbs.find((a) => contains(a.when, count, total))?.adverb;
  }

  band(id: string): Band | undefined {
    return this.bands.find((b) => b.id === id);
  }

  /** The band the generator writes for count/total (the bands with `when` cover [0, 1] exactly once). */
  bandFor(count: number, total: number): Band {
    checkCounts(count, total);
    const band = this.generated.find((b) => contains(b.when!, count, total));
    // Integrity checks guarantee a partition of [0, 1]; reaching here means the data changed under us.
    if (!band) throw new Error(`phrasebook ${this.id} has no band for ${count}/${total}`);
    return band;
  }

  /**
   * The wording of `count` cases out of `total` in a style. Undefined when `total` is 0: there is no
   * proportion of nothing, and a report never says "0 out of 0".
   */
  quantity(count: number, total: number, style: Style): Quantity | undefined {
    if (total === 0 && count === 0) return undefined;
    checkCounts(count, total);
    const missing = total - count;
    const rules = this.data.rules;
    // A whole of one case is named as such in every style: "the one case", not "all of the one cases".
    if (total === 1 && this.formsOfOne[count === 1 ? 'all' : 'none']) return this.make(count === 1 ? 'all' : 'none', count, total, style);
    if (style === 'banded') {
      if (count > 0 && missing > 0 && missing <= rules.bandedAllBut.maxMissing && total >= rules.bandedAllBut.minTotal)
        return this.make('all-but', count, total, style);
      if (count > 0 && missing > 0 && count <= rules.single.maxCount && total >= rules.single.minTotal) return this.make('single', count, total, style);
      return this.make('band', count, total, style, this.bandFor(count, total));
    }
    if (count === total) return this.make('all', count, total, style);
    if (count === 0) return this.make('none', count, total, style);
    if (style === 'all-but' && missing <= rules.allBut.maxMissing && compare(count, total, this.allButShare) >= 0)
      return this.make('all-but', count, total, style);
    return this.make('exact', count, total, style);
  }

  /**
   * The phrase for a question's figures as a sentence frames them: under `not-sufficient` framing the
   * sentence describes the cases that fell short.
   */
  describe(figures: Figures, options: { style: Style; framing?: Framing }): Quantity | undefined {
    const count = options.framing === 'not-sufficient' ? figures.relevant - figures.sufficient : figures.sufficient;
    return this.quantity(count, figures.relevant, options.style);
  }

  /** Shorthand for the phrase alone: `phrase(19, 22, 'all-but')` → "all but 3". */
  phrase(count: number, total: number, style: Style, framing: Framing = 'sufficient'): string | undefined {
    return this.describe({ sufficient: count, relevant: total }, { style, framing })?.phrase;
  }

  /** Whether a band (by id) may describe count/total. */
  bandAccepts(bandId: string, count: number, total: number): boolean {
    const band = this.band(bandId);
    return band !== undefined && total > 0 && bandFits(band, count, total);
  }

  /** Quantifier phrases and counts in prose, in text order (see docs/commentary.md). */
  find(text: string): QuantifierMatch[] {
    return this.finder.find(text);
  }

  /** Whether what a match says is true of count/total. */
  accepts(match: QuantifierMatch, count: number, total: number): boolean {
    return this.finder.accepts(match, count, total);
  }

  /** What the phrasebook would write in the match's place for count/total, shaped to fit the sentence. */
  replacement(match: QuantifierMatch, count: number, total: number): string | undefined {
    return this.finder.fix(match, count, total)?.text;
  }

  /** The replacement with what the words after it must agree with (see `Fix`); `capital` when it opens a sentence. */
  fix(match: QuantifierMatch, count: number, total: number, options?: { capital?: boolean }): Fix | undefined {
    return this.finder.fix(match, count, total, options);
  }

  /** A number in running text ("seven", "22"); `capital` spells it out to start a sentence. */
  number(n: number, options: { capital?: boolean } = {}): string {
    return options.capital ? capitalise(this.numbers.spelled(n)) : this.numbers.format(n);
  }

  /**
   * A breakdown of reasons, largest first as given: "in three cases the assessment had not been done, in
   * two, previous violent offences … and in another two the classification …". No capital, no full stop.
   */
  reasonList(items: readonly { count: number; phrase: string }[]): string | undefined {
    const r = this.data.reasonList;
    if (items.length === 0) return undefined;
    const determiners = new Set(r.determiners.map((d) => d.toLowerCase()));
    const parts = items.map((item, i) => {
      const same = i > 0 && items[i - 1]!.count === item.count;
      // "and in four the review …", but "and in another four, reviews were …": a bare count runs into a noun.
      const determined = determiners.has(item.phrase.trim().split(/\s+/)[0]!.toLowerCase());
      const last = determined ? (same ? r.lastSame : r.last) : same ? r.lastSameComma : r.lastComma;
      const template = i === 0 ? r.first : i === items.length - 1 ? last : same ? r.middleSame : r.middle;
      return fill(template, (name) => (name === 'count' ? this.numbers.format(item.count) : name === 'phrase' ? item.phrase : undefined), item.count) ?? '';
    });
    return joinList(parts, r.separator, r.and);
  }

  /** Reasons named without counts ("X or Y"). */
  alternatives(phrases: readonly string[]): string | undefined {
    if (phrases.length === 0) return undefined;
    return joinList(phrases, this.data.reasonList.separator, this.data.reasonList.or);
  }

  /** "20th November 2013" from "2013-11-20". */
  date(iso: string): string {
    const d = parts(iso);
    return this.fillDate(this.data.dates.date, d, d);
  }

  /** "28th-31st October 2013" from two ISO dates, sharing month and year where they can. */
  dateRange(startIso: string, endIso: string): string {
    const a = parts(startIso);
    const b = parts(endIso);
    const t = this.data.dates;
    if (startIso === endIso) return this.date(startIso);
    const template = a.year !== b.year ? t.range : a.month !== b.month ? t.rangeSameYear : t.rangeSameMonth;
    return this.fillDate(template, a, b);
  }

  private fillDate(template: string, a: DateParts, b: DateParts): string {
    const t = this.data.dates;
    const day = (n: number) => `${n}${t.ordinals.byNumber?.[String(n)] ?? t.ordinals.byLastDigit?.[String(n % 10)] ?? t.ordinals.default}`;
    const values: Record<string, string> = {
      day: day(a.day),
      month: t.months[a.month - 1]!,
      year: String(a.year),
      endDay: day(b.day),
      endMonth: t.months[b.month - 1]!,
      endYear: String(b.year),
    };
    values.date = `${values.day} ${values.month} ${values.year}`;
    values.endDate = `${values.endDay} ${values.endMonth} ${values.endYear}`;
    if (template !== t.date) {
      values.date = this.fillDate(t.date, a, a);
      values.endDate = this.fillDate(t.date, b, b);
    }
    return fill(template, (name) => values[name]) ?? template;
  }

  private make(kind: QuantityKind, count: number, total: number, style: Style, band?: Band): Quantity {
    const missing = total - count;
    const ofOne = total === 1 && (kind === 'all' || kind === 'none') ? this.formsOfOne[kind] : undefined;
    const tokensFor = (f: Form | 'phrase'): Token[] =>
      kind === 'band' ? parseTemplate(f === 'phrase' ? band!.phrase : band!.forms[f]) : (ofOne ?? this.forms[kind])[f];
    const render = (f: Form | 'phrase', capital: boolean) => this.renderForm(tokensFor(f), { count, total, missing }, capital);
    return {
      kind,
      count,
      total,
      missing,
      style,
      ...(band && { band }),
      phrase: render('phrase', false),
      form: (f, options) => render(f, options?.capital ?? false),
      singular: {
        subject: ofOne !== undefined || (count === 1 && (kind === 'single' || kind === 'exact')),
        noun: ofOne !== undefined,
      },
    };
  }

  /**
   * Fills a quantity form. Numbers set against each other share one style ("3 out of the 22", "seven out of
   * the nine"); a number opening a sentence is spelled out.
   */
  private renderForm(tokens: Token[], values: { count: number; total: number; missing: number }, capital: boolean): string {
    const used = tokens.flatMap((t) => (t.type === 'value' && numberVariables.has(t.name) ? [values[t.name as keyof typeof values]] : []));
    const digits = this.numbers.digitsFor(used);
    const first = tokens[0];
    const text =
      fill(
        tokens,
        (name, _form, cap) => {
          const v = values[name as keyof typeof values];
          if (v === undefined) return undefined;
          const leading = capital && first?.type === 'value' && first.name === name;
          return leading || cap ? this.numbers.spelled(v) : this.numbers.format(v, digits);
        },
        values.count,
      ) ?? '';
    return capital ? capitalise(text) : text;
  }
}

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function parts(iso: string): DateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`"${iso}" is not a date (YYYY-MM-DD)`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

function checkCounts(count: number, total: number): void {
  if (!Number.isInteger(count) || !Number.isInteger(total) || count < 0 || total <= 0 || count > total) {
    throw new RangeError(`${count} out of ${total} is not a count of cases`);
  }
}

function joinList(parts: readonly string[], separator: string, last: string): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return parts.slice(0, -1).join(separator) + last + parts[parts.length - 1];
}

/**
 * Problems only the read phrasebook shows: the vocabulary's own, a band whose acceptance would object to the
 * generator's words (given, or read from its phrase), and an adverb the generator writes that the check
 * would not accept.
 */
function wordingProblems(book: Phrasebook): string[] {
  const problems = [...book.vocabulary.problems];
  for (const b of book.bands)
    if (b.when && !within(b.when, b.accepts))
      problems.push(
        `band ${b.id}: it is written for ${b.when.text} but accepts only ${b.accepts.text}, so the check would object to the generator's own words`,
      );
  for (const a of book.vocabulary.adverbs)
    if (a.when && !within(a.when, a.accepts))
      problems.push(
        `adverbs: "${a.adverb}" is written for ${a.when.text} but accepts only ${a.accepts.text}, so the check would object to the generator's own words`,
      );
  return problems;
}

function integrityProblems(data: PhrasebookData): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const generated: { label: string; interval: Interval }[] = [];
  for (const b of data.bands) {
    if (ids.has(b.id)) problems.push(`band ${b.id} is defined twice`);
    ids.add(b.id);
    if (b.when) generated.push({ label: b.id, interval: parseInterval(b.when) });
    for (const alias of b.aliases ?? []) {
      if (/\bof( the)?$/i.test(alias.trim()))
        problems.push(`band ${b.id}: alias "${alias}" ends with "of": list the phrase alone, the finder reads "of the" after it`);
    }
  }
  problems.push(...partitionProblems(generated).map((p) => `bands: ${p}`));
  const written = (data.adverbs ?? []).flatMap((a) => (a.when !== undefined ? [{ label: `"${a.adverb}"`, interval: parseInterval(a.when) }] : []));
  problems.push(...overlapProblems(written).map((p) => `adverbs: ${p}`));
  const formSets: [string, Partial<FormsData>][] = [
    ['forms.band', data.forms.band],
    ['forms.exact', data.forms.exact],
    ['forms.all', data.forms.all],
    ['forms.none', data.forms.none],
    ['forms.allBut', data.forms.allBut],
    ['forms.single', data.forms.single],
    ['forms.allOfOne', data.forms.allOfOne ?? {}],
    ['forms.noneOfOne', data.forms.noneOfOne ?? {}],
    ...data.bands.map((b): [string, Partial<FormsData>] => [`band ${b.id} forms`, b.forms ?? {}]),
  ];
  for (const [where, set] of formSets) {
    for (const [name, template] of Object.entries(set)) {
      try {
        for (const p of placeholders(template)) if (!formVariables.has(p.name)) problems.push(`${where}.${name}: unknown placeholder {${p.name}}`);
      } catch (e) {
        problems.push(`${where}.${name}: ${(e as TemplateError).message}`);
      }
    }
  }
  for (const [name, template] of Object.entries(data.reasonList)) {
    if (typeof template !== 'string') continue;
    try {
      for (const p of placeholders(template))
        if (p.name !== 'count' && p.name !== 'phrase') problems.push(`reasonList.${name}: unknown placeholder {${p.name}}`);
    } catch (e) {
      problems.push(`reasonList.${name}: ${(e as TemplateError).message}`);
    }
  }
  if (!/^\d+(\.\d+)?(\/\d+)?$/.test(data.rules.allBut.atLeast))
    problems.push(`rules.allBut.atLeast: "${data.rules.allBut.atLeast}" is not a proportion such as 3/4 or 0.75`);
  return problems;
}
