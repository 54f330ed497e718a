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
  /** Proportions a writer may describe with this band without the check objecting. */
  accepts: interval,
  /** Other wordings the check recognises as this band ("the majority", "more than three-quarters"). */
  aliases: z.array(z.string().min(1)).optional(),
  /** Overrides of the default band forms ("most" rather than "most of"). */
  forms: forms.partial().optional(),
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
 * An adverb for a judgement true of a share of the relevant cases ("management oversight was generally
 * effective"), for the sentences a catalogue words that way (`adverbSentence`).
 */
const adverb = z.strictObject({
  adverb: z.string().min(1),
  /** The shares it is written for. Adverbs may leave shares without one (the plain sentence is used there) but never overlap. */
  when: interval,
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
