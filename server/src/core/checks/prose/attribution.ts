import type { Question } from '../../criteria/catalogue';
import { isNegation, stem, type Token } from './text';

// Which question of a criterion a quantifier in its commentary is about, and which reason a count of
// cases names. Both compare the words around the quantifier with the catalogue's own words for each
// question (its wording, the cases it is relevant to, its commentary sentence) and each reason (its
// phrase). Words every candidate shares say nothing and are not counted.

const stopwords = new Set(
  'a an the of in on to for and or but with by as at from into than then that this these those there their they them it its we our us who which where when whilst while was were is are be been being had has have did do does could would should can will not no all any some so such also just only very more most less over almost case cases found saw see seen looked felt noted example further another other one'.split(
    ' ',
  ),
);

export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.replace(/\{[^}]*\}/g, ' ').matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    const word = m[0].toLowerCase();
    if (!stopwords.has(word)) out.add(stem(word));
  }
  return out;
}

const phrases = new Map<string, Set<string>>();

/** A reason's phrase as stems, read once (a count of cases asks for every reason's). */
function phraseStems(phrase: string): Set<string> {
  let stems = phrases.get(phrase);
  if (!stems) phrases.set(phrase, (stems = contentStems(phrase)));
  return stems;
}

const vocabularies = new WeakMap<Question, Set<string>>();

/** A question's words: its wording, the cases it is relevant to, and its commentary sentences. */
export function vocabulary(q: Question): Set<string> {
  let v = vocabularies.get(q);
  if (!v) {
    v = contentStems([q.wording, q.relevantCases, q.commentary?.sentence, q.commentary?.allSentence].filter(Boolean).join(' '));
    vocabularies.set(q, v);
  }
  return v;
}

/**
 * The questions a statement in one sentence is most likely about: words in the statement itself count
 * fully, the rest of the sentence a quarter. Several questions come back when they score the same (the
 * caller then treats the quantifier as true if it is true of any of them). Built once per sentence: only
 * the words of some candidate's vocabulary can score, so each is indexed by where it occurs, and a
 * statement's score costs a binary search per such word rather than a pass over the sentence.
 */
export class Attribution {
  private readonly vocabs: Set<string>[];
  /** Each scoring stem of the sentence with the (ascending) indices of the tokens where it occurs. */
  private readonly occurrences = new Map<string, number[]>();
  private words: Set<string> | undefined;

  /** `skip[j]`: token j belongs to a quantifier and says nothing about the subject. */
  constructor(
    private readonly candidates: readonly Question[],
    private readonly tokens: readonly Token[],
    private readonly skip: readonly boolean[],
  ) {
    this.vocabs = candidates.map(vocabulary);
    if (candidates.length <= 1) return;
    const shared = new Set([...this.vocabs[0]!].filter((s) => this.vocabs.every((v) => v.has(s))));
    tokens.forEach((t, j) => {
      if (stopwords.has(t.word) || shared.has(t.stem) || skip[j] || !this.vocabs.some((v) => v.has(t.stem))) return;
      const list = this.occurrences.get(t.stem);
      if (list) list.push(j);
      else this.occurrences.set(t.stem, [j]);
    });
  }

  /** The best-scoring candidates for the statement made of tokens [a, b). */
  questionsFor(a: number, b: number): Question[] {
    if (this.candidates.length <= 1) return [...this.candidates];
    const scores = this.vocabs.map(() => 0);
    for (const [stem, at] of this.occurrences) {
      let lo = 0;
      let hi = at.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (at[mid]! < a) lo = mid + 1;
        else hi = mid;
      }
      const w = lo < at.length && at[lo]! < b ? 1 : 0.25;
      this.vocabs.forEach((v, i) => {
        if (v.has(stem)) scores[i]! += w;
      });
    }
    const best = Math.max(...scores);
    return this.candidates.filter((_, i) => scores[i] === best);
  }

  /** Whether the sentence (outside its quantifiers) shares a word with what any of `questions` is about. */
  mentionsAny(questions: readonly Question[]): boolean {
    this.words ??= new Set(this.tokens.filter((_, j) => !this.skip[j]).map((t) => t.stem));
    const words = this.words;
    return questions.some((q) => [...vocabulary(q)].some((s) => words.has(s)));
  }
}

const negatedPhrases = new Map<string, boolean>();

function phraseNegated(phrase: string): boolean {
  let negated = negatedPhrases.get(phrase);
  if (negated === undefined)
    negatedPhrases.set(phrase, (negated = [...phrase.matchAll(/[\p{L}]+(?:['’][\p{L}]+)?/gu)].some((m) => isNegation({ word: m[0].toLowerCase() }))));
  return negated;
}

export interface ReasonRef {
  question: Question;
  code: string;
}

/**
 * The reasons the words after a count name ("in three cases | the assessment had not been done"): those
 * sharing at least three-quarters of their phrase's words, and at least two, with the best share.
 */
export function reasonsNamed(candidates: readonly Question[], after: readonly Token[]): ReasonRef[] {
  const present = new Set(after.filter((t) => !stopwords.has(t.word)).map((t) => t.stem));
  // A reason worded as a failure ("the review was not of an acceptable standard") is not named by words
  // that say the opposite ("three reviews … were of an acceptable standard").
  const negated = after.some(isNegation);
  let best = 0;
  let found: ReasonRef[] = [];
  for (const question of candidates) {
    for (const r of question.reasons?.codes ?? []) {
      const phrase = phraseStems(r.phrase ?? r.label);
      if (!negated && phraseNegated(r.phrase ?? r.label)) continue;
      const hits = [...phrase].filter((s) => present.has(s)).length;
      const share = phrase.size > 0 ? hits / phrase.size : 0;
      if (hits < Math.min(2, phrase.size) || share < 0.75 || share < best) continue;
      if (share > best) found = [];
      best = share;
      found.push({ question, code: r.code });
    }
  }
  return found;
}
