import type { Catalogue, Question } from '../criteria/catalogue';
import type { RelevanceRule } from '../criteria/catalogueSchema';
import type { LocalFinding } from '../findings';
import type { Contribution } from '../index/relevance';
import type { CaseFile } from '../model/sqsFile';
import type { Located } from '../model/reader';
import { quoted } from '../text/quote';
import type { Range } from '../types';
import { questionName } from '../criteria/names';

/** What a per-case check sees: one case file and what it contributes to its inspection's tallies. */
export interface CaseContext {
  file: CaseFile;
  catalogue: Catalogue;
  /** By question id, as the inspection's TallyBook computed them (relevance is decided once, there). */
  contributions: ReadonlyMap<string, Contribution>;
}

/** A check of one case file. Its findings are cached until that case file changes. */
export type CaseCheck = (ctx: CaseContext) => LocalFinding[];

/** One condition of a relevance rule, as it reads for this case, and where the case file says so. */
export interface Condition {
  holds: boolean | 'unknown';
  says: string;
  range?: Range;
}

/**
 * The conditions of a question's relevance rule for a case, in words: "psr: no", "the sentence
 * (referral order) is not custodial", "4.5 complied is sufficient". The inspector's own call (`judged`)
 * is not a condition.
 */
export function conditions(rule: RelevanceRule, ctx: CaseContext): Condition[] {
  if (rule === 'all' || rule === 'judged') return [];
  if ('all' in rule) return rule.all.flatMap((r) => conditions(r, ctx));
  const model = ctx.file.model;
  if ('fact' in rule) {
    const fact = ctx.catalogue.facts.get(rule.fact);
    const v = model.facts.get(rule.fact);
    if (fact?.fromSentence === 'custodial') {
      const sentence = model.sentence;
      if (!sentence) return [notRead(model.unreadable.get('sentence'), 'the sentence', 'is not a sentence type the catalogue knows')];
      return [
        {
          holds: v?.value ?? 'unknown',
          says: `the sentence, ${sentence.value.label}, is ${sentence.value.custodial ? '' : 'not '}custodial`,
          range: sentence.range,
        },
      ];
    }
    if (!v) return [notRead(model.unreadable.get(rule.fact), rule.fact, 'is neither yes nor no')];
    return [{ holds: v.value, says: `${rule.fact}: ${v.value ? 'yes' : 'no'}`, range: v.range }];
  }
  const other = ctx.catalogue.question(rule.question);
  const j = model.judgements.get(rule.question);
  const name = other ? questionName(other) : rule.question;
  if (!j) return [{ holds: 'unknown', says: `${name} is not yet judged` }];
  const word = j.value.replace('-', ' ');
  return [{ holds: j.value === rule.is, says: `${name} is ${word}`, range: j.range }];
}

/** A condition on a value that is missing, or written but unreadable (`sentence: community order`). */
function notRead(written: Located<string> | undefined, what: string, why: string): Condition {
  if (!written) return { holds: 'unknown', says: `${what} is not given` };
  return { holds: 'unknown', says: `${what} ${quoted(written.value)} ${why}`, range: written.range };
}

/** The question's relevant cases in the report's words ("cases with a PSR"), or a plain fallback. */
export function relevantCases(q: Question): string {
  return q.relevantCases ?? 'the cases it applies to';
}
