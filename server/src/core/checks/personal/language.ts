import type nlpType from 'compromise/two';

// The language model the check reads names with: compromise (its part-of-speech tagger and lexicon, "two"; no
// network, no files: everything it knows is in its bundle). Only here, so that another library would be one
// file's change. Loaded on first use, not when the core is: it takes a few hundred milliseconds to build its
// lexicon, which `sqs --help` and a server with no inspection open should not pay.

type Nlp = typeof nlpType;
let loaded: Nlp | undefined;

function nlp(): Nlp {
  // A require, not an import, so that esbuild wraps the module to be evaluated when first called.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('compromise/two') as Nlp;
  return loaded;
}

/** A word of a sentence as the tagger reads it: offsets into the sentence, its tags, and whether the lexicon knows it. */
export interface Term {
  text: string;
  start: number;
  end: number;
  tags: ReadonlySet<string>;
  /** The lexicon knows the word (lower case, without a possessive 's): a word of English or a name it lists. */
  known: boolean;
  /** The lexicon lists the word as a first name or surname. */
  listedName: boolean;
  /** The text between this word and the next ("", " ", ", "). */
  after: string;
}

const nameTags = new Set(['FirstName', 'LastName', 'MaleName', 'FemaleName', 'Person']);

interface JsonTerm {
  text: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

/**
 * Sentences read by text: a keystroke changes one sentence of a paragraph, and only that one is tagged again
 * (a sentence costs about a millisecond). Kept to a bound so a long session does not grow without limit.
 */
const cache = new Map<string, Term[]>();
const kept = 4000;

/** The words of one sentence, tagged (a pure function of the text; cached). */
export function tagged(sentence: string): Term[] {
  const hit = cache.get(sentence);
  if (hit) {
    cache.delete(sentence);
    cache.set(sentence, hit);
    return hit;
  }
  const terms = tag(sentence);
  cache.set(sentence, terms);
  if (cache.size > kept) cache.delete(cache.keys().next().value!);
  return terms;
}

function tag(sentence: string): Term[] {
  const lib = nlp();
  const lexicon = (lib.model() as { one: { lexicon: Record<string, unknown> } }).one.lexicon;
  const json = lib(sentence).json({ offset: true, terms: { offset: true } }) as { terms: JsonTerm[] }[];
  return json.flatMap((s) =>
    s.terms.map((t) => {
      const word = t.text.toLowerCase().replace(/['’]s?$/, '');
      const entry = Object.prototype.hasOwnProperty.call(lexicon, word) ? lexicon[word] : undefined;
      const listed = [entry].flat().some((tag) => typeof tag === 'string' && nameTags.has(tag));
      return {
        text: t.text,
        start: t.offset.start,
        end: t.offset.start + t.offset.length,
        tags: new Set(t.tags),
        known: entry !== undefined,
        listedName: listed,
        after: t.post,
      };
    }),
  );
}
