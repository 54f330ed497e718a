import type { Interval } from './interval';

// The words of a phrasebook for a share of cases: its bands and quantities. Apart from phrasebook.ts so that the
// finder, which the phrasebook uses, can speak of them without importing it.

/** `exact` "19 out of 22"; `all-but` "all but 3 out of the 22" (exact when too many are missing); `banded` "over three-quarters". */
export type Style = 'exact' | 'all-but' | 'banded';
export const styles: readonly Style[] = ['exact', 'all-but', 'banded'];

/** Which side of a count a sentence describes: the sufficient cases, or the others ("had not been reviewed …"). */
export type Framing = 'sufficient' | 'not-sufficient';

/**
 * What follows the quantity in a sentence: `bare` a plain plural noun ("over three-quarters of | cases"),
 * `the` a noun taking the article ("most of the | PSRs"), `relevant` the same naming the filtered total
 * ("seven out of the nine relevant | cases").
 */
export type Form = 'bare' | 'the' | 'relevant';
export const formNames: readonly Form[] = ['bare', 'the', 'relevant'];

export type QuantityKind = 'band' | 'exact' | 'all' | 'none' | 'all-but' | 'single';

export interface Band {
  id: string;
  phrase: string;
  /** Proportions for which the generator writes this band (absent: recognised, never written). */
  when?: Interval;
  /** Proportions the band may describe without the check objecting. */
  accepts: Interval;
  /** A number of cases the phrase implies besides the share ("several": at least three). */
  cases?: { readonly atLeast?: number; readonly atMost?: number };
  aliases: readonly string[];
  forms: Readonly<Record<Form, string>>;
}

/** An adverb of frequency ("generally", "rarely") and the shares it may describe. */
export interface Adverb {
  adverb: string;
  aliases: readonly string[];
  accepts: Interval;
  /** The shares the generator writes it for, if it does. */
  when?: Interval;
}

/** A count of cases worded by a phrasebook. */
export interface Quantity {
  readonly kind: QuantityKind;
  /** The cases described (sufficient ones, or the others under not-sufficient framing). */
  readonly count: number;
  readonly total: number;
  /** total − count: the cases "all but" leaves out. */
  readonly missing: number;
  readonly style: Style;
  /** For kind `band`. */
  readonly band?: Band;
  /** The quantity named on its own: "over three-quarters", "19 out of 22", "all but 3". */
  readonly phrase: string;
  /** The quantity as it stands before the rest of a sentence; `capital` starts a sentence (a number spelled out). */
  form(form: Form | 'phrase', options?: { capital?: boolean }): string;
  /**
   * Whether the quantity reads as one thing, for the words agreeing with it: `subject` for a verb ("one out
   * of 22 assessments was", "the one assessment was"), `noun` for the noun right after it, which agrees with
   * what the quantity ends in ("one out of 22 | cases", but "the one | case").
   */
  readonly singular: { readonly subject: boolean; readonly noun: boolean };
}

export interface Figures {
  sufficient: number;
  relevant: number;
}
