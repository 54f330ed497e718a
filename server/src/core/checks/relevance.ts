import { finding, type LocalFinding } from '../findings';
import { Reader } from '../model/reader';
import type { FixEdit } from '../types';
import { conditions, relevantCases, type CaseContext } from './caseContext';
import { removeEntry, replace } from './edits';
import { questionName } from '../criteria/names';

/**
 * SQS050: a judgement on a question the case facts rule out (a PSR criterion where no PSR was written, a
 * custody criterion on a community sentence) is not counted. Fixes: mark it not applicable (keeps any
 * notes), or remove it.
 * SQS055: the reverse, "not applicable" where the facts say the question applies: it drops out of the
 * count although the facts say it belongs there.
 */
export function relevance(ctx: CaseContext): LocalFinding[] {
  const out: LocalFinding[] = [];
  for (const c of ctx.contributions.values()) {
    const j = c.judgement;
    if (!j) continue;
    const q = j.question;
    const name = questionName(q);
    if (c.outcome === 'judged-not-relevant') {
      const failed = conditions(q.relevance, ctx).find((k) => k.holds === false);
      const why = failed ? `: ${failed.says}${failed.range ? ` (line ${failed.range.start.line + 1})` : ''}` : '';
      // The parse tree only for a finding's fixes: a clean case file's is not built again.
      const source = ctx.file.parsed.source;
      const markEdits: FixEdit[] = [replace(j.range, 'not applicable')];
      const reasons = j.reasons.length > 0 ? removeEntry(source, [...j.path, 'reasons']) : undefined;
      if (reasons) markEdits.push(reasons);
      const remove = removeEntry(source, removalPath(ctx, j.path));
      out.push(
        finding('SQS050', j.keyRange, `${name} does not apply to this case${why}. It applies to ${relevantCases(q)}; this judgement is not counted.`, {
          related: failed?.range ? [{ range: failed.range, message: failed.says }] : [],
          fixes: [
            { title: `Mark ${name} not applicable`, edits: markEdits, preferred: true },
            ...(remove ? [{ title: `Remove the ${name} judgement`, edits: [remove] }] : []),
          ],
        }),
      );
    } else if (c.outcome === 'marked-not-applicable') {
      const holding = conditions(q.relevance, ctx).filter((k) => k.holds === true);
      const because = holding.length > 0 ? `: ${holding.map((k) => k.says).join(' and ')}` : ' to every case';
      const [only] = holding;
      const fact =
        only && holding.length === 1 && typeof q.relevance === 'object' && 'fact' in q.relevance && !ctx.catalogue.facts.get(q.relevance.fact)?.fromSentence
          ? q.relevance.fact
          : undefined;
      out.push(
        finding('SQS055', j.range, `${name} applies${because}, so "not applicable" leaves this case out of its count. Judge it, or correct the case facts.`, {
          related: holding.filter((k) => k.range).map((k) => ({ range: k.range!, message: k.says })),
          fixes: fact && only?.range ? [{ title: `Set ${fact}: no`, edits: [replace(only.range, 'no')] }] : [],
        }),
      );
    }
  }
  return out;
}

/**
 * The entry to delete: the question's own, unless every question the file has under that criterion is
 * being removed, in which case the criterion's (an empty criterion key would be a new error).
 */
function removalPath(ctx: CaseContext, path: readonly (string | number)[]): readonly (string | number)[] {
  if (path.length < 3) return path;
  const criterionPath = path.slice(0, 2);
  const criterion = ctx.catalogue.criterion(String(path[1]));
  const present = new Reader(ctx.file.parsed.data, ctx.file.parsed.source).keys(criterionPath);
  const allGoing = present.every((key) => {
    const q = criterion?.questions.find((x) => x.key === key);
    return q !== undefined && ctx.contributions.get(q.id)?.outcome === 'judged-not-relevant';
  });
  return allGoing ? criterionPath : path;
}
