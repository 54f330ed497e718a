import { finding, type LocalFinding } from '../findings';
import { reasonsWritten, type Judgement } from '../model/caseModel';
import { Reader } from '../model/reader';
import type { Fix, FixEdit } from '../types';
import type { CaseContext } from './caseContext';
import { insertAfterEntry, removeEntry, replace, typed } from './edits';
import { questionName } from '../criteria/names';
import { listing } from './names';

/**
 * The reasons of one judgement, which feed the report's breakdowns ("in three cases the assessment had
 * not been done"): SQS052 reasons on a judgement that is not "not sufficient" (never counted), SQS053 a
 * "not sufficient" without one, SQS054 several where the criterion's reasons are exclusive.
 */
export function reasons(ctx: CaseContext): LocalFinding[] {
  const out: LocalFinding[] = [];
  for (const c of ctx.contributions.values()) {
    const j = c.judgement;
    if (!j || c.outcome === 'judged-not-relevant') continue;
    const q = j.question;
    const name = questionName(q);
    const reasonsPath = [...j.path, 'reasons'];
    const written = reasonsWritten(j);
    // The parse tree is read only for a finding's ranges and fixes: a clean case file's is not built again.
    const source = () => ctx.file.parsed.source;
    if (j.value !== 'not-sufficient') {
      if (!written) continue;
      const remove = removeEntry(source(), reasonsPath);
      out.push(
        finding(
          'SQS052',
          new Reader(ctx.file.parsed.data, source()).keyRange(reasonsPath),
          `${name} is judged ${j.value.replace('-', ' ')}: reasons are only counted for a "not sufficient" judgement.`,
          {
            fixes: remove ? [{ title: 'Remove the reasons', edits: [remove], preferred: true }] : [],
          },
        ),
      );
      continue;
    }
    const codes = q.reasons?.codes ?? [];
    if (codes.length > 0 && !written) {
      out.push(
        finding(
          'SQS053',
          j.range,
          `${name} is not sufficient but gives no reason: say why (${codes.map((r) => r.code).join(', ')}), so the report can count it.`,
          {
            fixes: codes.flatMap((r): Fix[] => {
              const edit = addReason(ctx, j, r.code);
              return edit ? [{ title: `Give the reason ${r.code}: ${r.label}`, edits: [edit] }] : [];
            }),
          },
        ),
      );
    }
    const distinct = [...new Map(j.reasons.map((r) => [r.value, r])).values()];
    const [, second] = distinct;
    if (q.reasons?.mode === 'partition' && second) {
      out.push(
        finding(
          'SQS054',
          second.range,
          `${name} takes one reason per case (${listing(codes.map((r) => r.code))} share out the not-sufficient cases between them), but this case gives ${distinct.length}: ${distinct.map((r) => r.value).join(', ')}.`,
          {
            related: distinct.filter((r) => r !== second).map((r) => ({ range: r.range, message: `reason ${r.value}` })),
          },
        ),
      );
    }
  }
  return out;
}

/** Adds one reason to a judgement written either bare (`not sufficient`) or as a mapping. */
function addReason(ctx: CaseContext, j: Judgement, code: string): FixEdit | undefined {
  const source = ctx.file.parsed.source;
  const valuePath = [...j.path, 'judgement'];
  if (!source.has(valuePath)) return replace(j.range, `{ judgement: ${typed(source, j.path) ?? 'not sufficient'}, reasons: [${code}] }`);
  const reasonsPath = [...j.path, 'reasons'];
  if (source.has(reasonsPath)) {
    const current = typed(source, reasonsPath);
    const range = source.valueRange(reasonsPath);
    return current !== undefined && /^\[\s*\]$/.test(current) && range ? replace(range, `[${code}]`) : undefined;
  }
  return insertAfterEntry(source, valuePath, 'reasons', `[${code}]`);
}
