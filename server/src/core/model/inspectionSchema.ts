import { z } from 'zod';
import type { Catalogue, Question } from '../criteria/catalogue';
import { PhrasebookRegistry } from '../commentary/phrasebookRegistry';
import { describeCriterion } from './caseSchema';
import { count, describe, isoDate, text, yesNo } from './values';

const person = z.strictObject({ name: text, role: text.optional() });

const leadInspector = z.strictObject({
  name: text,
  /** Used in the closing paragraph ("He can be contacted on …"). */
  pronoun: z.enum(['he', 'she', 'they'], { error: () => 'Use he, she or they.' }).optional(),
  phone: text.optional(),
  email: text.optional(),
});

const copyEntry = z.strictObject({
  role: text,
  names: z
    .union([text, z.array(text).min(1, { error: () => 'Name at least one person, or remove this entry.' })], {
      error: (issue) => `${describe(issue.input)} is not a name: write one name or a list, e.g. names: [A. Person, B. Person].`,
    })
    .transform((n) => (typeof n === 'string' ? [n] : n)),
});

const narrative = z.strictObject({
  /** Replaces the standard context paragraphs when given. */
  context: text.optional(),
  summary: text.optional(),
  operational_management: text.optional(),
  key_strengths: z.array(text).optional(),
  areas_for_improvement: z.array(text).optional(),
  /** Extra closing text before the thanks paragraph. */
  closing: text.optional(),
});

/** Counts the inspector states for one question; each is checked against the invariants and the tally. */
export function statedTally(question: Question) {
  const reasons = question.reasons ? z.strictObject(Object.fromEntries(question.reasons.codes.map((r) => [r.code, count.optional()]))) : undefined;
  const base = {
    sufficient: count.optional(),
    not_sufficient: count.optional(),
    ...(reasons && { reasons: reasons.optional() }),
  };
  return question.kind === 'review'
    ? z.strictObject({ due: count.optional(), done: count.optional(), ...base })
    : z.strictObject({ relevant: count.optional(), ...base });
}

/** The built-in phrasebooks by id: how the report words counts (docs/commentary.md). */
function phrasebookId() {
  const ids = PhrasebookRegistry.builtIn().ids;
  return z
    .enum(ids as [string, ...string[]], { error: (issue) => `${describe(issue.input)} is not a phrasebook: use ${ids.join(' or ')}.` })
    .meta({ description: `How the report words counts and proportions: ${ids.join(', ')} (default ${ids[0]}).` });
}

export const commentaryStyle = z.enum(['exact', 'all-but', 'banded'], { error: () => 'Use exact, all-but or banded.' });

const commentaryOverride = z.union([
  text,
  z.strictObject({
    /** Hand-written commentary for the criterion, checked against the tallies. */
    text: text.optional(),
    /** Hand-written prose added after the generated sentences (and before any quotes). */
    after: text.optional(),
    style: commentaryStyle.optional(),
    /** Leave the criterion out of the report. */
    omit: z.boolean({ error: (issue) => `${describe(issue.input)} is not true or false.` }).optional(),
  }),
]);

export function inspectionFileSchema(catalogue: Catalogue) {
  const criteria = [...catalogue.criteria.values()];
  const tallies = Object.fromEntries(
    criteria.map((c) => {
      const [only] = c.questions;
      const entry =
        c.questions.length === 1 && only ? statedTally(only) : z.strictObject(Object.fromEntries(c.questions.map((q) => [q.key, statedTally(q).optional()])));
      return [c.id, entry.optional().meta({ description: describeCriterion(c.questions) })];
    }),
  );
  return z.strictObject(
    {
      /** The area inspected, as the report's title names it ("Liverpool"). */
      inspection: text,
      /** The service's full name ("Liverpool Youth Offending Service"). */
      service: text,
      /** How the report refers to the service ("YOS" or "YOT"). */
      service_short: text.optional(),
      criteria: text,
      phrasebook: phrasebookId().optional(),
      language: z.enum(['en', 'cy'], { error: () => 'Use en (English) or cy (Cymraeg).' }).optional(),
      addressee: person,
      from: person,
      fieldwork: z
        .strictObject({ start: isoDate, end: isoDate })
        // ISO dates compare as text; a fieldwork ending before it starts is a slip the report cannot word.
        .refine((f) => f.start <= f.end, {
          error: (issue) => `The fieldwork ends (${(issue.input as { end: string }).end}) before it starts (${(issue.input as { start: string }).start}).`,
          path: ['end'],
        }),
      published: isoDate.optional(),
      lead_inspector: leadInspector,
      sample: count,
      narrative: narrative.optional(),
      copy_to: z.array(copyEntry).optional(),
      tallies: z.strictObject(tallies).optional(),
      commentary: z.strictObject(Object.fromEntries(criteria.map((c) => [c.id, commentaryOverride.optional()]))).optional(),
      /** The figures table and chart in the report (off in the published letter, on in the inspectors' copy). */
      figures: yesNo.optional().meta({
        description: "Print the figures table and chart in the report: yes or no (default: no in the published letter, yes in the inspectors' copy).",
      }),
    },
    {
      error: (issue) =>
        issue.code === 'invalid_type'
          ? issue.input === null || issue.input === undefined
            ? 'The inspection file is empty: start with `inspection: <area>` (see docs/format.md).'
            : `An inspection file is a YAML mapping starting with \`inspection: <area>\`, not ${describe(issue.input).toLowerCase()}.`
          : undefined,
    },
  );
}

export type InspectionFileData = z.output<ReturnType<typeof inspectionFileSchema>>;
