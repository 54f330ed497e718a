import { z } from 'zod';
import { excerpt, quoted } from '../text/quote';

// The small value types of the file format, each with the spellings an inspector may type and an error
// message that says which spellings work. Shapes are plain unions/enums so z.toJSONSchema can export them.

export type JudgementValue = 'sufficient' | 'not-sufficient' | 'not-applicable';

const judgementSpellings: ReadonlyMap<string, JudgementValue> = new Map([
  ['sufficient', 'sufficient'],
  ['yes', 'sufficient'],
  ['not sufficient', 'not-sufficient'],
  ['not-sufficient', 'not-sufficient'],
  ['insufficient', 'not-sufficient'],
  ['no', 'not-sufficient'],
  ['not applicable', 'not-applicable'],
  ['not-applicable', 'not-applicable'],
  ['n/a', 'not-applicable'],
  ['na', 'not-applicable'],
]);

/** What completion offers; the other spellings are accepted but not advertised. */
export const judgementWords = ['sufficient', 'not sufficient', 'not applicable'] as const;

export const judgementSpellingList = [...judgementSpellings.keys()];

const judgementHelp = 'write sufficient, not sufficient or not applicable (yes, no and n/a also work)';

/** "Sufficient" or "Yes": the word is right, only its case is not. */
const inLowerCase = (input: unknown, words: readonly string[]) =>
  typeof input === 'string' && input !== input.toLowerCase() && words.includes(input.trim().toLowerCase());

const notAJudgement = (issue: { input?: unknown }) =>
  inLowerCase(issue.input, judgementSpellingList)
    ? `Write judgements in lower case: ${quoted(String(issue.input).trim().toLowerCase())}, not ${quoted(String(issue.input))}.`
    : `${describe(issue.input)} is not a judgement: ${judgementHelp}.`;

export const judgementValue = z
  .union([z.enum(judgementSpellingList as [string, ...string[]], { error: notAJudgement }), z.boolean()], { error: notAJudgement })
  .transform((v): JudgementValue => {
    if (typeof v === 'boolean') return v ? 'sufficient' : 'not-sufficient';
    return judgementSpellings.get(v)!;
  });

const notYesNo = (issue: { input?: unknown }) =>
  inLowerCase(issue.input, ['yes', 'no'])
    ? `Write yes or no in lower case: ${quoted(String(issue.input).trim().toLowerCase())}, not ${quoted(String(issue.input))}.`
    : `${describe(issue.input)} is not yes or no.`;

export const yesNo = z.union([z.enum(['yes', 'no'], { error: notYesNo }), z.boolean()], { error: notYesNo }).transform((v) => v === true || v === 'yes');

/**
 * The most cases one count may hold. A national sample is a few thousand; anything YAML reads as more (`1e308`,
 * `.inf`, twenty digits) is a slip, and would be printed as it is ("a sample of 1e+308 recent cases").
 */
export const maxCount = 100_000;

/** A count of cases. Percentages, fractions and negative numbers are the usual slips; name them. */
export const count = z.unknown().transform((v, ctx): number => {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= maxCount) return v;
  let message: string;
  if (typeof v === 'number' && v < 0) message = `A count cannot be negative (${v}).`;
  else if (typeof v === 'number' && (v > maxCount || !Number.isFinite(v))) message = `A count is a whole number of cases from 0 to 100,000, not ${v}.`;
  else if (typeof v === 'number') message = `A count is a whole number of cases, not ${v}.`;
  else if (typeof v === 'string' && /%\s*$/.test(v)) message = `Write the number of cases, not a percentage (${excerpt(v)}).`;
  else if (typeof v === 'string' && /^\s*\d+\s*(\/|out of|of)\s*\d+\s*$/.test(v))
    message = `Write one number here, not a fraction (${quoted(v)}): the count and the total have keys of their own.`;
  else message = `${describe(v)} is not a count: write a whole number of cases.`;
  ctx.issues.push({ code: 'custom', message, input: v, params: { code: 'SQS020' } });
  return z.NEVER;
});

/** JSON Schema for `count`: transforms export as "anything", so the exporter substitutes this. */
export const countJsonSchema = { type: 'integer', minimum: 0, maximum: maxCount } as const;

export const isoDate = z
  .string({ error: (issue) => `${describe(issue.input)} is not a date: write YYYY-MM-DD.` })
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    error: (issue) => `${quoted(String(issue.input))} is not a date: write YYYY-MM-DD (e.g. 2013-10-28).`,
  });

/** Free text. A value YAML read as a number or boolean has lost its typed form (0791 → 791): ask for quotes. */
export const text = z.string({
  error: (issue) =>
    issue.input === null || issue.input === undefined
      ? 'Write some text here (or remove the key).'
      : `Expected text but YAML read ${describe(issue.input)}; put the value in quotes.`,
});

export function describe(v: unknown): string {
  if (v === null || v === undefined) return 'An empty value';
  if (typeof v === 'string') return quoted(v);
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v} ${excerpt(String(v))}`;
  if (Array.isArray(v)) return 'A list';
  return 'A mapping';
}
