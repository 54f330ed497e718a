import type { PersonalMatch } from './detect';
import { months, relations } from './vocabulary';

// The quick fixes for personal data, as edits of the text (the check maps them into the file). Each keeps the
// sentence English: a replacement takes a capital at the start of a sentence, keeps a possessive ("the young
// person's mother"), and takes the place of an article before it ("at the Beacon Academy" → "at their school"); a
// removal takes its preposition and commas with it ("arrested on 14 February 2025 after" → "arrested after", "The
// victim, Shannon Pike, had" → "The victim had"), and is offered only where what is left is a sentence. None is
// preferred: which words fit is the inspector's decision, never a "fix all".

export interface TextFix {
  title: string;
  /** The stretch of the text replaced (it may reach beyond the match: a preposition, commas, an article). */
  start: number;
  end: number;
  newText: string;
}

const prepositions = new Set(['on', 'at', 'in', 'from', 'to', 'near', 'by', 'since', 'until', 'of', 'outside', 'off', 'as', 'via', 'for', 'into']);
const determiners = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'that']);

/** Abbreviations whose full stop ends no sentence ("ref. ROP-2025-114"). */
const abbreviations = /\b(?:ref|no|st|dr|mr|mrs|ms|e\.g|i\.e|etc|approx|tel)\.\s*$/i;

/** Whether `at` starts a sentence: nothing before it but the end of another sentence, a colon or an opening quote. */
function sentenceStart(text: string, at: number): boolean {
  const before = text.slice(0, at);
  return /(?:^|[.!?:]["”’)]?\s+|^\s*["“‘(]|[.!?:]\s*["“‘(])\s*$/.test(before) && !abbreviations.test(before.replace(/["“‘(]\s*$/, ''));
}

const capitalise = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;
const previousWord = (text: string, at: number) => /([\p{L}'’-]+)\s+$/u.exec(text.slice(0, at));

/** Replaces the match with a phrase, in the grammar of the sentence. */
function replacement(text: string, m: PersonalMatch, phrase: string, title: string): TextFix {
  let start = m.start;
  let end = m.end;
  let newText = phrase;
  const before = previousWord(text, start);
  // "at the Beacon Academy" → "at their school": the phrase brings its own determiner.
  if (before && /^(?:the|a|an)$/i.test(before[1]!) && /^(?:the|their|a|one)\b/.test(phrase)) start = before.index;
  if (sentenceStart(text, start)) newText = capitalise(newText);
  // "James' mother" → "the young person's mother".
  if (/^['’](?!s)/.test(text.slice(end)) && /s$/i.test(text.slice(m.start, m.end))) {
    end += 1;
    newText += `${text[end - 1]}s`;
  }
  return { title, start, end, newText };
}

/** Where the words that go with the match start and end when it is removed, and how the text then reads. */
function removal(text: string, m: PersonalMatch, title: string, options: { preposition: boolean }): TextFix | undefined {
  const after = text.slice(m.end);
  const beforeText = text.slice(0, m.start);
  // "(wyr-16)", "(ref. ROP-2025-114)": the brackets, what labels it and the space before them go.
  const bracket = /\((?:ref\.?|reference|no\.?|case)?\s*$/i.exec(beforeText);
  if (bracket && after.startsWith(')')) {
    const start = beforeText.slice(0, bracket.index).trimEnd().length;
    return { title, start, end: m.end + 1, newText: '' };
  }
  // "The victim, Shannon Pike, had" → "The victim had"; "his girlfriend, Chelsea." → "his girlfriend."
  if (/,\s*$/.test(beforeText) && /^[,.;]/.test(after) && !sentenceStart(text, beforeText.replace(/,\s*$/, '').length)) {
    const start = beforeText.replace(/,\s*$/, '').length;
    return { title, start, end: after.startsWith(',') ? m.end + 1 : m.end, newText: '' };
  }
  // "Mr Haddad, the stepfather, had refused" → "The stepfather had refused".
  const role = /^,\s+((?:the|his|her|their|a|an)\b[^,.;]*),/.exec(after);
  if (m.kind === 'name' && role && sentenceStart(text, m.start)) return { title, start: m.start, end: m.end + role[0].length, newText: capitalise(role[1]!) };
  const before = previousWord(text, m.start);
  // "his brother Tomasz was" → "his brother was".
  if (m.kind === 'name' && before && relations.has(before[1]!)) return { title, start: before.index + before[1]!.length, end: m.end, newText: '' };
  if (!options.preposition) return undefined;
  // "arrested on 14 February 2025 after", "staying with friends in the FY1 3QT area".
  const word = before && /^the$/i.test(before[1]!) ? previousWord(text, before.index) : before;
  if (!word || !prepositions.has(word[1]!.toLowerCase())) return undefined;
  const start = word.index;
  const end = m.end + (/^\s+area\b/.exec(after)?.[0].length ?? 0);
  const rest = text.slice(end);
  if (sentenceStart(text, start)) {
    // "On 3rd March the young person was moved" → "The young person was moved".
    const next = /^[,\s]*([\p{L}])/u.exec(rest);
    if (!next) return undefined;
    return { title, start, end: end + next[0].length, newText: next[1]!.toUpperCase() };
  }
  const spaceBefore = /\s+$/.exec(text.slice(0, start))?.[0].length ?? 0;
  return { title, start: start - spaceBefore, end, newText: '' };
}

/** "14 February 2025", "12/05/2009", "2009-11-30", "3rd March" → the month (and year), as the report may give it. */
export function monthAndYear(date: string): string | undefined {
  const named = [...months.keys()].find((name) => new RegExp(`\\b${name}\\b`, 'i').test(date));
  const year = /\b(\d{4})\b/.exec(date)?.[1];
  if (named) return `${capitalise(longMonth(months.get(named)!))}${year ? ` ${year}` : ''}`;
  const iso = /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
  if (iso) return `${capitalise(longMonth(Number(iso[2])))} ${iso[1]}`;
  const numeric = /^\d{1,2}[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(date);
  if (numeric) return `${capitalise(longMonth(Number(numeric[1])))} ${numeric[2]!.length === 2 ? `20${numeric[2]}` : numeric[2]}`;
  return undefined;
}

function longMonth(n: number): string {
  // The first name of each month in the vocabulary is its full name.
  return [...months].find(([, i]) => i === n)![0];
}

/** A date at the month: "on 14 February 2025" → "in February 2025". */
function toMonth(text: string, m: PersonalMatch): TextFix | undefined {
  const written = text.slice(m.start, m.end);
  const month = monthAndYear(written);
  // Already no more than a month and year ("born in June 2009"): nothing to take away but the date itself.
  if (!month || month === written) return undefined;
  const before = previousWord(text, m.start);
  const title = 'Give the month and year only';
  if (before && /^on$/i.test(before[1]!)) {
    const preposition = before[1] === 'On' ? 'In' : 'in';
    return { title, start: before.index, end: m.end, newText: `${preposition} ${month}` };
  }
  return { title, start: m.start, end: m.end, newText: month };
}

/** The quick fixes for one finding, in the order an editor should list them. */
export function fixesFor(text: string, m: PersonalMatch): TextFix[] {
  const out: (TextFix | undefined)[] = [];
  const before = previousWord(text, m.start);
  const appositive = /,\s*$/.test(text.slice(0, m.start)) || text.slice(0, m.start).endsWith('(');
  switch (m.kind) {
    case 'name': {
      // Where a word before it already says who ("his brother Tomasz", "the young person, Aaliyah,"), only removal reads well.
      const described = appositive || (before !== null && (determiners.has(before[1]!.toLowerCase()) || relations.has(before[1]!)));
      if (!described) {
        out.push(replacement(text, m, 'the young person', 'Write “the young person”'));
        out.push(replacement(text, m, 'the child or young person', 'Write “the child or young person”'));
        out.push(replacement(text, m, 'their parent or carer', 'Write a role: “their parent or carer”'));
      }
      out.push(removal(text, m, 'Leave the name out', { preposition: false }));
      break;
    }
    case 'date':
      // A month and year of birth still says when a child was born: a date of birth can only go.
      if (m.what !== 'a date of birth') out.push(toMonth(text, m));
      out.push(removal(text, m, 'Leave the date out', { preposition: true }));
      break;
    case 'address':
      out.push(removal(text, m, m.what === 'a postcode' ? 'Leave the postcode out' : 'Leave the address out', { preposition: true }));
      break;
    case 'contact':
      out.push(removal(text, m, m.what === 'an e-mail address' ? 'Leave the e-mail address out' : 'Leave the phone number out', { preposition: true }));
      break;
    case 'case-reference':
      if (sentenceStart(text, m.start) || (before && prepositions.has(before[1]!.toLowerCase())))
        out.push(replacement(text, m, 'one case', 'Write “one case”'));
      out.push(removal(text, m, 'Leave the reference out', { preposition: true }));
      break;
    case 'school':
      out.push(replacement(text, m, 'their school', 'Write “their school”'));
      out.push(removal(text, m, 'Leave the school’s name out', { preposition: true }));
      break;
  }
  return out.filter((f): f is TextFix => f !== undefined);
}
