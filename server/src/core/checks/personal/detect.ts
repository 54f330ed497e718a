import type { PersonalContext } from './context';
import type { PersonalKind } from './kinds';
import { names } from './names';
import { institutionSpans, shapedData, type Found } from './patterns';
import { honorifics, notNames } from './vocabulary';

// One text's personal data: every finder's results, the inspection's own people let through, and overlaps
// settled so that each stretch of text is one kind: an e-mail address is not also a name, a school's name not also
// a street ("Castle View School"), a street not also a person ("Marsh Lane", though Helen Marsh leads the
// inspection).

export interface PersonalMatch {
  kind: PersonalKind;
  /** The kind of data in words: "a postcode". */
  what: string;
  /** Offsets into the text. */
  start: number;
  end: number;
}

/** Which kind a stretch claimed by two finders is: the first here. */
const precedence: readonly PersonalKind[] = ['contact', 'date', 'case-reference', 'school', 'address', 'name'];

export interface DetectOptions {
  /** Read names with the language model (the costly part); off for a text past the check's budget. */
  names?: boolean;
}

/** The personal data in a text, in text order, none overlapping another. */
export function personalData(text: string, context: PersonalContext, options: DetectOptions = {}): PersonalMatch[] {
  const own = (word: string) => context.people.has(word) || context.places.has(word);
  const named = options.names === false ? [] : names(text, own).filter((n) => !ownName(text.slice(n.start, n.end), context));
  const found = [...shapedData(text, context), ...named];
  const institutions = institutionSpans(text);
  const ranked = found
    .filter((f) => f.kind === 'contact' || f.kind === 'date' || f.kind === 'case-reference' || !institutions.some((s) => overlaps(s, f)))
    .sort((a, b) => precedence.indexOf(a.kind) - precedence.indexOf(b.kind) || a.start - b.start || b.end - a.end);
  const kept: Found[] = [];
  for (const f of ranked) {
    const clash = kept.filter((k) => overlaps(k, f));
    if (clash.some((k) => k.kind !== f.kind)) continue;
    if (clash.length === 0) {
      kept.push({ ...f });
      continue;
    }
    if (clash.some((k) => k.own) || f.own) continue;
    // The same kind found twice over one stretch ("DOB: 2009-11-30" as a birth year and a day): one finding.
    const first = clash[0]!;
    first.start = Math.min(first.start, f.start, ...clash.map((c) => c.start));
    first.end = Math.max(first.end, f.end, ...clash.map((c) => c.end));
    for (const c of clash.slice(1)) kept.splice(kept.indexOf(c), 1);
  }
  return kept
    .filter((k) => !k.own)
    .sort((a, b) => a.start - b.start)
    .map(({ kind, what, start, end }) => ({ kind, what, start, end }));
}

/** A name made only of the inspection's own people's names, its places and words that are never names ("Ms Marsh"). */
function ownName(name: string, context: PersonalContext): boolean {
  const parts = name
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/\.$/, ''))
    .filter((w) => !honorifics.has(w));
  return parts.length > 0 && parts.every((w) => context.people.has(w) || context.places.has(w) || notNames.has(w));
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
