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

/** Quotations: "…" and “…”. Matches and words inside them are the inspector's quoted words. */
export function quotations(text: string): Stretch[] {
  const out: Stretch[] = [];
  const re = /"[^"]*"|“[^”]*”/g;
  for (const m of text.matchAll(re)) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

export function inside(spans: readonly Stretch[], at: number): boolean {
  return spans.some((s) => at >= s.start && at < s.end);
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
    const at = m.index!;
    if (inside(quotes, at)) continue;
    if (m[1] === '.' && abbreviation.test(text.slice(Math.max(0, at - 6), at + 1))) continue;
    const end = m[1] ? at + 1 + (m[2]?.length ?? 0) : at;
    push(end);
    start = end;
  }
  push(text.length);
  return out;
}

const auxiliaries = new Set(['was', 'were', 'is', 'are', 'had', 'has', 'have', 'been', 'be', 'did', 'does', 'do', 'could', 'would', 'should', 'can', 'will', 'may', 'might', 'must']);
const separator = /\s*[,;:]\s+|\s+(and|but|whilst|while|although|however)\s+/gi;
const strongWords = new Set(['but', 'whilst', 'while', 'although', 'however']);

function sentence(text: string, start: number, end: number, quotes: readonly Stretch[]): Sentence {
  const body = text.slice(start, end);
  const unquoted = body.replace(/"[^"]*"|“[^”]*”/g, (q) => ' '.repeat(q.length)).trimEnd();
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
    add(m.index!, word ? (strongWords.has(word) ? 'strong' : 'weak') : punct === ',' ? 'weak' : 'strong');
    from = m.index! + m[0].length;
  }
  add(body.length, 'weak');
  const quoted = quotes.some((q) => q.start >= start && q.start < end);
  return { start, end, introducesQuote: quoted || /:$/.test(unquoted.replace(/[\s.]+$/, '')), segments };
}

/**
 * The stretch of a sentence that makes the statement a quantifier belongs to: its clause, joined to the
 * clauses after it (then before it) across commas and "and" until it has a verb. "In 23 out of 29 cases,"
 * reads on into "planning was done well enough"; "less than two-thirds had been reviewed" stops at "but".
 */
export function statementAround(s: Sentence, at: number): Stretch {
  const i = Math.max(0, s.segments.findIndex((g) => at >= g.start && at < g.end));
  let first = i;
  let last = i;
  let verb = s.segments[i]?.hasVerb ?? false;
  while (!verb && last + 1 < s.segments.length && s.segments[last + 1]!.joinedToPrevious === 'weak') verb = s.segments[++last]!.hasVerb || verb;
  while (!verb && first > 0 && s.segments[first]!.joinedToPrevious === 'weak') verb = s.segments[--first]!.hasVerb || verb;
  const a = s.segments[first];
  const b = s.segments[last];
  return a && b ? { start: a.start, end: b.end } : { start: s.start, end: s.end };
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

const irregular: Record<string, string> = { children: 'child', people: 'person', parents: 'parent', carers: 'carer', psrs: 'psr', analyses: 'analysis' };

/** Plural and past-tense endings off, doubled consonants undone: enough to match wording with prose. */
export function stem(word: string): string {
  let w = word.replace(/['’]s$/, '');
  if (irregular[w]) return irregular[w]!;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  if (/([bdgmnprt])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

const negations = new Set(['not', 'never', 'insufficient', 'insufficiently', 'inadequate', 'inadequately', 'unsatisfactory', 'ineffective', 'ineffectively']);

/** Whether a statement is about the cases that fell short ("had not been reviewed", "insufficient"). */
export function negated(tokens: readonly Token[]): boolean {
  return tokens.some((t) => negations.has(t.word) || t.word.endsWith("n't") || t.word.endsWith('n’t'));
}
