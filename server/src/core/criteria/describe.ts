import type { Catalogue, Question } from './catalogue';
import type { RelevanceRule } from './catalogueSchema';

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
    const name = other ? `${other.criterion.id}${other.criterion.questions.length > 1 ? ` ${other.key}` : ''}` : rule.question;
    return `cases judged ${rule.is === 'sufficient' ? 'sufficient' : 'not sufficient'} on ${name}`;
  }
  return rule.all.map((r) => describeRule(r, catalogue)).join(', and ');
}

/** "2.2 assessment" for a criterion with several questions, "1.2" for one with a single question. */
export function questionName(question: Question): string {
  return question.criterion.questions.length > 1 ? `${question.criterion.id} ${question.key}` : question.criterion.id;
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}
