import type { PhrasebookData } from './phrasebookSchema';

/** Numbers in words and back, from a phrasebook's word lists (so another language is data too). */
export class NumberWords {
  private readonly byWord = new Map<string, number>();
  /** Regex source matching a number in digits or words (longest words first). */
  readonly pattern: string;

  constructor(private readonly data: PhrasebookData['numbers']) {
    for (let n = 0; n <= this.maxWords; n++) {
      const word = this.words(n);
      if (word !== undefined) {
        this.byWord.set(word.toLowerCase(), n);
        // "twenty two" and "twenty-two" are both typed.
        if (data.joiner) this.byWord.set(word.toLowerCase().split(data.joiner).join(' '), n);
      }
    }
    const alternatives = [...this.byWord.keys()].sort((a, b) => b.length - a.length).map(escapeRegex);
    this.pattern = `(?:\\d+|${alternatives.map((w) => w.replace(/ /g, '\\s+')).join('|')})`;
  }

  /** The largest number the phrasebook can write in words. */
  get maxWords(): number {
    return this.data.tens.length > 0 ? (this.data.tens.length + 2) * 10 - 1 : this.data.words.length - 1;
  }

  /** The number in words, or undefined beyond the phrasebook's words. */
  words(n: number): string | undefined {
    if (!Number.isInteger(n) || n < 0) return undefined;
    if (n < this.data.words.length) return this.data.words[n];
    const ten = this.data.tens[Math.floor(n / 10) - 2];
    if (ten === undefined || n < 20) return undefined;
    const unit = n % 10;
    return unit === 0 ? ten : `${ten}${this.data.joiner}${this.data.words[unit]}`;
  }

  /**
   * A number as it stands in running text: words below the threshold, digits otherwise. `digits` forces
   * digits (a number set against a larger one: "3 out of the 22").
   */
  format(n: number, digits = false): string {
    if (!digits && n < this.data.wordsBelow) return this.words(n) ?? String(n);
    return String(n);
  }

  /** A number starting a sentence is spelled out ("Sixteen children …") where the phrasebook has the words. */
  spelled(n: number): string {
    return this.words(n) ?? String(n);
  }

  /** Whether two numbers set against each other are both written in digits. */
  digitsFor(values: readonly number[]): boolean {
    return values.length > 1 && values.some((v) => v >= this.data.wordsBelow);
  }

  parse(text: string): number | undefined {
    const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
    if (/^\d+$/.test(t)) return Number(t);
    return this.byWord.get(t);
  }
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
