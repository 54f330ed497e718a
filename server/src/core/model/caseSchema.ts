import { z } from 'zod';
import type { Catalogue, Question } from '../criteria/catalogue';
import { quoted } from '../text/quote';
import { describe, judgementValue, text, yesNo } from './values';

// The case file's schema is built from the catalogue: the criterion ids, question keys, reason codes and
// case facts all come from the data, so a new catalogue needs no change here.

const reasonCodes = new WeakMap<Question, z.ZodType<string>>();

/** A question's reason codes as a schema, built once per question: every judgement with reasons is read with it. */
export function reasonCode(question: Question): z.ZodType<string> {
  let schema = reasonCodes.get(question);
  if (!schema) reasonCodes.set(question, (schema = reasonCodeSchema(question)));
  return schema;
}

function reasonCodeSchema(question: Question): z.ZodType<string> {
  const codes = question.reasons?.codes.map((r) => r.code) ?? [];
  const where = `${question.criterion.id}${question.criterion.questions.length > 1 ? ` ${question.key}` : ''}`;
  if (codes.length === 0) {
    return z.never({ error: () => `The catalogue lists no reasons for ${where}; describe the shortfall in notes.` });
  }
  return z.enum(codes as [string, ...string[]], {
    error: (issue) => `${describe(issue.input)} is not a reason for ${where}: use ${codes.join(', ')}.`,
  });
}

/** A judgement: the bare value (`sufficient`) or a mapping with reasons, notes and a quotable comment. */
export function judgementEntry(question: Question) {
  return z.union([
    judgementValue,
    z.strictObject({
      judgement: judgementValue,
      reasons: z.array(reasonCode(question), { error: () => 'Write the reasons as a list, e.g. `reasons: [no-review]`, even for one.' }).optional(),
      notes: text.optional(),
      quote: text.optional(),
    }),
  ]);
}

export function criterionEntry(questions: Question[]) {
  const [only] = questions;
  if (questions.length === 1 && only) return judgementEntry(only);
  const keys = questions.map((q) => q.key);
  const id = questions[0]?.criterion.id ?? '';
  return z.strictObject(Object.fromEntries(questions.map((q) => [q.key, judgementEntry(q).optional()])), {
    error: (issue) =>
      issue.code === 'invalid_type'
        ? `${id} has ${keys.length} judgements; write each under its own key: ${keys.map((k) => `${k}: …`).join(', ')}.`
        : undefined,
  });
}

/** The wording other YAML tools show on hover (the JSON Schema's description). */
export function describeCriterion(questions: Question[]): string {
  const [first] = questions;
  if (!first) return '';
  const head = `${first.criterion.id} ${first.criterion.title}`;
  if (questions.length === 1) return `${head}: ${first.wording}.`;
  return `${head}:\n${questions.map((q) => `- ${q.key}: ${q.wording}.`).join('\n')}`;
}

export function caseFileSchema(catalogue: Catalogue) {
  const facts = Object.fromEntries(catalogue.writtenFacts.map((f) => [f.id, yesNo.meta({ description: `${f.label}: yes or no.` })]));
  const sentenceNames = catalogue.sentences.map((s) => s.label);
  const judgements = Object.fromEntries(
    [...catalogue.criteria.values()].map((c) => [
      c.id,
      criterionEntry(c.questions)
        .optional()
        .meta({ description: describeCriterion(c.questions) }),
    ]),
  );
  return z.strictObject(
    {
      case: z
        .union([z.string().min(1), z.number().int()], {
          error: (issue) => `${describe(issue.input)} is not a case id: write the case's reference, e.g. LIV-07.`,
        })
        .transform(String),
      criteria: text.optional(),
      sentence: z
        .string({ error: (issue) => `${describe(issue.input)} is not a sentence type: use ${sentenceNames.join(', ')}.` })
        .refine((name) => catalogue.sentence(name) !== undefined, {
          error: (issue) => `${quoted(String(issue.input))} is not a sentence type in ${catalogue.id}: use ${sentenceNames.join(', ')}.`,
          params: { code: 'SQS016' },
        }),
      ...facts,
      inspector: text.optional(),
      notes: text.optional(),
      // `judgements:` with nothing under it yet (a new case file) is no judgements, not an error.
      judgements: z.strictObject(judgements).nullable().default({}),
    },
    {
      error: (issue) =>
        issue.code === 'invalid_type'
          ? issue.input === null || issue.input === undefined
            ? 'The case file is empty: start with `case:`, `sentence:` and the case facts, then `judgements:`.'
            : `A case file is a YAML mapping starting with \`case: <id>\`, not ${describe(issue.input).toLowerCase()}.`
          : undefined,
    },
  );
}

export type CaseFileData = z.output<ReturnType<typeof caseFileSchema>>;
