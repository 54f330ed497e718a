import type { Code } from '../codes';
import type { LocalRelated } from '../findings';
import type { StatedTally } from '../model/inspectionModel';
import type { Located } from '../model/reader';
import type { Fix, Range } from '../types';
import { replace } from './edits';

// The rules SQS021–SQS023 hold a question's stated counts to, each stated once: the numbers it relates, when it
// holds, and its words. Two readings of this one table make the findings. Rule by rule (counts.ts), a failed rule
// is reported on one of its numbers by convention, and a number found wrong is no bound for the others and no
// part of their sums. For the one wrong number (countCulprit.ts), every rule is read over the numbers as stated,
// so that the one number all failed rules share can be named and a value of it tried against them all. A rule
// added here is checked both ways.

/** A stated number with the word that names it ("done", "reason no-review"). */
export interface Term {
  label: string;
  at: Located<number>;
}

/** A reason's count, with its code as the file writes it. */
export interface ReasonTerm extends Term {
  code: string;
}

/** The value of each number: as stated, or with one of them tried at other values. */
export type Values = (t: Term) => number;

export const asStated: Values = (t) => t.at.value;

export interface TallyTerms {
  sample?: Term;
  relevant?: Term;
  done?: Term;
  sufficient?: Term;
  notSufficient?: Term;
  reasons: readonly ReasonTerm[];
  /** The one reason counting reviews that did not take place, on a review question. */
  notDone?: ReasonTerm;
  /** Whether each not-sufficient case gives exactly one reason. */
  partition: boolean;
}

export function termsOf(t: StatedTally, sample: Located<number> | undefined): TallyTerms {
  const term = (label: string, at: Located<number> | undefined): Term | undefined => at && { label, at };
  const review = t.question.kind === 'review';
  const reasons = [...t.reasons].map(([code, at]) => ({ label: `reason ${code}`, at, code }));
  const notDoneCodes = t.question.reasons?.codes.filter((r) => r.notDone).map((r) => r.code) ?? [];
  const notDone = review && notDoneCodes.length === 1 ? reasons.find((r) => r.code === notDoneCodes[0]) : undefined;
  return {
    sample: term('sampled', sample),
    relevant: term(review ? 'due' : 'relevant', t.relevant),
    done: term('done', t.done),
    sufficient: term('sufficient', t.sufficient),
    notSufficient: term('not sufficient', t.notSufficient),
    reasons,
    notDone,
    partition: t.question.reasons?.mode === 'partition',
  };
}

/** Every number of a tally, stated or not: a count the rules come to relate is added here, beside where it is read. */
export function everyCount(x: TallyTerms): (Term | undefined)[] {
  return [x.sample, x.relevant, x.done, x.sufficient, x.notSufficient, ...x.reasons];
}

/**
 * A count a rule holds others to: a stated number, or not sufficient worked out from relevant and sufficient
 * (which the reasons share out when it is not stated).
 */
export interface Figure {
  label: string;
  terms: readonly Term[];
  value(v: Values): number;
  /** Where findings point to it: the number, or for a worked-out count the sufficient count it is worked from. */
  range: Range;
  /** How it is worked out ("relevant 22 − sufficient 19"); absent for a stated number. */
  derivation?(v: Values): string;
}

const stated = (t: Term): Figure => ({ label: t.label, terms: [t], value: (v) => v(t), range: t.at.range });

const workedOut = (relevant: Term, sufficient: Term): Figure => ({
  label: 'not sufficient',
  terms: [relevant, sufficient],
  value: (v) => v(relevant) - v(sufficient),
  range: sufficient.at.range,
  derivation: (v) => `${named(relevant, v)} − ${named(sufficient, v)}`,
});

/** "done 14". */
export const named = (t: Term, v: Values = asStated) => `${t.label} ${v(t)}`;
const is = (t: Term, v: Values) => `${t.label} is ${v(t)}`;
const figureNamed = (f: Figure, v: Values) => `${f.label} ${f.value(v)}${f.derivation ? ` (${f.derivation(v)})` : ''}`;
const figureIs = (f: Figure, v: Values) => `${f.label} is ${f.value(v)}${f.derivation ? ` (${f.derivation(v)})` : ''}`;
/** After a figure in a rule-by-rule message: how it is worked out, or where it is stated. */
const whence = (f: Figure, at: Places) => (f.derivation ? `(${f.derivation(asStated)})` : `— ${at.place(f.range)}`);
const relatedTo = (f: Figure): LocalRelated => ({ range: f.range, message: `${f.label} ${f.value(asStated)}` });

/** One rule over the numbers of one tally. */
export interface Relation {
  code: Code;
  /** The numbers it relates, in the order its words name them. */
  terms: readonly Term[];
  holds(v: Values): boolean;
  /** Its failure in words, as one clause of the one-number finding ("sufficient 15 exceeds done 14"). */
  says(v: Values): string;
  /** Rule by rule, its finding when the numbers as stated fail it. */
  finding(at: Places): RuleFinding;
  /** The number that finding holds wrong: after it, no bound for the other rules and no part of their sums. */
  blames?: Term;
}

export interface RuleFinding {
  /** On one of the rule's numbers by convention (the count above its bound, the difference), or on a key. */
  on: Range;
  /** After the question's name. */
  message: string;
  related: LocalRelated[];
  fixes?: Fix[];
}

/** What rule-by-rule findings name besides the numbers. */
export interface Places {
  /** "inspection.sqs.yaml:4". */
  place(range: Range): string;
  /** The tally's `reasons:` key, for a finding on the reasons as a whole. */
  reasonsKey(): Range;
}

/** How the rules are read: which numbers take part, and which readings of not sufficient the reasons are held to. */
export interface Reading {
  counts<T extends Term>(t: T | undefined): t is T;
  /** Of not sufficient as stated and as worked out (those whose numbers take part, in that order), the ones used. */
  notSufficient(readings: Figure[]): Figure[];
}

/**
 * Every stated number, as stated; the reasons share out not sufficient as stated, else as worked out. Which
 * relations there are then depends only on which numbers are stated, not on their values, so the one-number
 * finding can try other values in them.
 */
export const everyStatedNumber: Reading = {
  counts: <T extends Term>(t: T | undefined): t is T => t !== undefined,
  notSufficient: (readings) => readings.slice(0, 1),
};

/**
 * Rule by rule: a number found wrong (by the case files, or by an earlier rule: `wrong` grows as findings are
 * made) takes no part. When not sufficient as stated and as worked out disagree (SQS022), the reasons are held to
 * either: a rule on them holds when it holds for one. A count worked out below zero (sufficient above relevant,
 * SQS021) is no count.
 */
export function trusting(wrong: ReadonlySet<Located<number>>): Reading {
  return {
    counts: <T extends Term>(t: T | undefined): t is T => t !== undefined && !wrong.has(t.at),
    notSufficient: (readings) => readings.filter((f) => f.value(asStated) >= 0),
  };
}

/** A rule: its relations over one tally's numbers as a reading takes them (none while a number it needs is missing). */
export type CountRule = (x: TallyTerms, r: Reading) => Relation[];

/** The nearest of the counts that contain a count, nearest first, that the reading takes. */
function nearest(r: Reading, ...containing: (Term | undefined)[]): Figure | undefined {
  const t = containing.find((c) => r.counts(c));
  return t && stated(t);
}

/** The not-sufficient count the reasons share out, as the reading takes it. */
function notSufficientOf(x: TallyTerms, r: Reading): Figure[] {
  const { relevant, sufficient, notSufficient } = x;
  return r.notSufficient([
    ...(r.counts(notSufficient) ? [stated(notSufficient)] : []),
    ...(r.counts(relevant) && r.counts(sufficient) ? [workedOut(relevant, sufficient)] : []),
  ]);
}

/** SQS021: a count is no more than the count that contains it. The finding is on the count. */
function atMost(r: Reading, count: Term | undefined, bound: Figure | undefined): Relation[] {
  if (!r.counts(count) || !bound) return [];
  return [
    {
      code: 'SQS021',
      terms: [count, ...bound.terms],
      holds: (v) => v(count) <= bound.value(v),
      says: (v) => `${named(count, v)} exceeds ${figureNamed(bound, v)}`,
      finding: (at) => ({
        on: count.at.range,
        message: `${named(count)} exceeds ${bound.label} ${bound.value(asStated)} ${whence(bound, at)}`,
        related: [relatedTo(bound)],
      }),
      blames: count,
    },
  ];
}

/**
 * SQS022: relevant − sufficient = not sufficient. The finding goes on not sufficient, which its fix sets; it is
 * not held wrong, as any of the three may be (the reasons are then held to either reading of not sufficient).
 */
const notSufficientIsTheRest: CountRule = (x, r) => {
  const { relevant, sufficient, notSufficient } = x;
  if (!r.counts(relevant) || !r.counts(sufficient) || !r.counts(notSufficient)) return [];
  const rest = (v: Values) => v(relevant) - v(sufficient);
  return [
    {
      code: 'SQS022',
      terms: [relevant, sufficient, notSufficient],
      holds: (v) => rest(v) === v(notSufficient),
      says: (v) => `${named(relevant, v)} − ${named(sufficient, v)} = ${rest(v)} but ${is(notSufficient, v)}`,
      finding: (at) => {
        const expected = rest(asStated);
        return {
          on: notSufficient.at.range,
          message: `${named(notSufficient)} but ${named(relevant)} − ${named(sufficient)} = ${expected} — ${at.place(relevant.at.range)}`,
          related: [relatedTo(stated(relevant)), relatedTo(stated(sufficient))],
          fixes:
            expected >= 0
              ? [
                  {
                    title: `Set ${notSufficient.label} to ${expected} (${relevant.label} − ${sufficient.label})`,
                    edits: [replace(notSufficient.at.range, String(expected))],
                  },
                ]
              : [],
        };
      },
    },
  ];
};

/**
 * SQS021: a reason is no more than the not-sufficient count it is a reason for (rule by rule, the larger reading
 * when the two disagree), else than the relevant count or the sample.
 */
const reasonsWithinNotSufficient: CountRule = (x, r) => {
  const readings = notSufficientOf(x, r);
  const larger = readings.length > 0 ? readings.reduce((a, b) => (b.value(asStated) > a.value(asStated) ? b : a)) : undefined;
  const bound = larger ?? nearest(r, x.relevant, x.sample);
  return x.reasons.flatMap((reason) => atMost(r, reason, bound));
};

/**
 * SQS022: reviews that did not take place are the difference between due and done, so with one "no review"
 * reason, its count is that difference (done above due is SQS021's). The finding goes on the reason.
 */
const notDoneIsDueLessDone: CountRule = (x, r) => {
  const { relevant: due, done, notDone } = x;
  if (!r.counts(due) || !r.counts(done) || !r.counts(notDone)) return [];
  const notTaken = (v: Values) => v(due) - v(done);
  return [
    {
      code: 'SQS022',
      terms: [due, done, notDone],
      holds: (v) => v(due) < v(done) || notTaken(v) === v(notDone),
      says: (v) => `${named(due, v)} − ${named(done, v)} = ${notTaken(v)} but ${is(notDone, v)}`,
      finding: (at) => ({
        on: notDone.at.range,
        message: `${notDone.code} ${notDone.at.value} but ${named(due)} − ${named(done)} = ${notTaken(asStated)} reviews did not take place — ${at.place(done.at.range)}`,
        related: [relatedTo(stated(due)), relatedTo(stated(done))],
      }),
      blames: notDone,
    },
  ];
};

/**
 * SQS023: reasons that each not-sufficient case gives exactly one of add up to not sufficient (rule by rule,
 * either reading). The finding goes on the `reasons:` key, naming every reason.
 */
const reasonsAddUp: CountRule = (x, r) => {
  const { reasons } = x;
  const readings = notSufficientOf(x, r);
  const [against] = readings;
  if (!x.partition || reasons.length === 0 || !against || !reasons.every((t) => r.counts(t))) return [];
  const sum = (v: Values) => reasons.reduce((s, t) => s + v(t), 0);
  return [
    {
      code: 'SQS023',
      terms: [...reasons, ...readings.flatMap((f) => f.terms)],
      holds: (v) => readings.some((f) => f.value(v) === sum(v)),
      says: (v) => `the reasons add up to ${sum(v)} but ${figureIs(against, v)}`,
      finding: (at) => ({
        on: at.reasonsKey(),
        message: `the reasons add up to ${sum(asStated)} but ${against.label} is ${against.value(asStated)} ${whence(against, at)}; each not-sufficient case gives exactly one of these reasons.`,
        related: [relatedTo(against), ...reasons.map((t) => ({ range: t.at.range, message: `${t.code} ${t.at.value}` }))],
      }),
    },
  ];
};

/**
 * The rules, in the order rule-by-rule findings are made: each count against the nearest count that contains it
 * (sufficient ≤ done ≤ due ≤ sampled; not sufficient ≤ relevant) before the sums, so a count already above its
 * bound is not blamed again for a sum it is part of.
 */
export const countRules: readonly CountRule[] = [
  (x, r) => atMost(r, x.relevant, nearest(r, x.sample)),
  (x, r) => atMost(r, x.done, nearest(r, x.relevant, x.sample)),
  (x, r) => atMost(r, x.sufficient, nearest(r, x.done, x.relevant, x.sample)),
  (x, r) => atMost(r, x.notSufficient, nearest(r, x.relevant, x.sample)),
  notSufficientIsTheRest,
  reasonsWithinNotSufficient,
  notDoneIsDueLessDone,
  reasonsAddUp,
];
