import type { RelevanceRule } from '../criteria/catalogueSchema';
import type { Question } from '../criteria/catalogue';
import type { CaseModel, Judgement } from '../model/caseModel';

/** `unknown` when the case file does not (yet) say enough to decide. */
export type Applies = 'yes' | 'no' | 'unknown';

export function applies(rule: RelevanceRule, question: Question, c: CaseModel): Applies {
  if (rule === 'all') return 'yes';
  if (rule === 'judged') {
    const j = c.judgements.get(question.id);
    if (!j) return 'unknown';
    return j.value === 'not-applicable' ? 'no' : 'yes';
  }
  if ('fact' in rule) {
    const fact = c.facts.get(rule.fact);
    return fact === undefined ? 'unknown' : fact.value ? 'yes' : 'no';
  }
  if ('question' in rule) {
    const other = c.judgements.get(rule.question);
    if (!other || other.value === 'not-applicable') return other ? 'no' : 'unknown';
    return other.value === rule.is ? 'yes' : 'no';
  }
  const parts = rule.all.map((r) => applies(r, question, c));
  if (parts.includes('no')) return 'no';
  return parts.every((p) => p === 'yes') ? 'yes' : 'unknown';
}

/**
 * What one case adds to one question's tally.
 * - `sufficient` / `not-sufficient`: a relevant, judged case;
 * - `unjudged`: the question applies (or may apply) and has no judgement yet;
 * - `not-relevant`: it does not apply, or (for questions the inspector decides) was marked not applicable;
 * - `marked-not-applicable`: the facts say it applies but the inspector wrote not applicable;
 * - `judged-not-relevant`: judged although the facts say it does not apply (not counted).
 */
export type Outcome = 'sufficient' | 'not-sufficient' | 'unjudged' | 'not-relevant' | 'marked-not-applicable' | 'judged-not-relevant';

export interface Contribution {
  outcome: Outcome;
  judgement?: Judgement;
  /** The reasons given, when they count (a not-sufficient, relevant case). */
  reasons: readonly string[];
  /** For reviews: a reason says no review took place. */
  notDone: boolean;
}

/** Shared by every contribution without reasons: tens per case file, kept for every case of a workspace. */
const noReasons: readonly string[] = Object.freeze([]);

/** Without a judgement a contribution is its outcome alone: one of these, shared by every case. */
const unjudgedAs = Object.fromEntries(
  (['sufficient', 'not-sufficient', 'unjudged', 'not-relevant', 'marked-not-applicable', 'judged-not-relevant'] as const).map((outcome) => [
    outcome,
    Object.freeze({ outcome, reasons: noReasons, notDone: false }),
  ]),
) as Record<Outcome, Contribution>;

export function contribution(question: Question, c: CaseModel): Contribution {
  return contributionFrom(outcomeOf(question, c), question, c.judgements.get(question.id));
}

/** What the case's facts and judgement make of one question. */
export function outcomeOf(question: Question, c: CaseModel): Outcome {
  const judgement = c.judgements.get(question.id);
  const rel = applies(question.relevance, question, c);
  if (rel === 'no') {
    // A rule can only say no to a judged value through a fact or another question ("judged" alone says no
    // only to "not applicable"), so a judgement here always contradicts the case file.
    const judged = judgement && judgement.value !== 'not-applicable';
    return judged ? 'judged-not-relevant' : 'not-relevant';
  }
  if (!judgement) return 'unjudged';
  if (judgement.value === 'not-applicable') return 'marked-not-applicable';
  return judgement.value === 'sufficient' ? 'sufficient' : 'not-sufficient';
}

/**
 * The contribution of an outcome, with the judgement it was made of: the reasons count only for a not-sufficient
 * one. Made when asked for (TallyBook keeps the outcomes alone), so built whole rather than spread from a base.
 */
export function contributionFrom(outcome: Outcome, question: Question, judgement: Judgement | undefined): Contribution {
  if (!judgement) return unjudgedAs[outcome];
  if (outcome !== 'not-sufficient' || judgement.reasons.length === 0) return { outcome, judgement, reasons: noReasons, notDone: false };
  const reasons = [...new Set(judgement.reasons.map((r) => r.value))];
  const notDone = reasons.some((code) => question.reasons?.codes.find((r) => r.code === code)?.notDone === true);
  return { outcome, judgement, reasons, notDone };
}
