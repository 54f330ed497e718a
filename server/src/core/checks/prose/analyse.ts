import type { Question } from '../../criteria/catalogue';
import type { Framing, Phrasebook } from '../../commentary/phrasebook';
import type { QuantifierMatch } from '../../commentary/finder';
import { Attribution, reasonsNamed, type ReasonRef } from './attribution';
import { inside, isNegation, lowerBound, quotations, sentences, statementsOf, words, type Sentence, type Stretch, type Token } from './text';

/** What a quantifier in commentary claims, once it is known what it is about. */
export type Claim = (
  | /** A share of a question's relevant cases ("over three-quarters", "19 out of 22", "all but five"). */
    { kind: 'share'; match: QuantifierMatch; questions: Question[]; framing: Framing }
    /** A number of cases as the subject ("Sixteen children or young people had complied"). */
  | { kind: 'count'; match: QuantifierMatch; questions: Question[]; framing: Framing }
  /** A number of cases giving a reason ("in three cases the assessment had not been done"). */
  | { kind: 'reason'; match: QuantifierMatch; reasons: ReasonRef[] }
) & {
  /** Where the quantity's sentence starts, for the words a fix must make agree with it. */
  sentenceStart: number;
};

/** The reading of one text about a criterion: its claims, or why it was not read. */
export type Analysis = { claims: Claim[] } | { notAnalysed: string };

/**
 * Beyond these the commentary is not read: no report paragraph comes near them (Liverpool's longest is
 * 1.6 kB with 6 quantities), and a paste of a whole document or a table of figures would cost every
 * keystroke in the inspection file. Reading is linear, so these bound it to a few milliseconds.
 */
export const proseLimits = { maxLength: 20_000, maxQuantities: 200 };

const caseNouns = new Set(['case', 'review', 'assessment', 'plan', 'psr', 'report', 'child', 'young', 'person']);
/** Quantifiers over these count people the inspectors spoke to ("the great majority of staff"), not cases. */
const otherPeople = new Set([
  'staff',
  'practitioner',
  'manager',
  'inspector',
  'officer',
  'worker',
  'colleague',
  'member',
  'partner',
  'agency',
  'parent',
  'carer',
]);
const restrictiveStart = /\s*(?:[\p{L}]+\s+)?(?:where|in which|who)\b/iuy;
const countIntro = /(?:^|[^\p{L}])(?:in(?: a further| another| the other)?|a further|another)\s+$/iu;

/**
 * Reads the quantifiers of a text about some questions (a criterion's) and decides what each is about. Only what can be
 * attributed is claimed: a number in an anecdote ("In one case we noted: …"), a pronoun ("one had not
 * been produced") or a quotation is not a count of cases. Pure, and independent of the numbers, so it is
 * done once per text. Every step is linear (or n log n) in the text: what a quantifier needs from its
 * sentence is worked out once per sentence, never by walking the sentence again per quantifier.
 */
export function analyse(questions: readonly Question[], text: string, book: Phrasebook, limits = proseLimits): Analysis {
  if (text.length > limits.maxLength)
    return { notAnalysed: `it is ${Math.ceil(text.length / 1000)} kB long (commentary over ${limits.maxLength / 1000} kB is not read)` };
  const quotes = quotations(text);
  const matches = book.find(text).filter((m) => !inside(quotes, m.start));
  if (matches.length > limits.maxQuantities)
    return { notAnalysed: `it states ${matches.length} quantities (commentary with over ${limits.maxQuantities} is not read)` };
  const claims: Claim[] = [];
  let next = 0;
  let previous: Sentence | undefined;
  for (const s of sentences(text, quotes)) {
    while (next < matches.length && matches[next]!.start < s.start) next++;
    const first = next;
    while (next < matches.length && matches[next]!.start < s.end) next++;
    const before = previous;
    if (next > first) claims.push(...sentenceClaims(questions, text, s, quotes, matches.slice(first, next), () => aboutPeople(text, before, quotes)));
    previous = s;
  }
  return { claims };
}

/**
 * Whether a sentence is about people other than the cases: the first of its nouns naming people or cases
 * names people ("Case managers also valued …", where "case" only says which managers).
 */
function aboutPeople(text: string, s: Sentence | undefined, quotes: readonly Stretch[]): boolean {
  if (!s) return false;
  const tokens = words(text, s.start, s.end, quotes);
  for (const [j, t] of tokens.entries()) {
    if (otherPeople.has(t.stem)) return true;
    if (caseNouns.has(t.stem) && !otherPeople.has(tokens[j + 1]?.stem ?? '')) return false;
  }
  return false;
}

function sentenceClaims(
  candidates: readonly Question[],
  text: string,
  s: Sentence,
  quotes: readonly Stretch[],
  here: readonly QuantifierMatch[],
  previousAboutPeople: () => boolean,
): Claim[] {
  const r = new SentenceReading(candidates, text, s, words(text, s.start, s.end, quotes), here);
  const claims: Claim[] = [];
  const share = (m: QuantifierMatch, statement: Stretch, framing: Framing) => {
    const { questions, about } = r.attribute(statement);
    if (about) claims.push({ kind: 'share', match: m, questions, framing, sentenceStart: s.start });
  };
  for (const [i, m] of here.entries()) {
    const statement = r.statementAround(m.start);
    const framing: Framing = r.negated(statement, r.restrictiveAfter(m)) ? 'not-sufficient' : 'sufficient';
    const nextWord = r.tokens[r.firstTokenFrom(m.end)];
    if (nextWord && otherPeople.has(nextWord.stem)) continue;
    // A quantity opening a sentence without a noun of its own ("All but one described …") counts what the
    // sentence before spoke of: when that was people, not the cases, it is not a claim about the cases.
    const ownNoun = m.form === 'the' || /\bof$/i.test(m.text) || (nextWord !== undefined && caseNouns.has(nextWord.stem));
    if (m.start === s.start && !ownNoun && m.kind !== 'adverb' && previousAboutPeople()) continue;
    // A vague number ("several", "a handful") is read as a count is: it may give a reason.
    const countLike = m.kind === 'count' || m.band?.cases !== undefined;
    if (!countLike) {
      share(m, statement, framing);
      continue;
    }
    if (s.introducesQuote) continue;
    const introduced = countIntro.test(text.slice(Math.max(s.start, m.start - 20), m.start));
    const subject = !introduced && nextWord !== undefined && caseNouns.has(nextWord.stem);
    const until = here[i + 1]?.start ?? s.end;
    const reasons = introduced || subject ? reasonsNamed(candidates, r.tokensWithin(m.end, until)) : [];
    if (reasons.length > 0) claims.push({ kind: 'reason', match: m, reasons, sentenceStart: s.start });
    else if (m.kind !== 'count') share(m, statement, framing);
    else if (subject) {
      const { questions, about } = r.attribute(statement);
      if (about) claims.push({ kind: 'count', match: m, questions, framing, sentenceStart: s.start });
    }
  }
  return claims;
}

/**
 * One sentence's words, with what every quantifier in it asks of them worked out up front: which words
 * belong to a quantifier or to the catalogue's description of the relevant cases, where the negations
 * are, and what each statement is about.
 */
class SentenceReading {
  readonly statementAround: (at: number) => Stretch;
  /** Per token: inside one of the sentence's quantifiers. */
  private readonly inMatch: boolean[];
  /** Indices of negating tokens outside quantifiers and outside descriptions of the relevant cases. */
  private readonly negations: number[] = [];
  private readonly attribution: Attribution;
  private readonly attributed = new Map<string, { questions: Question[]; about: boolean }>();
  private readonly sentenceText: string;
  /** Offsets (in the sentence) of its commas and semicolons, where a restrictive clause ends. */
  private readonly clauseStops: number[] = [];

  constructor(
    questions: readonly Question[],
    text: string,
    readonly sentence: Sentence,
    readonly tokens: readonly Token[],
    here: readonly QuantifierMatch[],
  ) {
    this.statementAround = statementsOf(sentence);
    this.inMatch = overlapFlags(tokens, here);
    const described = overlapFlags(tokens, mergeStretches(relevantCasesIn(text, sentence, questions)));
    tokens.forEach((t, j) => {
      if (isNegation(t) && !this.inMatch[j] && !described[j]) this.negations.push(j);
    });
    this.attribution = new Attribution(questions, tokens, this.inMatch);
    this.sentenceText = text.slice(sentence.start, sentence.end);
    for (let k = 0; k < this.sentenceText.length; k++) {
      const c = this.sentenceText[k];
      if (c === ',' || c === ';') this.clauseStops.push(k);
    }
  }

  /** Index of the first token starting at or after `at`. */
  firstTokenFrom(at: number): number {
    return lowerBound(this.tokens, at, (t) => t.start);
  }

  /** The tokens lying wholly within [start, end). */
  tokensWithin(start: number, end: number): Token[] {
    const a = this.firstTokenFrom(start);
    const b = lowerBound(this.tokens, end + 1, (t) => t.end);
    return this.tokens.slice(a, Math.max(a, b));
  }

  /**
   * Whether a statement is about the cases that fell short ("had not been reviewed"): a negation in it,
   * not counting quantifiers, descriptions of the relevant cases, and `restrictive` ("cases where the
   * child had not complied": the cases counted, not what is said of them).
   */
  negated(statement: Stretch, restrictive: Stretch | undefined): boolean {
    const a = this.firstTokenFrom(statement.start);
    const b = lowerBound(this.tokens, statement.end + 1, (t) => t.end);
    // Tokens overlapping the restrictive clause: a run [ra, rb).
    const ra = restrictive ? lowerBound(this.tokens, restrictive.start + 1, (t) => t.end) : b;
    const rb = restrictive ? lowerBound(this.tokens, restrictive.end, (t) => t.start) : b;
    let k = lowerBound(this.negations, a, (j) => j);
    if (k < this.negations.length && this.negations[k]! >= ra && this.negations[k]! < rb) k = lowerBound(this.negations, rb, (j) => j);
    return k < this.negations.length && this.negations[k]! < b;
  }

  /** The questions a statement is about, and whether the sentence shares a word with any of them (cached per statement). */
  attribute(statement: Stretch): { questions: Question[]; about: boolean } {
    const key = `${statement.start}:${statement.end}`;
    let found = this.attributed.get(key);
    if (!found) {
      const a = this.firstTokenFrom(statement.start);
      const b = lowerBound(this.tokens, statement.end + 1, (t) => t.end);
      const questions = this.attribution.questionsFor(a, b);
      found = { questions, about: this.attribution.mentionsAny(questions) };
      this.attributed.set(key, found);
    }
    return found;
  }

  /**
   * "all | cases where the child had not complied": the cases counted, not what is said of them. The
   * clause opens with "where", "in which" or "who" (perhaps after one word) and runs to the next comma or
   * semicolon, else to the sentence's end; read in place, not by copying the rest of the sentence for
   * every quantifier.
   */
  restrictiveAfter(m: QuantifierMatch): Stretch | undefined {
    if (m.end >= this.sentence.end) return undefined;
    const re = new RegExp(restrictiveStart.source, restrictiveStart.flags);
    re.lastIndex = m.end - this.sentence.start;
    const found = re.exec(this.sentenceText);
    if (!found) return undefined;
    const from = re.lastIndex;
    const k = this.clauseStops[lowerBound(this.clauseStops, from, (c) => c)];
    return { start: m.end, end: this.sentence.start + (k ?? this.sentenceText.length) };
  }
}

/** Per token (sorted, disjoint), whether it overlaps one of `spans` (sorted, disjoint): one pass, two pointers. */
function overlapFlags(tokens: readonly Stretch[], spans: readonly Stretch[]): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  let k = 0;
  for (const [j, t] of tokens.entries()) {
    while (k < spans.length && spans[k]!.end <= t.start) k++;
    out[j] = k < spans.length && spans[k]!.start < t.end;
  }
  return out;
}

/** Stretches sorted and merged where they overlap or touch, covering exactly the same characters. */
function mergeStretches(stretches: Stretch[]): Stretch[] {
  const sorted = [...stretches].sort((a, b) => a.start - b.start);
  const out: Stretch[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
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
