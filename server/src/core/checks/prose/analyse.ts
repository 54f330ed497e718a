import type { Criterion, Question } from '../../criteria/catalogue';
import type { Framing, Phrasebook } from '../../commentary/phrasebook';
import type { QuantifierMatch } from '../../commentary/finder';
import { attribute, reasonsNamed, vocabulary, type ReasonRef } from './attribution';
import { inside, negated, quotations, sentences, statementAround, words, type Stretch, type Token } from './text';

/** What a quantifier in commentary claims, once it is known what it is about. */
export type Claim =
  /** A share of a question's relevant cases ("over three-quarters", "19 out of 22", "all but five"). */
  | { kind: 'share'; match: QuantifierMatch; questions: Question[]; framing: Framing }
  /** A number of cases as the subject ("Sixteen children or young people had complied"). */
  | { kind: 'count'; match: QuantifierMatch; questions: Question[]; framing: Framing }
  /** A number of cases giving a reason ("in three cases the assessment had not been done"). */
  | { kind: 'reason'; match: QuantifierMatch; reasons: ReasonRef[] };

const caseNouns = new Set(['case', 'review', 'assessment', 'plan', 'psr', 'report', 'child', 'young', 'person']);
/** Quantifiers over these count people the inspectors spoke to ("the great majority of staff"), not cases. */
const otherPeople = new Set(['staff', 'practitioner', 'manager', 'inspector', 'officer', 'worker', 'colleague', 'member', 'partner', 'agency', 'parent', 'carer']);
const countIntro = /(?:^|[^\p{L}])(?:in(?: a further| another| the other)?|a further|another)\s+$/iu;

/**
 * Reads the quantifiers of one criterion's commentary and decides what each is about. Only what can be
 * attributed is claimed: a number in an anecdote ("In one case we noted: …"), a pronoun ("one had not
 * been produced") or a quotation is not a count of cases. Pure, and independent of the numbers, so it is
 * done once per text.
 */
export function analyse(criterion: Criterion, text: string, book: Phrasebook): Claim[] {
  const quotes = quotations(text);
  const matches = book.find(text).filter((m) => !inside(quotes, m.start));
  const claims: Claim[] = [];
  for (const s of sentences(text, quotes)) {
    const tokens = words(text, s.start, s.end, quotes);
    const here = matches.filter((m) => m.start >= s.start && m.start < s.end);
    const spans: Stretch[] = here.map((m) => ({ start: m.start, end: m.end }));
    for (const [i, m] of here.entries()) {
      const statement = statementAround(s, m.start);
      const restrictive = [...restrictiveAfter(text, m, s.end), ...relevantCasesIn(text, s, criterion.questions)];
      const framing: Framing = negated(tokens.filter((t) => t.start >= statement.start && t.end <= statement.end && !overlaps(t, spans) && !overlaps(t, restrictive)))
        ? 'not-sufficient'
        : 'sufficient';
      const nextWord = tokens.find((t) => t.start >= m.end);
      if (nextWord && otherPeople.has(nextWord.stem)) continue;
      if (m.kind !== 'count') {
        const questions = attribute(criterion.questions, tokens, statement, spans);
        if (about(questions, tokens, spans)) claims.push({ kind: 'share', match: m, questions, framing });
        continue;
      }
      if (s.introducesQuote) continue;
      const introduced = countIntro.test(text.slice(Math.max(s.start, m.start - 20), m.start));
      const subject = !introduced && nextWord !== undefined && caseNouns.has(nextWord.stem);
      if (!introduced && !subject) continue;
      const until = here[i + 1]?.start ?? s.end;
      const reasons = reasonsNamed(criterion.questions, tokens.filter((t) => t.start >= m.end && t.end <= until));
      if (reasons.length > 0) claims.push({ kind: 'reason', match: m, reasons });
      else if (subject) {
        const questions = attribute(criterion.questions, tokens, statement, spans);
        if (about(questions, tokens, spans)) claims.push({ kind: 'count', match: m, questions, framing });
      }
    }
  }
  return claims;
}

/** A sentence sharing no word with what a question is about ("All but one described countersigning …") is not about it. */
function about(questions: readonly Question[], tokens: readonly Token[], spans: readonly Stretch[]): boolean {
  const words = new Set(tokens.filter((t) => !overlaps(t, spans)).map((t) => t.stem));
  return questions.some((q) => [...vocabulary(q)].some((s) => words.has(s)));
}

function overlaps(t: Stretch, spans: readonly Stretch[]): boolean {
  return spans.some((s) => t.start < s.end && t.end > s.start);
}

/** "all | cases where the child had not complied": the cases counted, not what is said of them. */
function restrictiveAfter(text: string, m: QuantifierMatch, end: number): Stretch[] {
  const rest = text.slice(m.end, end);
  const r = /^\s*(?:[\p{L}]+\s+)?(?:where|in which|who)\b[^,;]*/iu.exec(rest);
  return r ? [{ start: m.end, end: m.end + r[0].length }] : [];
}

/** The catalogue's own description of a question's relevant cases, where the sentence uses it. */
function relevantCasesIn(text: string, s: Stretch, questions: readonly Question[]): Stretch[] {
  const lower = text.slice(s.start, s.end).toLowerCase();
  const out: Stretch[] = [];
  for (const q of questions) {
    const phrase = q.relevantCases?.toLowerCase();
    if (!phrase) continue;
    for (let at = lower.indexOf(phrase); at >= 0; at = lower.indexOf(phrase, at + 1)) out.push({ start: s.start + at, end: s.start + at + phrase.length });
  }
  return out;
}
