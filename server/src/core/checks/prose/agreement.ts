import type { Fix, QuantifierMatch } from '../../commentary/finder';

// A quick fix replaces a quantity with the phrasebook's words for the figures; the words after it must then
// agree with the new quantity, as they do in what the generator writes: the noun straight after it ("in
// three cases" → "in one case", "in most PSRs" → "in the only PSR") and, when the quantity is the subject of
// its clause, the verb ("less than half of the plans were" → "one of the plans was"). Only these words are
// touched; the rest of the sentence stays as the inspector wrote it.

/** A replacement of text[start, end), in the offsets of the text the quantity was found in. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** [singular, plural] of the nouns the cases go by in commentary, longest first. */
const nouns: readonly (readonly [string, string])[] = [
  ['child or young person', 'children or young people'],
  ['young person', 'young people'],
  ['assessment', 'assessments'],
  ['review', 'reviews'],
  ['report', 'reports'],
  ['child', 'children'],
  ['case', 'cases'],
  ['plan', 'plans'],
  ['PSR', 'PSRs'],
];

/** [singular, plural] of the verbs that agree with their subject in the past and present of commentary. */
const verbs: readonly (readonly [string, string])[] = [
  ['was', 'were'],
  ['is', 'are'],
  ['has', 'have'],
];

/** Words before a quantity that show it opens its clause, so it is the verb's subject. */
const clauseOpeners = new Set(['and', 'but', 'that', 'whilst', 'while', 'although', 'however', 'though']);
/** Words after which the verb met no longer belongs to the quantity's clause. */
const clauseEnders = new Set(['that', 'which', 'who', 'whom', 'whose', 'where', 'when', 'what', 'how', 'why', 'whether', 'if', 'as', 'than', 'because', 'but']);
/** Verbs that do not agree with their subject: the quantity's verb is one of these, so the scan ends there. */
const neutral = new Set(['had', 'did', 'been', 'could', 'would', 'should', 'can', 'will', 'may', 'might', 'must']);
/** How many words the noun phrase after a quantity may run to before its verb ("of the initial plans for custody were"). */
const reach = 8;

/** The noun at `at` (after spaces) as one of `nouns`, and in which number. */
function nounAt(text: string, at: number): { start: number; end: number; pair: readonly [string, string]; plural: boolean } | undefined {
  const lead = /^[\s\u00a0]*/.exec(text.slice(at))![0].length;
  const start = at + lead;
  for (const pair of nouns) {
    for (const [i, form] of pair.entries()) {
      const candidate = text.slice(start, start + form.length);
      if (candidate.toLowerCase() === form.toLowerCase() && !/[\p{L}\p{N}]/u.test(text[start + form.length] ?? ''))
        return { start, end: start + form.length, pair, plural: i === 1 };
    }
  }
  return undefined;
}

/** The word before `at` in the same sentence (lower case), or undefined at the sentence's start or after punctuation. */
function wordBefore(text: string, at: number, sentenceStart: number): string | undefined {
  const before = text.slice(sentenceStart, at);
  if (/[,;:(]\s*$/.test(before) || before.trim() === '') return undefined;
  return /([\p{L}]+)[\s\u00a0]*$/u.exec(before)?.[1]?.toLowerCase();
}

/** Whether the quantity as written reads as one thing ("one of the plans", "1 out of 22"); shares and vague words never do. */
function writtenSingular(m: QuantifierMatch): boolean {
  return (m.kind === 'count' || m.kind === 'ratio') && m.count === 1 && m.compared === undefined;
}

/** Keeps a word's capital when it is replaced by another form of itself. */
function like(original: string, form: string): string {
  return /^\p{Lu}/u.test(original) && !/^\p{Lu}{2}/u.test(form) ? form[0]!.toUpperCase() + form.slice(1) : form;
}

/**
 * The edits after the replaced quantity that keep the sentence agreeing with it. `sentenceStart` bounds how
 * far back the clause is read; the text is the one the match offsets are into.
 */
export function agreementEdits(text: string, match: QuantifierMatch, fix: Fix, sentenceStart: number): TextEdit[] {
  const singular = fix.singular;
  if (!singular) return [];
  const edits: TextEdit[] = [];
  let at = match.end;
  const noun = nounAt(text, at);
  if (noun) {
    const want = noun.pair[singular.noun ? 0 : 1];
    const written = text.slice(noun.start, noun.end);
    if (noun.plural === singular.noun) edits.push({ start: noun.start, end: noun.end, newText: like(written, want) });
    at = noun.end;
  }
  // The verb changes only where the quantity's number does: "over half … were" stays as written.
  if (singular.subject === writtenSingular(match)) return edits;
  const opener = wordBefore(text, match.start, sentenceStart);
  if (opener !== undefined && !clauseOpeners.has(opener)) return edits;
  const words = /[\p{L}\p{N}'’/-]+|[^\s\p{L}\p{N}]/gu;
  words.lastIndex = at;
  for (let n = 0, w = words.exec(text); w && n < reach; w = words.exec(text), n++) {
    const word = w[0].toLowerCase();
    if (!/[\p{L}\p{N}]/u.test(word) || clauseEnders.has(word) || neutral.has(word)) break;
    const pair = verbs.find((v) => v.includes(word));
    if (!pair) continue;
    const want = pair[singular.subject ? 0 : 1];
    if (word !== want) edits.push({ start: w.index, end: w.index + w[0].length, newText: like(w[0], want) });
    break;
  }
  return edits;
}
