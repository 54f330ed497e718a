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
export type RelevanceRule =
  | 'all'
  | 'judged'
  | { fact: string }
  | { question: string; is: 'sufficient' | 'not-sufficient' }
  | { all: RelevanceRule[] };

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
  /** How the commentary names the reason ("the assessment had not been done"). */
  phrase: z.string().optional(),
});

/** Template hooks read by the commentary generator (see docs/commentary.md). */
const commentarySchema = z
  .object({
    /** `exact` writes counts ("19 out of 22"); `banded` writes a phrasebook band ("over three-quarters"). */
    style: z.enum(['exact', 'banded']).optional(),
    /** Which side of the count the sentence describes: the sufficient cases or the others. */
    framing: z.enum(['sufficient', 'not-sufficient']).optional(),
    /** Fixed text before the generated sentence (context the seed reports give before the figures). */
    intro: z.string().optional(),
    /** The sentence, with placeholders filled by the commentary generator. */
    sentence: z.string().optional(),
    /** Used instead of `sentence` when every relevant case was sufficient. */
    allSentence: z.string().optional(),
    /** Text introducing the reasons breakdown. */
    reasonsIntro: z.string().optional(),
    /** How inspector quotes on this question are introduced ("An inspector commented on one PSR:"). */
    quoteIntro: z.string().optional(),
  })
  .loose();

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

export const catalogueSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(idPattern),
  title: z.string(),
  /** Where the criteria come from, so a reader can check the wording. */
  source: z.string(),
  facts: z.array(factSchema),
  sentences: z.array(sentenceSchema).min(1),
  themes: z.array(themeSchema).min(1),
});

export type CatalogueData = z.infer<typeof catalogueSchema>;
export type ThemeData = z.infer<typeof themeSchema>;
export type CriterionData = z.infer<typeof criterionSchema>;
export type QuestionData = z.infer<typeof questionSchema>;
export type ReasonData = z.infer<typeof reasonSchema>;
export type FactData = z.infer<typeof factSchema>;
export type SentenceData = z.infer<typeof sentenceSchema>;
export type CommentaryHooks = z.infer<typeof commentarySchema>;
