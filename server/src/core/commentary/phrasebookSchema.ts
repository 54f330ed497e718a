import { z } from 'zod';
import { intervalPattern, isEmpty, parseInterval } from './interval';

// A phrasebook is data: how a report words a count of cases ("19 out of 22", "all but 3 out of the 22
// relevant", "over three-quarters of"), the bands of proportions and which phrases each band accepts,
// number words and dates. A new house style (or another inspectorate's table) is a new JSON file in
// phrasebooks/, optionally extending another one; see docs/commentary.md.

const idPattern = /^[a-z][a-z0-9_-]*$/;

const interval = z
  .string()
  .regex(intervalPattern, { error: 'write an interval such as "(3/4, 1)", "[0.9, 1)" or "[1, 1]"' })
  .refine((s) => !intervalPattern.test(s) || !isEmpty(parseInterval(s)), { error: 'the interval is empty' });

/**
 * The three shapes a quantity takes in a sentence, by what follows it in the template:
 * `bare` before a plain plural noun ("over three-quarters of | cases", "most | plans"),
 * `the` before a noun that takes the article ("most of the | PSRs", "seven out of the nine | cases"),
 * `relevant` the same, naming the filtered total ("seven out of the nine relevant | cases").
 */
const forms = z.strictObject({
  /** How the quantity is named on its own (in messages and as the check's suggested replacement). */
  phrase: z.string(),
  bare: z.string(),
  the: z.string(),
  relevant: z.string(),
});

const band = z.strictObject({
  id: z.string().regex(idPattern),
  /** The canonical wording, also the word filling `{phrase}` in the default band forms. */
  phrase: z.string().min(1),
  /** Proportions for which the generator writes this band. Bands with `when` must cover [0, 1] exactly once. */
  when: interval.optional(),
  /**
   * Proportions a writer may describe with this band without the check objecting. Left out, the phrase is
   * read as the vocabulary reads it ("almost one-quarter": a fraction and a comparison), so a margin such as
   * "almost" is stated once, in `vocabulary.margins`.
   */
  accepts: interval.optional(),
  /** A number of cases the phrase also implies ("several": at least three), whatever the share. */
  cases: z.strictObject({ atLeast: z.number().int().min(0).optional(), atMost: z.number().int().min(0).optional() }).optional(),
  /** Other wordings the check recognises as this band ("the majority", "the vast majority"). */
  aliases: z.array(z.string().min(1)).optional(),
  /** Overrides of the default band forms ("most" rather than "most of"). */
  forms: forms.partial().optional(),
});

/**
 * What a comparison word says of the fraction (or number) after it. Shares: `below` (0, X), `at-most`
 * (0, X], `at-least` [X, 1), `above` (X, 1), `just-below` [X − nearly, X), `just-above` (X, X + nearly],
 * `near` [X − about, X + about], never none or all (a report says "none" or "all" when it is). Numbers of
 * cases: the same comparisons, the margins being `margins.count` per cent of the number (at least one).
 */
export const comparisonMeanings = ['below', 'at-most', 'at-least', 'above', 'just-below', 'just-above', 'near'] as const;

const rational = z.string().regex(/^\d+(\.\d+)?(\/\d+)?$/, { error: 'write a proportion such as 1/4 or 0.25' });

/**
 * The words the check reads that the generator need not write: fractions and the comparisons around them
 * ("less than one-third", "at least three-quarters", "about half"), vague quantities ("several", "many"),
 * and adverbs of frequency ("rarely", "usually"). Each has a band (docs/commentary.md lists them).
 */
const vocabulary = z.strictObject({
  margins: z.strictObject({
    /** "almost X", "nearly X": at most this many percentage points below X ("just over X": above it). */
    nearly: z.number().positive().max(50),
    /** "about X", "around X", "roughly X": within this many percentage points either side of X. */
    about: z.number().positive().max(50),
    /** "almost 20 cases", "about 20 cases": within this per cent of the number, and at least one case. */
    count: z.number().positive().max(100),
  }),
  /** Fractions by value, with every way of writing each ("one-quarter", "a quarter", "one in four"). */
  fractions: z.array(z.strictObject({ value: rational, words: z.array(z.string().min(1)).min(1) })),
  /** Comparison words before a fraction or a number, by what they mean (`comparisonMeanings`). */
  comparisons: z.array(z.strictObject({ means: z.enum(comparisonMeanings), words: z.array(z.string().min(1)).min(1) })),
  /**
   * Words that qualify a quantity without changing what the check holds it to ("well over half", "only 19
   * out of 22"); a quick fix replaces them with the quantity, so no sentence is left with two quantifiers.
   */
  hedges: z.array(z.string().min(1)),
  /** Words that negate an adverb standing after them ("not always": some, not all). */
  negations: z.array(z.string().min(1)),
  /**
   * An adverb speaks of the cases only straight after one of these words (a negation between them is
   * allowed): "was rarely effective", "had not always been reviewed", but not "we would always expect".
   */
  adverbsAfter: z.array(z.string().min(1)),
});

const numbers = z.strictObject({
  /** Numbers below this are written in words ("seven"), unless set against a larger number ("3 out of the 22"). */
  wordsBelow: z.number().int().min(0),
  /** Words for 0, 1, 2, … (at least up to 19 for English). */
  words: z.array(z.string().min(1)).min(10),
  /** Words for 20, 30, …, 90; 21–99 join a ten and a unit with `joiner`. */
  tens: z.array(z.string().min(1)),
  joiner: z.string(),
  /**
   * Words for hundreds, thousands, …, largest first, to spell out a number of 100 or more that opens a
   * sentence ("Four thousand seven hundred and six"); without them such a number stays in digits.
   */
  scales: z.array(z.strictObject({ value: z.number().int().min(100), word: z.string().min(1) })).optional(),
  /** The word before a remainder below 100 ("one hundred and six", "one thousand and fifty"); empty for none. */
  and: z.string().optional(),
  /** Digit grouping: numbers from `from` written with `separator` between groups of three ("1,200"). */
  group: z.strictObject({ separator: z.string().min(1), from: z.number().int().min(1000) }).optional(),
});

const dates = z.strictObject({
  months: z.array(z.string().min(1)).length(12),
  /** The suffix after a day number: by exact number first, then by last digit, else the default. */
  ordinals: z.strictObject({
    default: z.string(),
    byNumber: z.record(z.string(), z.string()).optional(),
    byLastDigit: z.record(z.string(), z.string()).optional(),
  }),
  /** `{day}` (with its suffix), `{month}`, `{year}`; ranges add `{endDay}`, `{endMonth}`, `{endYear}`, and `{date}`/`{endDate}`. */
  date: z.string(),
  rangeSameMonth: z.string(),
  rangeSameYear: z.string(),
  range: z.string(),
});

const rules = z.strictObject({
  /** Style `all-but`: "all but N" when at most `maxMissing` are missing and the share is at least `atLeast`; else exact. */
  allBut: z.strictObject({ maxMissing: z.number().int().min(1), atLeast: z.string() }),
  /** Style `banded`: "all but one of the" instead of a band when this few are missing out of at least `minTotal`. */
  bandedAllBut: z.strictObject({ maxMissing: z.number().int().min(0), minTotal: z.number().int().min(1) }),
  /** Style `banded`: "one of the" instead of a band for this few out of at least `minTotal`. */
  single: z.strictObject({ maxCount: z.number().int().min(0), minTotal: z.number().int().min(1) }),
  /** Adverbs ("always", "never", "generally") only for a share of at least `minTotal` cases: one case is not "always". */
  adverbs: z.strictObject({ minTotal: z.number().int().min(1) }).optional(),
});

/** How a breakdown of reasons is worded ("In three cases …, in two, … and in another two …"). */
const reasonList = z.strictObject({
  first: z.string(),
  middle: z.string(),
  middleSame: z.string(),
  /** The last reason when its phrase opens with one of `determiners`: "and in four the review was …". */
  last: z.string(),
  lastSame: z.string(),
  /**
   * The last reason when its phrase opens otherwise, so the count is not read as counting the phrase's first
   * noun: "and in another four, reviews were copies", not "in another four reviews were copies".
   */
  lastComma: z.string(),
  lastSameComma: z.string(),
  /** Words that open a noun phrase which a bare count cannot run into ("the", "a"). */
  determiners: z.array(z.string().min(1)),
  separator: z.string(),
  and: z.string(),
  /** Joins the main reasons in a `main` breakdown ("X or Y"). */
  or: z.string(),
});

const finderPattern = z.strictObject({
  kind: z.enum(['ratio', 'all-but', 'all', 'none']),
  /** Literal words with `{count}`, `{total}` and `{missing}` standing for a number in digits or words. */
  text: z.string().min(1),
});

const finder = z.strictObject({
  /** Exact-count wordings, tried longest first. Band phrases and their aliases are found as well. */
  patterns: z.array(finderPattern),
  /** Words after a band phrase that show it stands alone ("less than two-thirds | had been reviewed"). */
  verbs: z.array(z.string()),
});

/**
 * An adverb of frequency: how often a judgement held across the relevant cases ("management oversight was
 * generally effective", "was rarely effective"). The check reads every one; the generator writes those with
 * `when`, in the sentences a catalogue words that way (`adverbSentence`).
 */
const adverb = z.strictObject({
  adverb: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
  /** The shares it is written for. Adverbs may leave shares without one (the plain sentence is used there) but never overlap. */
  when: interval.optional(),
  /** The shares a writer may describe with it without the check objecting. */
  accepts: interval,
});

export const phrasebookSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(idPattern),
  title: z.string(),
  /** Where the wording comes from, so a reader can check it. */
  source: z.string(),
  /** Language of the wording (BCP 47), e.g. "en". */
  language: z.string(),
  numbers,
  dates,
  forms: z.strictObject({
    /** Default forms for every band; `{phrase}` is the band's phrase. */
    band: forms.omit({ phrase: true }),
    exact: forms,
    all: forms,
    none: forms,
    allBut: forms,
    single: forms,
    /**
     * `all` and `none` when the whole is one case: "the one case where …", "the only PSR", "no case" rather
     * than "all of the one cases". The template's noun after the quantity is then singular.
     */
    allOfOne: forms.optional(),
    noneOfOne: forms.optional(),
  }),
  rules,
  bands: z.array(band).min(1),
  adverbs: z.array(adverb).optional(),
  /** Vague quantities the check reads as bands ("several", "a handful"); a band of the same phrase wins over them. */
  quantities: z.array(band.omit({ when: true })).optional(),
  vocabulary,
  reasonList,
  finder,
});

/** A phrasebook file: a complete phrasebook, or the parts that differ from the one it `extends`. */
export const phrasebookFileSchema = phrasebookSchema.partial().extend({
  id: z.string().regex(idPattern),
  title: z.string(),
  source: z.string(),
  /** The id of a phrasebook whose top-level sections this one inherits. */
  extends: z.string().optional(),
});

export type PhrasebookData = z.infer<typeof phrasebookSchema>;
export type PhrasebookFileData = z.infer<typeof phrasebookFileSchema>;
export type BandData = z.infer<typeof band>;
export type FormsData = z.infer<typeof forms>;
export type ReasonListData = z.infer<typeof reasonList>;
export type FinderPatternData = z.infer<typeof finderPattern>;
export type VocabularyData = z.infer<typeof vocabulary>;
export type AdverbData = z.infer<typeof adverb>;
export type ComparisonMeaning = (typeof comparisonMeanings)[number];
