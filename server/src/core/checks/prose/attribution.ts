import type { Question } from '../../criteria/catalogue';
import { stem, type Stretch, type Token } from './text';

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
 * The questions a statement is most likely about: words in the statement itself count fully, the rest of
 * the sentence a quarter. Several questions come back when they score the same (the caller then treats
 * the quantifier as true if it is true of any of them).
 */
export function attribute(candidates: readonly Question[], sentence: readonly Token[], statement: Stretch, skip: readonly Stretch[]): Question[] {
  if (candidates.length <= 1) return [...candidates];
  const vocabs = candidates.map(vocabulary);
  const shared = new Set([...vocabs[0]!].filter((s) => vocabs.every((v) => v.has(s))));
  const weights = new Map<string, number>();
  for (const t of sentence) {
    if (stopwords.has(t.word) || shared.has(t.stem) || skip.some((s) => t.start < s.end && t.end > s.start)) continue;
    const w = t.start >= statement.start && t.end <= statement.end ? 1 : 0.25;
    weights.set(t.stem, Math.max(weights.get(t.stem) ?? 0, w));
  }
  const scores = vocabs.map((v) => [...weights].reduce((sum, [s, w]) => sum + (v.has(s) ? w : 0), 0));
  const best = Math.max(...scores);
  return candidates.filter((_, i) => scores[i] === best);
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
  let best = 0;
  let found: ReasonRef[] = [];
  for (const question of candidates) {
    for (const r of question.reasons?.codes ?? []) {
      const phrase = contentStems(r.phrase ?? r.label);
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
