import data from './vocabulary.json';

// The personal-data check's word lists (vocabulary.json) in the shapes the finders use: sets of lower-case
// words, and pieces of regular expressions. Read once, here, so the data file is the one place to change them.

const lower = (words: readonly string[]) => new Set(words.map((w) => w.toLowerCase()));
/** Longest first, so an alternation prefers "Pupil Referral Unit" to "Unit" and "September" to "Sep". */
const alternation = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');

export const honorifics = lower(data.honorifics);
export const relations = lower(data.relations);
/** Capitalised words that are never a person's name in this setting (days, faiths, services, the report's own terms). */
export const notNames = lower(data.notNames);
/** First names that are also words: read as the word at a sentence's start before a word in lower case. */
export const wordNames = lower(data.wordNames.words);

/** Words that open a sentence and are never a name. */
export const openers = lower(data.openers.words);

/** Names of institutions and programmes that hold a street, school or name word: never personal data. */
export const institutions = new RegExp(`\\b(?:${alternation(data.institutions)})(?![\\p{L}'’])`, 'gu');

export const streetNamed = alternation(data.streetTypes.named);
export const streetNumbered = alternation(data.streetTypes.numbered);
export const flats = alternation(data.flats);

export const schoolEnds = alternation(data.schools.ends);
export const schoolWithin = lower(data.schools.within.flatMap((w) => w.split(' ')));
export const schoolEndWords = lower(data.schools.ends.flatMap((w) => w.split(' ')));

const capitalised = (w: string) => `${w[0]!.toUpperCase()}${w.slice(1)}`;

/** Month names and abbreviations, lower case → month number (1–12). */
export const months: ReadonlyMap<string, number> = new Map(data.dates.months.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));
/** Months and days as they are written, capitalised: "2 may have been late" is no date. */
export const monthPattern = alternation([...months.keys()].map(capitalised));
export const weekdayPattern = alternation(data.dates.weekdays.map(capitalised));
/** Words that say a date is a birth, as written at the start of a sentence, within one or in capitals ("DOB"). */
export const birthPattern = alternation(data.dates.birth.flatMap((w) => [w, capitalised(w), w.toUpperCase()]));
