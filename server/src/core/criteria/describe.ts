import type { Catalogue, Question } from './catalogue';
import type { RelevanceRule } from './catalogueSchema';
import { questionName } from './names';

/** Which cases a question applies to, in the inspectors' words ("cases with a PSR"). */
export function describeRelevance(question: Question, catalogue: Catalogue): string {
  return question.relevantCases ?? describeRule(question.relevance, catalogue);
}

export function describeRule(rule: RelevanceRule, catalogue: Catalogue): string {
  if (rule === 'all') return 'every case';
  if (rule === 'judged') return 'cases the inspector judges it applies to (otherwise "not applicable")';
  if ('fact' in rule) return `cases where: ${lowerFirst(catalogue.facts.get(rule.fact)?.label ?? rule.fact)}`;
  if ('question' in rule) {
    const other = catalogue.question(rule.question);
    const name = other ? questionName(other) : rule.question;
    return `cases judged ${rule.is === 'sufficient' ? 'sufficient' : 'not sufficient'} on ${name}`;
  }
  return rule.all.map((r) => describeRule(r, catalogue)).join(', and ');
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}
