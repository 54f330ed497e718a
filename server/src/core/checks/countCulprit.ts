import { finding, type LocalFinding } from '../findings';
import type { StatedTally } from '../model/inspectionModel';
import type { Located } from '../model/reader';
import type { Code } from '../codes';
import { replace } from './edits';

// The rules SQS021–SQS023 hold a question's stated counts to, restated as relations over the numbers so that,
// when several fail, the one number they all share can be named. The rule-by-rule checks (counts.ts) must
// blame one side of each failed rule by convention (the count above its bound, the difference); two failures
// blamed on two right numbers often share the one wrong number, which only a view of all the rules sees. A
// test holds the two readings of the rules to each other on random tallies.

/** A stated number with the word that names it ("done", "reason no-review"). */
export interface Term {
  label: string;
  at: Located<number>;
}

type Values = (t: Term) => number;

interface Relation {
  code: Code;
  terms: readonly Term[];
  holds(v: Values): boolean;
  /** The failure in words, with the numbers as they are. */
  says(v: Values): string;
}

export interface TallyTerms {
  sample?: Term;
  relevant?: Term;
  done?: Term;
  sufficient?: Term;
  notSufficient?: Term;
  reasons: readonly Term[];
  /** The one reason counting reviews that did not take place, on a review question. */
  notDone?: Term;
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
    ...opt('sample', term('sampled', sample)),
    ...opt('relevant', term(review ? 'due' : 'relevant', t.relevant)),
    ...opt('done', term('done', t.done)),
    ...opt('sufficient', term('sufficient', t.sufficient)),
    ...opt('notSufficient', term('not sufficient', t.notSufficient)),
    reasons,
    ...opt('notDone', notDone),
    partition: t.question.reasons?.mode === 'partition',
  };
}

function opt<K extends string, T>(key: K, value: T | undefined): { [P in K]?: T } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: T };
}

const named = (t: Term, v: Values) => `${t.label} ${v(t)}`;
const is = (t: Term, v: Values) => `${t.label} is ${v(t)}`;

function atMost(child: Term | undefined, bounds: (Term | undefined)[]): Relation[] {
  const bound = bounds.find((b) => b !== undefined);
  if (!child || !bound) return [];
  return [{ code: 'SQS021', terms: [child, bound], holds: (v) => v(child) <= v(bound), says: (v) => `${named(child, v)} exceeds ${named(bound, v)}` }];
}

/** The not-sufficient count the reasons share out, and the numbers it is read from. */
interface SharedOut {
  terms: Term[];
  value: (v: Values) => number;
  says: (v: Values) => string;
  /** The same after "but": "not sufficient is 7". */
  isSaid: (v: Values) => string;
}

function relations(x: TallyTerms): Relation[] {
  const out: Relation[] = [
    ...atMost(x.relevant, [x.sample]),
    ...atMost(x.done, [x.relevant, x.sample]),
    ...atMost(x.sufficient, [x.done, x.relevant, x.sample]),
    ...atMost(x.notSufficient, [x.relevant, x.sample]),
  ];
  const { relevant, sufficient, notSufficient } = x;
  if (relevant && sufficient && notSufficient) {
    out.push({
      code: 'SQS022',
      terms: [relevant, sufficient, notSufficient],
      holds: (v) => v(relevant) - v(sufficient) === v(notSufficient),
      says: (v) => `${named(relevant, v)} − ${named(sufficient, v)} = ${v(relevant) - v(sufficient)} but ${is(notSufficient, v)}`,
    });
  }
  // What the reasons share out: not sufficient as stated, else worked out from relevant and sufficient.
  const shared: SharedOut | undefined = notSufficient
    ? { terms: [notSufficient], value: (v) => v(notSufficient), says: (v) => named(notSufficient, v), isSaid: (v) => is(notSufficient, v) }
    : relevant && sufficient
      ? {
          terms: [relevant, sufficient],
          value: (v) => v(relevant) - v(sufficient),
          says: (v) => `not sufficient ${v(relevant) - v(sufficient)} (${named(relevant, v)} − ${named(sufficient, v)})`,
          isSaid: (v) => `not sufficient is ${v(relevant) - v(sufficient)} (${named(relevant, v)} − ${named(sufficient, v)})`,
        }
      : undefined;
  for (const r of x.reasons) {
    if (shared)
      out.push({ code: 'SQS021', terms: [r, ...shared.terms], holds: (v) => v(r) <= shared.value(v), says: (v) => `${named(r, v)} exceeds ${shared.says(v)}` });
    else out.push(...atMost(r, [relevant, x.sample]));
  }
  const { done, notDone } = x;
  if (relevant && done && notDone) {
    out.push({
      code: 'SQS022',
      terms: [relevant, done, notDone],
      holds: (v) => v(relevant) < v(done) || v(relevant) - v(done) === v(notDone),
      says: (v) => `${named(relevant, v)} − ${named(done, v)} = ${v(relevant) - v(done)} but ${is(notDone, v)}`,
    });
  }
  if (x.partition && x.reasons.length > 0 && shared) {
    const sum = (v: Values) => x.reasons.reduce((s, r) => s + v(r), 0);
    out.push({
      code: 'SQS023',
      terms: [...x.reasons, ...shared.terms],
      holds: (v) => sum(v) === shared.value(v),
      says: (v) => `the reasons add up to ${sum(v)} but ${shared.isSaid(v)}`,
    });
  }
  return out;
}

/** The rules the stated numbers break, in words (a test holds these to the rule-by-rule checks of counts.ts). */
export function brokenRules(x: TallyTerms): string[] {
  const asStated: Values = (t) => t.at.value;
  return relations(x)
    .filter((r) => !r.holds(asStated))
    .map((r) => r.says(asStated));
}

/** Beyond this, counts are not tried one by one (a count in the millions is a typo another check reports). */
const maxTried = 10_000;

/**
 * One finding on the number that every failed rule of the question involves, when there are at least two
 * failures, exactly one such number, and some value of it alone satisfies every rule; undefined otherwise
 * (the rule-by-rule findings stand: more than one number is wrong). Its fix sets the number to the value
 * that fits, when only one does.
 */
export function culpritFinding(name: string, x: TallyTerms): LocalFinding | undefined {
  const all = relations(x);
  const asStated: Values = (t) => t.at.value;
  const failed = all.filter((r) => !r.holds(asStated));
  if (failed.length < 2) return undefined;
  const shared = failed.map((r) => new Set(r.terms.map((t) => t.at))).reduce((a, b) => new Set([...a].filter((t) => b.has(t))));
  if (shared.size !== 1) return undefined;
  const [at] = shared;
  const culprit = failed[0]!.terms.find((t) => t.at === at)!;
  const bearing = all.filter((r) => r.terms.some((t) => t.at === at));
  // Counts are small (a sample of tens of cases), so the values that fit are found by trying each.
  const limit = Math.max(...[x.sample, x.relevant, x.done, x.sufficient, x.notSufficient, ...x.reasons].map((t) => t?.at.value ?? 0)) * 2 + 1;
  if (limit > maxTried) return undefined;
  const fits: number[] = [];
  for (let n = 0; n <= limit; n++) {
    const trial: Values = (t) => (t.at === at ? n : t.at.value);
    if (bearing.every((r) => r.holds(trial))) fits.push(n);
  }
  if (fits.length === 0) return undefined;
  const [fit] = fits;
  const which = fits.length === 1 ? ` ${culprit.label[0]!.toUpperCase()}${culprit.label.slice(1)} ${fit} fits them all.` : '';
  const others = [...new Set(failed.flatMap((r) => r.terms.filter((t) => t.at !== at)))];
  const code = failed.some((r) => r.code === 'SQS021') ? 'SQS021' : failed[0]!.code;
  return finding(
    code,
    culprit.at.range,
    `${name}: ${named(culprit, asStated)} does not fit the other counts: ${failed.map((r) => r.says(asStated)).join('; ')}.${which}`,
    {
      related: others.map((t) => ({ range: t.at.range, message: named(t, asStated) })),
      fixes: fits.length === 1 ? [{ title: `Set ${culprit.label} to ${fit} (fits every other count)`, edits: [replace(culprit.at.range, String(fit))] }] : [],
    },
  );
}
