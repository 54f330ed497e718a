import type { PersonalContext } from './context';
import { phoneDigits } from './context';
import type { PersonalKind } from './kinds';
import {
  birthPattern,
  flats,
  institutions,
  monthPattern,
  months,
  schoolEnds,
  schoolEndWords,
  schoolWithin,
  streetNamed,
  streetNumbered,
  weekdayPattern,
} from './vocabulary';

// The personal data that has a shape: dates, postcodes and street addresses, phone numbers and e-mail addresses,
// case and record references, schools' names. Regular expressions over the whole text, built from the word lists
// (vocabulary.json); each finder says what it found in words ("a postcode") for the message.

export interface Found {
  kind: PersonalKind;
  /** The kind of data in words, for the message: "a postcode", "a date of birth". */
  what: string;
  start: number;
  end: number;
  /**
   * The inspection's own (the lead inspector's phone, a fieldwork date): not reported, but still what that stretch
   * of text is, so that no other finder reads it as something else (0770 090 0461 as a record number).
   */
  own?: boolean;
}

/** A capitalised word ("Elm", "Queen's", "Tyler-Jay"). */
const cap = String.raw`\p{Lu}[\p{L}'’-]*`;
/** Words that start a capitalised run without being part of a name ("The Beacon Academy", "At 12 Elm Grove"). */
const leadingWords = new Set([
  'the',
  'a',
  'an',
  'at',
  'in',
  'on',
  'of',
  'to',
  'from',
  'his',
  'her',
  'their',
  'its',
  'our',
  'this',
  'that',
  'and',
  'or',
  'near',
  'by',
]);

function* matches(re: RegExp, text: string): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    yield m;
    if (m[0] === '') re.lastIndex++;
  }
}

/** The start of a capitalised run after leading words such as "The": undefined when nothing else is left. */
function trimLeading(text: string, start: number, end: number): number | undefined {
  let at = start;
  for (;;) {
    const word = /^[\p{L}'’-]+/u.exec(text.slice(at, end))?.[0];
    if (!word || !leadingWords.has(word.toLowerCase())) return at < end ? at : undefined;
    const next = text.slice(at + word.length, end).search(/\S/);
    if (next < 0) return undefined;
    at += word.length + next;
  }
}

// ------------------------------------------------------------------------------------------------ dates

const ordinal = String.raw`(?:st|nd|rd|th)?`;
// Months and days as names are written (capitalised): "2 may have been late" is not a date.
const month = String.raw`(?:${monthPattern})\.?`;
const weekday = String.raw`(?:(?:${weekdayPattern}),?\s+)?`;
const dayMonth = new RegExp(String.raw`\b${weekday}(?:the\s+)?(\d{1,2})${ordinal}(?:\s+of)?\s+(${month})(?![\p{L}])(?:,?\s+(\d{4})\b)?`, 'gu');
const monthDay = new RegExp(String.raw`\b${weekday}(${month})\s+(?:the\s+)?(\d{1,2})${ordinal}\b(?![/.:]\d)(?:,?\s+(\d{4})\b)?`, 'gu');
const numeric = new RegExp(String.raw`(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-]*\d)`, 'g');
const iso = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g;
const born = new RegExp(String.raw`\b(?:${birthPattern})(?:\s*[:,(]?\s*(?:on|in|is|was|as)?\s*)((?:${month})\s+\d{4}|\d{4})\b`, 'gu');

function monthNumber(name: string): number | undefined {
  return months.get(name.toLowerCase().replace(/\.$/, ''));
}

/**
 * A day (with or without its year) that is not one of the inspection's own: a date of birth, or the day
 * something happened in a case. A year-less day matches an inspection date on any year. Months and years alone
 * are not dates of a child ("in March 2021"), unless they say when one was born.
 */
function dates(text: string, context: PersonalContext): Found[] {
  const out: Found[] = [];
  const own = (d: number, m: number, y?: number) => {
    if (m < 1 || m > 12 || d < 1 || d > 31) return true;
    const md = `-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    if (y !== undefined) return context.dates.has(`${String(y).padStart(4, '0')}${md}`);
    return [...context.dates].some((iso) => iso.endsWith(md));
  };
  const year = (y: string | undefined) => (y === undefined ? undefined : y.length === 2 ? 2000 + Number(y) : Number(y));
  const add = (start: number, end: number, isOwn: boolean) =>
    out.push({ kind: 'date', what: isBirth(text, start) ? 'a date of birth' : 'an exact date', start, end, ...(isOwn && { own: true }) });
  for (const m of matches(dayMonth, text)) add(m.index, m.index + m[0].length, own(Number(m[1]), monthNumber(m[2]!) ?? 0, year(m[3])));
  for (const m of matches(monthDay, text)) add(m.index, m.index + m[0].length, own(Number(m[2]), monthNumber(m[1]!) ?? 0, year(m[3])));
  for (const m of matches(numeric, text)) add(m.index, m.index + m[0].length, own(Number(m[1]), Number(m[3]), year(m[4])));
  for (const m of matches(iso, text)) add(m.index, m.index + m[0].length, own(Number(m[3]), Number(m[2]), Number(m[1])));
  for (const m of matches(born, text)) {
    const at = m.index + m[0].length - m[1]!.length;
    out.push({ kind: 'date', what: 'a date of birth', start: at, end: m.index + m[0].length });
  }
  return out;
}

/** Whether the words just before a date say it is a birth ("born on", "DOB:", "date of birth (…)"). */
function isBirth(text: string, at: number): boolean {
  return new RegExp(String.raw`\b(?:${birthPattern})\b[^.;\n]{0,24}$`, 'iu').test(text.slice(Math.max(0, at - 40), at));
}

// ------------------------------------------------------------------------------------------------ addresses

const postcode = /\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s?\d[A-Z]{2}\b/g;
const capRun = String.raw`${cap}(?:\s+${cap}){0,3}`;
const houseNumber = String.raw`\d{1,4}[A-Za-z]?`;
const flat = String.raw`(?:${flats})\s+${houseNumber},?\s+`;
const numberedAddress = new RegExp(
  String.raw`(?:\b${flat}(?:${houseNumber},?\s+)?|(?<![\d.,/:-])\b${houseNumber},?\s+)(${capRun})\s+(?:${streetNamed}|${streetNumbered})\b(?![\p{L}'’])`,
  'gu',
);
const namedAddress = new RegExp(String.raw`(${capRun})\s+(?:${streetNamed})\b(?![\p{L}'’])`, 'gu');

function addresses(text: string): Found[] {
  const out: Found[] = [];
  for (const m of matches(postcode, text)) out.push({ kind: 'address', what: 'a postcode', start: m.index, end: m.index + m[0].length });
  for (const m of matches(numberedAddress, text)) out.push({ kind: 'address', what: 'a street address', start: m.index, end: m.index + m[0].length });
  for (const m of matches(namedAddress, text)) {
    const start = trimLeading(text, m.index, m.index + m[1]!.length);
    if (start !== undefined) out.push({ kind: 'address', what: 'a street address', start, end: m.index + m[0].length });
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ phone and e-mail

const email =
  /(?<![\w.%+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_])?@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+/g;
/** A UK number: +44 or 0, then nine or ten more digits in groups (spaces, hyphens, brackets round the area code). */
const phone = /(?<![\w+/.])(?:\+44\s?(?:\(0\)\s?)?|\(0|0)\d[\d\s()-]{7,16}\d(?![\w/])/g;

/**
 * Where a UK number ends in what the pattern matched, which reads on over spaces ("07700 900123 12 times"): after
 * the eleventh digit of a national number (the tenth when there is no eleventh), if it is one.
 */
function phoneEnd(matched: string): number | undefined {
  const international = matched.startsWith('+');
  let digits = '';
  let at10: number | undefined;
  for (let i = 0; i < matched.length; i++) {
    if (!/\d/.test(matched[i]!)) continue;
    digits += matched[i];
    const national = phoneDigits(international ? `+${digits}` : digits);
    if (national.length === 10) at10 = i + 1;
    if (national.length === 11) return /^0[1-9]/.test(national) ? i + 1 : undefined;
  }
  return at10 !== undefined && /^0[1-9]/.test(phoneDigits(international ? `+${digits}` : digits)) ? at10 : undefined;
}

function contacts(text: string, context: PersonalContext): Found[] {
  const out: Found[] = [];
  for (const m of matches(email, text)) {
    const own = context.emails.has(m[0].toLowerCase());
    out.push({ kind: 'contact', what: 'an e-mail address', start: m.index, end: m.index + m[0].length, ...(own && { own }) });
  }
  for (const m of matches(phone, text)) {
    const end = phoneEnd(m[0]);
    if (end === undefined) continue;
    const own = context.phones.has(phoneDigits(m[0].slice(0, end)));
    out.push({ kind: 'contact', what: 'a phone number', start: m.index, end: m.index + end, ...(own && { own }) });
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ case references

const caseFile = /(?<![\w./-])(?:[\w.-]+\/)*[\w.-]+\.case\.sqs\.ya?ml\b/gi;
/** "case 17", "Case no. 4": a case by its number. */
const caseNumber = /\b[Cc]ase\s+(?:no\.?\s*|number\s+)?\d{1,5}\b(?![.,]\d)/g;
/**
 * A token of letters, digits, slashes and hyphens holding five digits or more, or a number of six digits or more
 * (X123456, YJ/2025/0881, 7720931): shorter numbers are counts, years and amounts.
 */
const reference = /(?<![\w/-])(?=[A-Za-z0-9/-]*\d)[A-Za-z0-9]+(?:[/-][A-Za-z0-9]+)*(?![\w/-])/g;
/** Three, three and four digits: an NHS number. */
const nhsNumber = /(?<![\d-]\s?)\b\d{3}[ -]\d{3}[ -]\d{4}\b(?![ -]?\d)/g;

/** By context key: a revision makes a new context, mostly with the same cases. A few kept, for several inspections. */
const idPatterns = new Map<string, RegExp | undefined>();

/** The inspection's case ids and case file names, and its ids' letters with any number: one pattern per context. */
function caseIds(context: PersonalContext): RegExp | undefined {
  if (idPatterns.has(context.key)) return idPatterns.get(context.key);
  const prefixes = [...context.casePrefixes].map((p) => `${p}[-_ ]?\\d{1,4}`);
  const exact = [...context.cases].filter((c) => /\d/.test(c) && /[a-z]/.test(c)).map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const alternatives = [...prefixes, ...exact];
  const pattern = alternatives.length > 0 ? new RegExp(`(?<![\\w/-])(?:${alternatives.join('|')})(?![\\w-]|\\.\\d)`, 'gi') : undefined;
  idPatterns.set(context.key, pattern);
  if (idPatterns.size > 16) idPatterns.delete(idPatterns.keys().next().value!);
  return pattern;
}

function references(text: string, context: PersonalContext): Found[] {
  const out: Found[] = [];
  for (const m of matches(caseFile, text)) out.push({ kind: 'case-reference', what: 'a case file’s name', start: m.index, end: m.index + m[0].length });
  const ids = caseIds(context);
  if (ids) for (const m of matches(ids, text)) out.push({ kind: 'case-reference', what: 'a case id', start: m.index, end: m.index + m[0].length });
  for (const m of matches(caseNumber, text)) out.push({ kind: 'case-reference', what: 'a case number', start: m.index, end: m.index + m[0].length });
  for (const m of matches(reference, text)) {
    const digits = m[0].match(/\d/g)?.length ?? 0;
    if (digits >= 6 || (digits >= 5 && /[A-Za-z/-]/.test(m[0])))
      out.push({ kind: 'case-reference', what: 'a record number', start: m.index, end: m.index + m[0].length });
  }
  for (const m of matches(nhsNumber, text)) out.push({ kind: 'case-reference', what: 'a record number', start: m.index, end: m.index + m[0].length });
  return out;
}

// ------------------------------------------------------------------------------------------------ schools

const schoolName = new RegExp(String.raw`((?:(?:St\.?|Saint)\s+)?${cap}(?:\s+(?:${cap}|of|C of E))*)\s+(?:${schoolEnds})\b(?![\p{L}'’])`, 'gu');

/** A capitalised run ending in School, Academy, College, …, with a word in it that is not a kind of school. */
function schools(text: string): Found[] {
  const out: Found[] = [];
  for (const m of matches(schoolName, text)) {
    const start = trimLeading(text, m.index, m.index + m[1]!.length);
    if (start === undefined) continue;
    const named = text
      .slice(start, m.index + m[1]!.length)
      .split(/\s+/)
      .some((w) => !schoolWithin.has(w.toLowerCase()) && !schoolEndWords.has(w.toLowerCase()) && !/^(?:st\.?|saint|of)$/i.test(w));
    if (named) out.push({ kind: 'school', what: 'a school’s name', start, end: m.index + m[0].length });
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ all of them

/** Where institutions and programmes are named ("Crown Court", "Prince's Trust"): nothing there is personal data. */
export function institutionSpans(text: string): { start: number; end: number }[] {
  return [...matches(institutions, text)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Everything with a shape, in no particular order and possibly overlapping (detect.ts settles overlaps). */
export function shapedData(text: string, context: PersonalContext): Found[] {
  return [...contacts(text, context), ...references(text, context), ...dates(text, context), ...schools(text), ...addresses(text)];
}
