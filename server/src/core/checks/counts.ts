import { finding, inFile, type LocalFinding } from '../findings';
import type { Inspection } from '../index/inspectionIndex';
import type { StatedTally } from '../model/inspectionModel';
import type { Located } from '../model/reader';
import type { Finding } from '../types';
import { questionName } from '../criteria/names';
import { place } from './names';
import { statedCounts as statedCountsOf, talliedCount } from '../index/statedFields';
import { culpritFinding } from './countCulprit';
import { asStated, countRules, termsOf, trusting, type CountRule, type Places, type TallyTerms } from './countRules';

/**
 * SQS021–SQS023: the counts stated for one question must be possible (the rules: countRules.ts). Each count is
 * compared with the nearest stated count that contains it (sufficient ≤ done ≤ due ≤ sampled; a reason ≤ not
 * sufficient), so one wrong number gives one finding rather than a cascade up the chain. A number already found
 * wrong is not held against the others: it is no bound for them (the next one up is), and sums it is part of are
 * not checked. With case files, SQS030 finds the wrong numbers, with their tallies: those are not reported again
 * here. Where that still leaves two findings, the one number every failed rule involves is named instead
 * (countCulprit.ts). `rules` is the table both are read from.
 */
export function statedCounts(inspection: Inspection, rules: readonly CountRule[] = countRules): Finding[] {
  const { model, uri } = inspection.file;
  const out: LocalFinding[] = [];
  for (const t of model.stated.values()) {
    const x = termsOf(t, model.sample);
    const contradicted = contradictedByCases(inspection, t);
    const found = tallyFindings(inspection, t, x, new Set(contradicted), rules);
    // Rule by rule, two failures may be blamed on two right numbers; one number in every failed rule is the
    // wrong one. Case files settle which numbers are wrong better (SQS030): then the rules' findings stand.
    const one = found.length >= 2 && contradicted.size === 0 ? culpritFinding(questionName(t.question), x, rules) : undefined;
    out.push(...(one ? [one] : found));
  }
  return out.map((f) => inFile(uri, f));
}

/** The stated counts of a question that its case files' tally contradicts (SQS030 reports each). */
function contradictedByCases(inspection: Inspection, t: StatedTally): Set<Located<number>> {
  const tally = inspection.cases.size > 0 ? inspection.tallies.get(t.question.id) : undefined;
  if (!tally) return new Set();
  return new Set(
    statedCountsOf(t)
      .filter((c) => c.value.value !== talliedCount(tally, c.field, c.reason))
      .map((c) => c.value),
  );
}

/**
 * The rules one by one, in the table's order: each that the numbers as stated fail gives its finding, and the
 * number it blames joins `wrong`, the numbers known to be wrong, which the rules after it leave out.
 */
function tallyFindings(inspection: Inspection, t: StatedTally, x: TallyTerms, wrong: Set<Located<number>>, rules: readonly CountRule[]): LocalFinding[] {
  const name = questionName(t.question);
  const { uri, parsed } = inspection.file;
  const at: Places = {
    place: (range) => place({ uri, range }),
    reasonsKey: () => parsed.source.keyRange([...t.path, 'reasons']) ?? t.keyRange,
  };
  const reading = trusting(wrong);
  const out: LocalFinding[] = [];
  for (const rule of rules)
    for (const relation of rule(x, reading)) {
      if (relation.holds(asStated)) continue;
      const f = relation.finding(at);
      out.push(finding(relation.code, f.on, `${name}: ${f.message}`, f));
      if (relation.blames) wrong.add(relation.blames.at);
    }
  return out;
}
