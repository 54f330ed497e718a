import { z } from 'zod';

// A criteria catalogue is data: the questions inspectors answer for each case, when each applies, the
// reasons they may give, and how the report words the counts. New criteria (e.g. the 2016 revision) are a
// new JSON file checked against this schema, not new code.

const idPattern = /^[a-z][a-z0-9_-]*$/;

/**
 * When a question applies to a case. Facts are declared by the catalogue; `judged` leaves it to the
 * inspector (the case is relevant when judged sufficient or not sufficient, irrelevant when marked not
 * applicable) — the rule for reviews, which are relevant only when one was due.
 */
export type RelevanceRule = 'all' | 'judged' | { fact: string } | { question: string; is: 'sufficient' | 'not-sufficient' } | { all: RelevanceRule[] };

export const relevanceRuleSchema: z.ZodType<RelevanceRule> = z.lazy(() =>
  z.union([
    z.literal('all'),
    z.literal('judged'),
    z.strictObject({ fact: z.string() }),
    z.strictObject({ question: z.string(), is: z.enum(['sufficient', 'not-sufficient']) }),
    z.strictObject({ all: z.array(relevanceRuleSchema).min(1) }),
  ]),
);

const reasonSchema = z.strictObject({
  code: z.string().regex(idPattern),
  label: z.string(),
  /** For review questions: this reason means no review took place, so it lowers the `done` count. */
  notDone: z.boolean().optional(),
  /** How the commentary names the reason, to fit the question's reasons sentence ("the assessment had not been done"). */
  phrase: z.string().optional(),
  /** The same for a single case, where `phrase` is plural ("the review was a copy …" for "reviews were copies …"). */
  phraseOne: z.string().optional(),
});

/**
 * How the report words one question (docs/commentary.md). Templates use the placeholders of
 * commentary/template.ts: {quantity}, {quantity:the}, {quantity:relevant} (the phrasebook's forms),
 * {Quantity…} to start a sentence, {count}, {total}, {missing}, {sufficient}, {notSufficient}, {one|many}
 * chosen by the count, and the inspection's values ({serviceShort}, {area}, …).
 */
const commentarySchema = z.strictObject({
  /** `exact` "19 out of 22"; `all-but` "all but 3 out of the 22" while few are missing; `banded` "over three-quarters". */
  style: z.enum(['exact', 'all-but', 'banded']).optional(),
  /** Which side of the count the sentence describes: the sufficient cases (default) or the others. */
  framing: z.enum(['sufficient', 'not-sufficient']).optional(),
  /** Fixed text before the figures (the context the seed gives before them). */
  intro: z.string().optional(),
  /** The sentence stating the figures. */
  sentence: z.string().optional(),
  /** Instead of `sentence` when every relevant case was sufficient. */
  allSentence: z.string().optional(),
  /** Instead of `sentence` when no relevant case was sufficient. */
  noneSentence: z.string().optional(),
  /**
   * Instead of `sentence` where the phrasebook has an adverb for the share ({adverb}: "was generally
   * effective"); a banded, sufficient-framed question only. Shares without an adverb keep `sentence`.
   */
  adverbSentence: z.string().optional(),
  /** When no case is relevant; without it the question says nothing (never "0 out of 0"). */
  noRelevantSentence: z.string().optional(),
  /**
   * Joins the sentence onto the previous question's with a conjunction: one word, or `higher`/`lower` chosen
   * by whether this question's share of sufficient cases is at least the previous one's ("… but less than
   * two-thirds had been reviewed well enough").
   */
  join: z.union([z.string().min(1), z.strictObject({ higher: z.string().min(1), lower: z.string().min(1) })]).optional(),
  /**
   * The breakdown of reasons for not-sufficient cases: `counts` lists each reason with its count
   * ("In three cases …, in two, …"), `main` names the most frequent ones ("mainly because X or Y").
   * `sentence` holds {reasons} (default "{Reasons}.").
   */
  reasons: z.strictObject({ style: z.enum(['counts', 'main']), sentence: z.string().optional() }).optional(),
  /** How an inspector's quote on this question is introduced ("An inspector commented on one PSR:"). */
  quoteIntro: z.string().optional(),
});

export const questionSchema = z.strictObject({
  /** Unique within its criterion; written in case files when a criterion has more than one question. */
  key: z.string().regex(idPattern),
  wording: z.string(),
  /** `review` questions count reviews due and done as well as sufficient. */
  kind: z.enum(['judgement', 'review']).default('judgement'),
  relevance: relevanceRuleSchema,
  /** How the relevant cases are named in the report ("cases where there had been a PSR"). */
  relevantCases: z.string().optional(),
  reasons: z
    .strictObject({
      /** `partition`: each not-sufficient case has exactly one reason, so counts sum to not-sufficient. */
      mode: z.enum(['partition', 'overlap']),
      codes: z.array(reasonSchema).min(1),
    })
    .optional(),
  commentary: commentarySchema.optional(),
});

export const criterionSchema = z.strictObject({
  /** Shown and typed as "1.1"; always a string (YAML would read an unquoted 1.10 as the number 1.1). */
  id: z.string().regex(/^([0-9]+\.[0-9]+|[A-Z]{2,4})$/),
  title: z.string(),
  questions: z.array(questionSchema).min(1),
});

export const themeSchema = z.strictObject({
  id: z.string(),
  /** Numbered themes form the commentary; an unnumbered one (operational management) has its own section. */
  number: z.number().int().positive().optional(),
  title: z.string(),
  criteria: z.array(criterionSchema).min(1),
});

const factSchema = z.strictObject({
  id: z.string().regex(idPattern),
  label: z.string(),
  /** Set for facts derived from the sentence type rather than written in the case file. */
  fromSentence: z.literal('custodial').optional(),
});

const sentenceSchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  custodial: z.boolean(),
  aliases: z.array(z.string()).optional(),
});

/** A section of the report: its heading and fixed paragraphs (templates over the inspection's values). */
const reportSection = z.strictObject({
  heading: z.string().optional(),
  /** Fixed paragraphs; a narrative block in the inspection file may replace them. */
  paragraphs: z.array(z.string()).optional(),
  /** A line introducing a list ("The best aspects of work that we found in {area} included:"). */
  intro: z.string().optional(),
  /** A paragraph after a list. */
  outro: z.string().optional(),
});

/**
 * The figures the inspectors' copy adds (a table and a chart, per question): the section's heading and paragraphs
 * as for any section, the table's caption and the chart's title (templates over the inspection's values too).
 */
const figuresSection = z.strictObject({
  heading: z.string().optional(),
  paragraphs: z.array(z.string()).optional(),
  caption: z.string(),
  chartTitle: z.string(),
});

/**
 * The report around the commentary: letterhead, title, standard paragraphs and headings, as templates over
 * the inspection's values ({area}, {service}, {serviceShort}, {sample}, {fieldwork}, {published}, {addressee},
 * {addresseeRole}, {from}, {fromRole}, {leadInspector}, {pronoun}, {phone}, {email}, {emailOnly}).
 */
const reportSchema = z.strictObject({
  /** The phrasebook used when the inspection names none. */
  phrasebook: z.string().optional(),
  /** Letterhead lines. */
  letterhead: z.array(z.string()),
  /** Header lines: a label and a value template ("To:", "{addressee}[[, {addresseeRole}]]"). */
  header: z.array(z.strictObject({ label: z.string(), value: z.string() })),
  title: z.string(),
  opening: z.array(z.string()),
  context: reportSection,
  summary: reportSection,
  commentary: reportSection,
  operationalManagement: reportSection,
  keyStrengths: reportSection,
  areasForImprovement: reportSection,
  closing: reportSection,
  copyTo: reportSection,
  /** Absent: the figures section is headed "Figures", with no paragraph. */
  figures: figuresSection.optional(),
  /** A quote: `{intro}` and `{quote}`; `intro`/`introNext` are the defaults for the first and later quotes. */
  quote: z.strictObject({ format: z.string(), intro: z.string(), introNext: z.string() }),
  note: z.string().optional(),
});

export const catalogueSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(idPattern),
  title: z.string(),
  /** Where the criteria come from, so a reader can check the wording. */
  source: z.string(),
  facts: z.array(factSchema),
  sentences: z.array(sentenceSchema).min(1),
  themes: z.array(themeSchema).min(1),
  /** The report's fixed wording around the commentary. */
  report: reportSchema,
});

export type CatalogueData = z.infer<typeof catalogueSchema>;
export type ThemeData = z.infer<typeof themeSchema>;
export type CriterionData = z.infer<typeof criterionSchema>;
export type QuestionData = z.infer<typeof questionSchema>;
export type ReasonData = z.infer<typeof reasonSchema>;
export type FactData = z.infer<typeof factSchema>;
export type SentenceData = z.infer<typeof sentenceSchema>;
export type CommentaryHooks = z.infer<typeof commentarySchema>;
export type ReportData = z.infer<typeof reportSchema>;
export type ReportSectionData = z.infer<typeof reportSection>;
export type FiguresSectionData = z.infer<typeof figuresSection>;
