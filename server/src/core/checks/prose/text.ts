// The shape of hand-written commentary, as far as the prose check needs it: sentences, the quotations
// inside them (an inspector's words, never checked), the stretches of a sentence that make one statement,
// and the content words that say what a statement is about. Offsets are into the commentary text.

export interface Stretch {
  start: number;
  end: number;
}

export interface Token extends Stretch {
  /** Lower case, light stemming: "plans" and "planned" are "plan". */
  stem: string;
  word: string;
}

export interface Sentence extends Stretch {
  /** Holds or introduces a quotation ("An inspector commented on one PSR: …"): its counts are anecdotes. */
  introducesQuote: boolean;
  /** Clauses: the stretches between commas, semicolons and joining words. */
  segments: Segment[];
}

export interface Segment extends Stretch {
  /** Whether the boundary before it only joins (a comma, "and") or contrasts ("but", ";", "whilst"). */
  joinedToPrevious: 'weak' | 'strong' | 'start';
  hasVerb: boolean;
}

/**
 * Quotations: "…" and “…”, as the regex /"[^"]*"|“[^”]*”/g would find them, in one pass: the regex
 * rescans to the end of the text from every “ that is never closed, so a pasted text full of them took
 * quadratic time. Sorted and disjoint, which `inside` relies on.
 */
export function quotations(text: string): Stretch[] {
  const out: Stretch[] = [];
  let straightOpen = true;
  let curlyOpen = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const close = c === 0x22 ? (straightOpen ? '"' : undefined) : c === 0x201c ? (curlyOpen ? '”' : undefined) : undefined;
    if (close === undefined) continue;
    const j = text.indexOf(close, i + 1);
    if (j < 0) {
      // Nothing after here closes it, so nothing after here will.
      if (c === 0x22) straightOpen = false;
      else curlyOpen = false;
      continue;
    }
    out.push({ start: i, end: j + 1 });
    i = j;
  }
  return out;
}

/** Whether `at` is inside one of `spans`, which are sorted and disjoint (binary search). */
export function inside(spans: readonly Stretch[], at: number): boolean {
  const i = firstEndingAfter(spans, at);
  return i < spans.length && spans[i]!.start <= at;
}

/** Index of the first of sorted, disjoint `spans` that ends after `at` (`spans.length` if none). */
function firstEndingAfter(spans: readonly Stretch[], at: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first item whose `key` is at least `at`, in items sorted by `key`. */
export function lowerBound<T>(items: readonly T[], at: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]!) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const abbreviation = /\b(e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|No|cf|viz)\.$/i;

/** Sentences, never split inside a quotation or after an abbreviation such as "e.g.". */
export function sentences(text: string, quotes: readonly Stretch[]): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const slice = text.slice(start, end);
    const lead = slice.length - slice.trimStart().length;
    const s = start + lead;
    const e = start + slice.trimEnd().length;
    if (e > s) out.push(sentence(text, s, e, quotes));
  };
  const boundary = /([.!?])(["”')]*)(\s+)(?=["“(]?[\p{Lu}\p{N}])|\n\s*\n/gu;
  for (const m of text.matchAll(boundary)) {
    const at = m.index;
    if (inside(quotes, at)) continue;
    if (m[1] === '.' && abbreviation.test(text.slice(Math.max(0, at - 6), at + 1))) continue;
    const end = m[1] ? at + 1 + (m[2]?.length ?? 0) : at;
    push(end);
    start = end;
  }
  push(text.length);
  return out;
}

const auxiliaries = new Set([
  'was',
  'were',
  'is',
  'are',
  'had',
  'has',
  'have',
  'been',
  'be',
  'did',
  'does',
  'do',
  'could',
  'would',
  'should',
  'can',
  'will',
  'may',
  'might',
  'must',
]);
// Never starting inside a run of spaces: a match from inside one would match from its start too, and
// without the lookbehind the engine retried every space of a long run, quadratic in its length.
const separator = /(?<!\s)(?:\s*[,;:]\s+|\s+(and|but|whilst|while|although|however)\s+)/gi;
const strongWords = new Set(['but', 'whilst', 'while', 'although', 'however']);

function sentence(text: string, start: number, end: number, quotes: readonly Stretch[]): Sentence {
  const body = text.slice(start, end);
  const unquoted = blankQuotations(body).trimEnd();
  const segments: Segment[] = [];
  let from = 0;
  let joined: Segment['joinedToPrevious'] = 'start';
  const add = (to: number, next: Segment['joinedToPrevious']) => {
    if (to > from) {
      const s = start + from;
      const e = start + to;
      segments.push({ start: s, end: e, joinedToPrevious: joined, hasVerb: words(text, s, e, quotes).some((t) => auxiliaries.has(t.word)) });
    }
    joined = next;
  };
  for (const m of unquoted.matchAll(separator)) {
    const word = m[1]?.toLowerCase();
    const punct = m[0].trim()[0];
    add(m.index, word ? (strongWords.has(word) ? 'strong' : 'weak') : punct === ',' ? 'weak' : 'strong');
    from = m.index + m[0].length;
  }
  add(body.length, 'weak');
  const first = quotes[lowerBound(quotes, start, (q) => q.start)];
  const quoted = first !== undefined && first.start < end;
  return { start, end, introducesQuote: quoted || endsWithColon(unquoted), segments };
}

/** The text with each quotation blanked out, keeping offsets. */
function blankQuotations(body: string): string {
  let out = '';
  let from = 0;
  for (const q of quotations(body)) {
    out += body.slice(from, q.start) + ' '.repeat(q.end - q.start);
    from = q.end;
  }
  return out + body.slice(from);
}

/** Whether the text ends in a colon before any trailing spaces and full stops (/:$/ after removing /[\s.]+$/, in one pass). */
function endsWithColon(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && (text[i] === '.' || /\s/.test(text[i]!))) i--;
  return text[i] === ':';
}

/**
 * The stretch of a sentence that makes the statement a quantifier belongs to: its clause, joined to the
 * clauses after it (then before it) across commas and "and" until it has a verb. "In 23 out of 29 cases,"
 * reads on into "planning was done well enough"; "less than two-thirds had been reviewed" stops at "but".
 * Worked out for every clause at once, so a sentence of many verbless clauses costs one pass, not one per
 * quantifier.
 */
export function statementsOf(s: Sentence): (at: number) => Stretch {
  const g = s.segments;
  const n = g.length;
  // Where reading on (back) from clause k stops when clause k has no verb: the first clause with one, or
  // the last (first) one joined on weakly.
  const onward = new Array<number>(n);
  for (let k = n - 1; k >= 0; k--) onward[k] = k + 1 < n && g[k + 1]!.joinedToPrevious === 'weak' ? (g[k + 1]!.hasVerb ? k + 1 : onward[k + 1]!) : k;
  const back = new Array<number>(n);
  for (let k = 0; k < n; k++) back[k] = k > 0 && g[k]!.joinedToPrevious === 'weak' ? (g[k - 1]!.hasVerb ? k - 1 : back[k - 1]!) : k;
  return (at) => {
    const i = Math.max(0, clauseAt(g, at));
    if (i >= n) return { start: s.start, end: s.end };
    let first = i;
    let last = i;
    if (!g[i]!.hasVerb) {
      last = onward[i]!;
      if (!g[last]!.hasVerb) first = back[i]!;
    }
    return { start: g[first]!.start, end: g[last]!.end };
  };
}

/** The index of the clause holding `at`, or -1. */
function clauseAt(segments: readonly Segment[], at: number): number {
  const i = lowerBound(segments, at + 1, (g) => g.start) - 1;
  return i >= 0 && at < segments[i]!.end ? i : -1;
}

/** The words of text[start, end), skipping quotations. */
export function words(text: string, start: number, end: number, quotes: readonly Stretch[]): Token[] {
  const out: Token[] = [];
  const re = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
  re.lastIndex = start;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    if (inside(quotes, m.index)) continue;
    const word = m[0].toLowerCase();
    out.push({ start: m.index, end: m.index + m[0].length, word, stem: stem(word) });
  }
  return out;
}

// A Map: a word of commentary such as "constructor" must not find Object.prototype's.
const irregular: ReadonlyMap<string, string> = new Map([
  ['children', 'child'],
  ['people', 'person'],
  ['parents', 'parent'],
  ['carers', 'carer'],
  ['psrs', 'psr'],
  ['analyses', 'analysis'],
]);

/** Plural and past-tense endings off, doubled consonants undone: enough to match wording with prose. */
export function stem(word: string): string {
  let w = word.replace(/['’]s$/, '');
  const irregularStem = irregular.get(w);
  if (irregularStem) return irregularStem;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  if (/([bdgmnprt])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

const negations = new Set(['not', 'never', 'insufficient', 'insufficiently', 'inadequate', 'inadequately', 'unsatisfactory', 'ineffective', 'ineffectively']);

/** A word that makes a statement about the cases that fell short ("had not been reviewed", "insufficient"). */
export function isNegation(t: Pick<Token, 'word'>): boolean {
  return negations.has(t.word) || t.word.endsWith("n't") || t.word.endsWith('n’t');
}
