import { finding, type LocalFinding } from '../findings';
import { replace } from './edits';
import { asStated, countRules, everyCount, everyStatedNumber, named, type CountRule, type TallyTerms, type Values } from './countRules';

// When several of a question's count rules fail, the one number they all share is named, read from the same
// table as the rule-by-rule findings (countRules.ts). Rule by rule, each failed rule must blame one of its numbers
// by convention (the count above its bound, the difference); two failures blamed on two right numbers often share
// the one wrong number, which only a view of all the rules sees. A test holds the two readings to each other on
// random tallies.

/** Every rule of the table over every stated number: which relations there are does not depend on their values. */
function relations(x: TallyTerms, rules: readonly CountRule[]) {
  return rules.flatMap((rule) => rule(x, everyStatedNumber));
}

/** The rules the stated numbers break, in words (a test holds these to the rule-by-rule checks of counts.ts). */
export function brokenRules(x: TallyTerms, rules: readonly CountRule[] = countRules): string[] {
  return relations(x, rules)
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
export function culpritFinding(name: string, x: TallyTerms, rules: readonly CountRule[] = countRules): LocalFinding | undefined {
  const all = relations(x, rules);
  const failed = all.filter((r) => !r.holds(asStated));
  if (failed.length < 2) return undefined;
  const shared = failed.map((r) => new Set(r.terms.map((t) => t.at))).reduce((a, b) => new Set([...a].filter((t) => b.has(t))));
  if (shared.size !== 1) return undefined;
  const [at] = shared;
  const culprit = failed[0]!.terms.find((t) => t.at === at)!;
  const bearing = all.filter((r) => r.terms.some((t) => t.at === at));
  // Counts are small (a sample of tens of cases), so the values that fit are found by trying each.
  const limit = Math.max(...everyCount(x).map((t) => t?.at.value ?? 0)) * 2 + 1;
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
