import { tagged, type Term } from './language';
import type { Found } from './patterns';
import { honorifics, notNames, openers, relations, wordNames } from './vocabulary';

// People's names, read with the language model: a word it tags as a person's (its lexicon lists first names and
// surnames), one it does not know that stands capitalised where a name would (not at a sentence's start unless
// something says it is a name: a possessive, another name after it), and the word after a title ("Mrs Okonkwo")
// or after a relation ("his brother Tomasz"). Words next to each other make one name; a title is part of it.

const personTags = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName'];
/** Tags that say an unknown word is something other than a person. */
const otherTags = ['Place', 'Country', 'City', 'Region', 'Date', 'Month', 'WeekDay', 'Value', 'Acronym', 'Url', 'Email', 'Unit', 'Currency'];

interface Word {
  text: string;
  start: number;
  end: number;
  tags: ReadonlySet<string>;
  known: boolean;
  listedName: boolean;
  after: string;
}

/** Terms joined by a hyphen are one word: "Ellie-May", "Tyler-Jay". */
function words(terms: readonly Term[]): Word[] {
  const out: Word[] = [];
  for (const t of terms) {
    const last = out.at(-1);
    if (last && last.after === '-' && last.end + 1 === t.start) {
      out[out.length - 1] = {
        ...last,
        text: `${last.text}-${t.text}`,
        end: t.end,
        tags: new Set([...last.tags, ...t.tags]),
        known: last.known && t.known,
        listedName: last.listedName || t.listedName,
        after: t.after,
      };
    } else out.push({ ...t });
  }
  return out;
}

const base = (w: Word) =>
  w.text
    .toLowerCase()
    .replace(/['’]s?$/, '')
    .replace(/\.$/, '');
const isCapitalised = (w: Word) => /^\p{Lu}/u.test(w.text) && !/^[\p{Lu}\d&]{2,}(?:['’]s)?$/u.test(w.text);
const isPossessive = (w: Word) => /['’]s?$/.test(w.text);
const hasAny = (w: Word, tags: readonly string[]) => tags.some((t) => w.tags.has(t));
/** Only a space between two words: a comma or a full stop ends a name. */
const joined = (a: Word) => a.after === ' ';

/** Names in one sentence, offsets into the sentence. */
function namesInSentence(sentence: string): { start: number; end: number }[] {
  const ws = words(tagged(sentence));
  const initial = (i: number) => i === 0 || /[.!?:;"“‘(]\s*$/.test(ws[i - 1]!.after);
  const honorific = (i: number) => i >= 0 && honorifics.has(base(ws[i]!)) && isCapitalised(ws[i]!);
  const looksLikeName = (i: number): boolean => {
    const w = ws[i];
    if (!w || !isCapitalised(w) || honorifics.has(base(w)) || notNames.has(base(w)) || notNames.has(w.text.toLowerCase())) return false;
    const prev = ws[i - 1];
    if (prev && joined(prev) && honorific(i - 1)) return true;
    // "his brother Tomasz", "her older sister, Jasmine,": the word after a relation names them.
    if (prev && (joined(prev) || prev.after === ', ') && relations.has(prev.text)) return true;
    const next = ws[i + 1];
    const nextLower = next !== undefined && joined(w) && /^\p{Ll}/u.test(next.text);
    // "Grace periods", "Will he", "Summer holidays": a first name that is also a word reads as the word there.
    if (initial(i) && wordNames.has(base(w)) && !isPossessive(w) && (nextLower || !next)) return false;
    if (hasAny(w, personTags)) return true;
    if (w.known || hasAny(w, otherTags)) return false;
    if (!initial(i)) return true;
    return isPossessive(w) || (next !== undefined && joined(w) && isCapitalised(next) && !w.known && (hasAny(next, personTags) || !next.known));
  };
  /** The capitalised words in a row around word i; a known word opening the sentence ("The", "Her") is not one of them. */
  const capitalisedRun = (i: number): [number, number] => {
    const inRun = (k: number) => k >= 0 && k < ws.length && isCapitalised(ws[k]!) && !(initial(k) && ws[k]!.known && !ws[k]!.listedName);
    let from = i;
    let to = i;
    while (inRun(from - 1) && joined(ws[from - 1]!)) from--;
    while (inRun(to + 1) && joined(ws[to]!)) to++;
    return [from, to];
  };
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < ws.length; i++) {
    if (!looksLikeName(i)) continue;
    const start = honorific(i - 1) && joined(ws[i - 1]!) ? ws[i - 1]!.start : ws[i]!.start;
    let j = i;
    while (j + 1 < ws.length && joined(ws[j]!) && !isPossessive(ws[j]!) && looksLikeName(j + 1)) j++;
    // Capitalised words in a row, none of them a name the lexicon lists and no title before them, are the name of
    // a service or a programme ("Child Criminal Exploitation team", "Multi-Agency Safeguarding Hub").
    const titled = start < ws[i]!.start || (i > 0 && relations.has(ws[i - 1]!.text));
    const [from, to] = capitalisedRun(i);
    if (to > from && !titled && !ws.slice(from, to + 1).some((w) => w.listedName)) {
      i = Math.max(j, to);
      continue;
    }
    const last = ws[j]!;
    // The possessive stays outside the name, so a replacement keeps it: "the young person's mother".
    const end = last.end - (/['’]s$/.test(last.text) ? 2 : /['’]$/.test(last.text) ? 1 : 0);
    out.push({ start, end });
    i = j;
  }
  return out;
}

/** The sentences of a text, as offsets: split after . ! ? (and closing quotes) before a space, and at line breaks. */
export function sentencesOf(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const boundary = /[.!?]["”’)]*\s+|\n+/g;
  let start = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim() !== '') out.push({ start, end: m.index + m[0].trimEnd().length });
    start = end;
  }
  if (text.slice(start).trim() !== '') out.push({ start, end: text.length });
  return out;
}

/**
 * Whether a sentence could hold a name the inspection does not let through: a capitalised word other than an
 * acronym, a word `allowed` (its own people and places, words never a name) or a word that opens a sentence and is
 * never a name ("The", "However"). Most of a report's sentences hold none, and are not tagged: tagging is most of
 * the check's cost, and loading the tagger most of its first run's.
 */
function mayHoldName(sentence: string, allowed: (word: string) => boolean): boolean {
  const words = sentence.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  return words.some((w, i) => {
    if (!/^\p{Lu}/u.test(w) || /^[\p{Lu}\d&]{2,}(?:['’]s)?$/u.test(w)) return false;
    const word = w.toLowerCase().replace(/['’]s?$/, '');
    if (allowed(word) || notNames.has(word) || notNames.has(w.toLowerCase())) return false;
    return !(i === 0 && openers.has(word));
  });
}

/**
 * Every name a text holds, by the language model, before the inspection's own people are let through: `allowed`
 * says which words need no look (the inspection's own), so that sentences with nothing else capitalised are not tagged.
 */
export function names(text: string, allowed: (word: string) => boolean = () => false): Found[] {
  return sentencesOf(text).flatMap(({ start, end }) => {
    const sentence = text.slice(start, end);
    if (!mayHoldName(sentence, allowed)) return [];
    return namesInSentence(sentence).map((n) => ({ kind: 'name' as const, what: 'a person’s name', start: start + n.start, end: start + n.end }));
  });
}
