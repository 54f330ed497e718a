import type { Criterion } from '../criteria/catalogue';
import { finding, type LocalFinding } from '../findings';
import type { Question } from '../criteria/catalogue';
import { conditions, type CaseContext } from './caseContext';
import { listing } from './names';

/**
 * SQS051 (information): what is left to judge in this case, one finding per criterion, on the criterion's
 * key when it has one, else on `judgements:`. An inspector working through a case sees the list shrink.
 */
export function notYetJudged(ctx: CaseContext): LocalFinding[] {
  const byCriterion = new Map<Criterion, Question[]>();
  for (const [qid, c] of ctx.contributions) {
    if (c.outcome !== 'unjudged') continue;
    const q = ctx.catalogue.question(qid);
    if (!q) continue;
    const list = byCriterion.get(q.criterion);
    if (list) list.push(q);
    else byCriterion.set(q.criterion, [q]);
  }
  // The parse tree only for a finding's place and fixes: a clean case file's is not built again.
  if (byCriterion.size === 0) return [];
  const source = ctx.file.parsed.source;
  const fallback = source.keyRange(['judgements']) ?? ctx.file.model.id?.range ?? source.lineRange(0);
  const out: LocalFinding[] = [];
  for (const [criterion, questions] of byCriterion) {
    const which = criterion.questions.length > 1 ? ` (${listing(questions.map((q) => q.key))})` : '';
    const hints = new Set<string>();
    for (const q of questions) {
      const unknown = conditions(q.relevance, ctx).filter((k) => k.holds === 'unknown');
      if (unknown.length > 0) hints.add(`whether it applies cannot be told, as ${listing(unknown.map((k) => k.says))}`);
      else if (usesInspectorsCall(q.relevance)) hints.add('write "not applicable" if it does not apply to this case');
    }
    const hint = hints.size > 0 ? `; ${[...hints].join('; ')}` : '';
    const range = source.keyRange(['judgements', criterion.id]) ?? fallback;
    out.push(finding('SQS051', range, `${criterion.id} ${criterion.title}${which}: not yet judged${hint}.`));
  }
  return out;
}

function usesInspectorsCall(rule: Question['relevance']): boolean {
  if (rule === 'judged') return true;
  return typeof rule === 'object' && 'all' in rule && rule.all.some(usesInspectorsCall);
}
