// Proportions are compared exactly: a band edge such as 2/3 or 0.85 is a rational, and a count of cases
// is tested against it by cross-multiplying integers, so "17 of 20" sits exactly on 0.85 and never on
// the wrong side of it through floating-point error.

export interface Rational {
  n: number;
  d: number;
}

/** A set of proportions written as in mathematics: "(3/4, 1)", "[0.9, 1)", "[1, 1]", "(0, 1/2]". */
export interface Interval {
  text: string;
  lo: Rational;
  loOpen: boolean;
  hi: Rational;
  hiOpen: boolean;
}

const number = String.raw`\d+(?:\.\d+)?(?:\/\d+)?`;
export const intervalPattern = new RegExp(String.raw`^\s*([\[(])\s*(${number})\s*,\s*(${number})\s*([\])])\s*$`);

export function parseRational(text: string): Rational {
  const [num, den] = text.split('/');
  const n = decimal(num!);
  if (den === undefined) return n;
  const d = Number(den);
  return { n: n.n, d: n.d * d };
}

function decimal(text: string): Rational {
  const [whole, frac = ''] = text.split('.');
  const d = 10 ** frac.length;
  return { n: Number(whole) * d + (frac ? Number(frac) : 0), d };
}

export function parseInterval(text: string): Interval {
  const m = intervalPattern.exec(text);
  if (!m) throw new Error(`"${text}" is not an interval such as "(3/4, 1)" or "[0.9, 1)"`);
  return { text, loOpen: m[1] === '(', lo: parseRational(m[2]!), hi: parseRational(m[3]!), hiOpen: m[4] === ')' };
}

/** Sign of count/total − r, exactly. */
export function compare(count: number, total: number, r: Rational): number {
  return Math.sign(count * r.d - r.n * total);
}

export function compareRationals(a: Rational, b: Rational): number {
  return Math.sign(a.n * b.d - b.n * a.d);
}

export function contains(interval: Interval, count: number, total: number): boolean {
  const lo = compare(count, total, interval.lo);
  const hi = compare(count, total, interval.hi);
  return (interval.loOpen ? lo > 0 : lo >= 0) && (interval.hiOpen ? hi < 0 : hi <= 0);
}

/** An interval lies within another (used to check a band never generates what its own acceptance rejects). */
export function within(inner: Interval, outer: Interval): boolean {
  const lo = compareRationals(inner.lo, outer.lo);
  const hi = compareRationals(inner.hi, outer.hi);
  const loOk = lo > 0 || (lo === 0 && (!outer.loOpen || inner.loOpen));
  const hiOk = hi < 0 || (hi === 0 && (!outer.hiOpen || inner.hiOpen));
  return loOk && hiOk;
}

export function isEmpty(i: Interval): boolean {
  const c = compareRationals(i.lo, i.hi);
  return c > 0 || (c === 0 && (i.loOpen || i.hiOpen));
}

type Labelled = { label: string; interval: Interval };

function byLowerEdge(intervals: readonly Labelled[]): Labelled[] {
  return [...intervals].sort((a, b) => compareRationals(a.interval.lo, b.interval.lo) || Number(a.interval.loOpen) - Number(b.interval.loOpen));
}

/** Gaps (when `gaps` is set) and overlaps between neighbours of intervals sorted by their lower edge. */
function neighbourProblems(sorted: readonly Labelled[], gaps: boolean): string[] {
  const problems: string[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    const edge = compareRationals(a.interval.hi, b.interval.lo);
    if (edge < 0 || (edge === 0 && a.interval.hiOpen && b.interval.loOpen)) {
      if (gaps) problems.push(`gap between ${a.label} ${a.interval.text} and ${b.label} ${b.interval.text}`);
    } else if (edge > 0 || (edge === 0 && !a.interval.hiOpen && !b.interval.loOpen))
      problems.push(`${a.label} ${a.interval.text} overlaps ${b.label} ${b.interval.text}`);
  }
  return problems;
}

/** Overlaps in a list of intervals that may leave gaps but must never give two answers for one share. */
export function overlapProblems(intervals: readonly Labelled[]): string[] {
  return neighbourProblems(byLowerEdge(intervals), false);
}

/**
 * Problems with a list of intervals meant to cover [0, 1] exactly once: gaps and overlaps, named by the
 * intervals' labels so a phrasebook author sees which bands to fix.
 */
export function partitionProblems(bands: readonly Labelled[]): string[] {
  const sorted = byLowerEdge(bands);
  const zero: Rational = { n: 0, d: 1 };
  const one: Rational = { n: 1, d: 1 };
  const first = sorted[0];
  if (!first) return ['no bands cover [0, 1]'];
  const problems: string[] = [];
  if (compareRationals(first.interval.lo, zero) !== 0 || first.interval.loOpen)
    problems.push(`nothing covers 0 (the lowest band is ${first.label} ${first.interval.text})`);
  problems.push(...neighbourProblems(sorted, true));
  if (!sorted.some((s) => compareRationals(s.interval.hi, one) === 0 && !s.interval.hiOpen)) {
    const highest = sorted.reduce((m, s) => (compareRationals(s.interval.hi, m.interval.hi) > 0 ? s : m), first);
    problems.push(`nothing covers 1 (the highest band is ${highest.label} ${highest.interval.text})`);
  }
  return problems;
}

function gcd(a: number, b: number): number {
  return b === 0 ? Math.abs(a) : gcd(b, a % b);
}

/** "1/4", "0", "1": the rational in lowest terms. */
export function formatRational(r: Rational): string {
  const g = gcd(r.n, r.d) || 1;
  const n = r.n / g;
  const d = r.d / g;
  return d === 1 ? String(n) : `${n}/${d}`;
}

/** An interval made from its edges (the text written as the data would write it). */
export function makeInterval(lo: Rational, loOpen: boolean, hi: Rational, hiOpen: boolean): Interval {
  return { text: `${loOpen ? '(' : '['}${formatRational(lo)}, ${formatRational(hi)}${hiOpen ? ')' : ']'}`, lo, loOpen, hi, hiOpen };
}

export function addRationals(a: Rational, b: Rational): Rational {
  return { n: a.n * b.d + b.n * a.d, d: a.d * b.d };
}

/** The narrower of two intervals' common part (callers check `isEmpty`). */
export function intersect(a: Interval, b: Interval): Interval {
  const lo = compareRationals(a.lo, b.lo);
  const hi = compareRationals(a.hi, b.hi);
  const [loR, loOpen] = lo > 0 ? [a.lo, a.loOpen] : lo < 0 ? [b.lo, b.loOpen] : [a.lo, a.loOpen || b.loOpen];
  const [hiR, hiOpen] = hi < 0 ? [a.hi, a.hiOpen] : hi > 0 ? [b.hi, b.hiOpen] : [a.hi, a.hiOpen || b.hiOpen];
  return makeInterval(loR, loOpen, hiR, hiOpen);
}

/** The interval's width, for choosing the most telling of several words that fit a share. */
export function width(i: Interval): number {
  return i.hi.n / i.hi.d - i.lo.n / i.lo.d;
}
