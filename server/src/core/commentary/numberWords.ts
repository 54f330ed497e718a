import type { PhrasebookData } from './phrasebookSchema';

/** Numbers in words and back, from a phrasebook's word lists (so another language is data too). */
export class NumberWords {
  private readonly byWord = new Map<string, number>();
  /** Regex source matching a number in digits (grouped or not) or words (longest words first). */
  readonly pattern: string;
  private readonly scales: readonly { value: number; word: string }[];

  constructor(private readonly data: PhrasebookData['numbers']) {
    this.scales = [...(data.scales ?? [])].sort((a, b) => b.value - a.value);
    for (let n = 0; n <= this.maxWords; n++) {
      const word = this.smallWords(n);
      if (word !== undefined) {
        this.byWord.set(word.toLowerCase(), n);
        // "twenty two" and "twenty-two" are both typed.
        if (data.joiner) this.byWord.set(word.toLowerCase().split(data.joiner).join(' '), n);
      }
    }
    // Grouped digits first, so "1,200" is one number rather than "1" and "200".
    const grouped = data.group ? `\\d{1,3}(?:${escapeRegex(data.group.separator)}\\d{3})+(?!\\d)|` : '';
    this.pattern = `(?:${grouped}\\d+|${this.composedWords() ?? longestFirst([...this.byWord.keys()])})`;
  }

  /**
   * The number words as tens, an optional unit and the small words, rather than all hundred spelt out: the finder
   * puts this pattern in every phrase with a number (about twenty), and a case-insensitive Unicode regex costs its
   * engine time by length on first use (the flat list made the finder's regex 37 kB, 300 ms to compile). Used only
   * when it reads exactly the words the flat list would, in the same order (no tens word starts a small word).
   */
  private composedWords(): string | undefined {
    const { words, tens, joiner } = this.data;
    if (tens.length === 0 || words.length !== 20 || !joiner) return undefined;
    const units = words.slice(1, 10);
    const spelt = new Set([...words, ...tens, ...tens.flatMap((t) => units.flatMap((u) => [`${t}${joiner}${u}`, `${t} ${u}`]))].map((w) => w.toLowerCase()));
    const same = spelt.size === this.byWord.size && [...this.byWord.keys()].every((w) => spelt.has(w));
    const lower = (w: string) => w.toLowerCase();
    if (!same || tens.some((t) => words.some((w) => lower(w) !== lower(t) && lower(w).startsWith(lower(t))))) return undefined;
    return `(?:${longestFirst(tens)})(?:(?:${escapeRegex(joiner)}|\\s+)(?:${longestFirst(units)}))?|${longestFirst(words)}`;
  }

  /** The largest number the finder reads in words (the words and tens lists; scales are only written). */
  get maxWords(): number {
    return this.data.tens.length > 0 ? (this.data.tens.length + 2) * 10 - 1 : this.data.words.length - 1;
  }

  /** The number in words ("twenty-two", "four thousand seven hundred and six"), or undefined beyond the phrasebook's words. */
  words(n: number): string | undefined {
    if (!Number.isInteger(n) || n < 0) return undefined;
    const small = this.smallWords(n);
    if (small !== undefined || n <= this.maxWords) return small;
    const scale = this.scales.find((s) => n >= s.value);
    if (!scale) return undefined;
    const head = this.words(Math.floor(n / scale.value));
    const rest = n % scale.value;
    if (head === undefined) return undefined;
    if (rest === 0) return `${head} ${scale.word}`;
    const tail = this.words(rest);
    if (tail === undefined) return undefined;
    // British usage: "one hundred and six", "one thousand and fifty", but "four thousand seven hundred and six".
    return rest < 100 && this.data.and ? `${head} ${scale.word} ${this.data.and} ${tail}` : `${head} ${scale.word} ${tail}`;
  }

  private smallWords(n: number): string | undefined {
    if (n < this.data.words.length) return this.data.words[n];
    const ten = this.data.tens[Math.floor(n / 10) - 2];
    if (ten === undefined || n < 20) return undefined;
    const unit = n % 10;
    return unit === 0 ? ten : `${ten}${this.data.joiner}${this.data.words[unit]}`;
  }

  /**
   * A number as it stands in running text: words below the threshold, digits otherwise, grouped from the
   * phrasebook's `group.from` ("1,200"). `digits` forces digits (a number set against a larger one: "3 out of the 22").
   */
  format(n: number, digits = false): string {
    if (!digits && n < this.data.wordsBelow) return this.words(n) ?? String(n);
    const g = this.data.group;
    if (!g || n < g.from || !Number.isInteger(n)) return String(n);
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, g.separator);
  }

  /** A number starting a sentence is spelled out ("Sixteen children …", "Four thousand seven hundred and six …") where the phrasebook has the words. */
  spelled(n: number): string {
    return this.words(n) ?? this.format(n, true);
  }

  /** Whether two numbers set against each other are both written in digits. */
  digitsFor(values: readonly number[]): boolean {
    return values.length > 1 && values.some((v) => v >= this.data.wordsBelow);
  }

  parse(text: string): number | undefined {
    const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
    if (/^\d+$/.test(t)) return Number(t);
    const g = this.data.group;
    if (g && new RegExp(`^\\d{1,3}(?:${escapeRegex(g.separator)}\\d{3})+$`).test(t)) return Number(t.split(g.separator).join(''));
    return this.byWord.get(t);
  }
}

/** Words as an alternation, longest first (so "seventeen" is not read as "seven"), spaces as any run of them. */
function longestFirst(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRegex(w).replace(/ /g, '\\s+'))
    .join('|');
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
