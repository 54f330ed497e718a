import { finding, inFile, type LocalFinding, type LocalRelated } from '../findings';
import type { Inspection } from '../index/inspectionIndex';
import type { Contribution } from '../index/relevance';
import type { QuestionTally } from '../index/tally';
import type { Located } from '../model/reader';
import type { Finding } from '../types';
import { replace } from './edits';
import { fileName, listing, plural, questionName } from './names';

/** Related locations listed per finding: enough to find the cases, few enough to read. */
export const relatedLimit = 12;

interface Compared {
  label: string;
  stated: Located<number> | undefined;
  tallied: number;
  /** Which cases make up the tallied number. */
  counts: (c: Contribution) => boolean;
}

const judged = (c: Contribution) => c.outcome === 'sufficient' || c.outcome === 'not-sufficient';

/**
 * SQS030: once an inspection has case files, every count its inspection file states must be the tally of
 * those files. The finding lists the cases that make up the tally and offers the tallied number.
 */
export function statedVsTallied(inspection: Inspection): Finding[] {
  if (inspection.cases.size === 0) return [];
  const { model, uri } = inspection.file;
  const out: LocalFinding[] = [];
  for (const t of model.stated.values()) {
    const tally = inspection.tallies.get(t.question.id);
    if (!tally) continue;
    const review = t.question.kind === 'review';
    const compared: Compared[] = [
      { label: review ? 'due' : 'relevant', stated: t.relevant, tallied: tally.relevant, counts: judged },
      { label: 'done', stated: t.done, tallied: tally.done, counts: (c) => c.outcome === 'sufficient' || (c.outcome === 'not-sufficient' && !c.notDone) },
      { label: 'sufficient', stated: t.sufficient, tallied: tally.sufficient, counts: (c) => c.outcome === 'sufficient' },
      { label: 'not sufficient', stated: t.notSufficient, tallied: tally.notSufficient, counts: (c) => c.outcome === 'not-sufficient' },
      ...[...t.reasons].map(([code, stated]) => ({
        label: `reason ${code}`,
        stated,
        tallied: tally.reasons.get(code) ?? 0,
        counts: (c: Contribution) => c.outcome === 'not-sufficient' && c.reasons.includes(code),
      })),
    ];
    for (const c of compared) {
      if (!c.stated || c.stated.value === c.tallied) continue;
      out.push(mismatch(inspection, tally, c, c.stated));
    }
  }
  return out.map((f) => inFile(uri, f));
}

function mismatch(inspection: Inspection, tally: QuestionTally, c: Compared, stated: Located<number>): LocalFinding {
  const members = [...tally.cases].filter(([, contribution]) => c.counts(contribution)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const related: LocalRelated[] = members.slice(0, relatedLimit).map(([caseUri, contribution]) => ({
    uri: caseUri,
    range: contribution.judgement?.range ?? inspection.file.model.sample?.range ?? stated.range,
    message: `${caseName(inspection, caseUri)}: ${outcomeWords[contribution.outcome]}${contribution.reasons.length ? ` (${contribution.reasons.join(', ')})` : ''}`,
  }));
  const gaps = incompleteness(inspection, tally);
  const listed = members.length > relatedLimit ? ` The first ${relatedLimit} of the ${members.length} cases are listed.` : '';
  const message = `${questionName(tally.question)}: ${c.label} ${stated.value}, but the case files tally ${c.tallied}${gaps ? ` (${gaps})` : ''}.${listed}`;
  return finding('SQS030', stated.range, message, {
    related,
    fixes: [{ title: `Set to ${c.tallied} (tallied from case files)`, edits: [replace(stated.range, String(c.tallied))], preferred: gaps === '' }],
  });
}

/** Why the tally may still move: cases not judged yet, case files not written yet ('' when it will not). */
export function incompleteness(inspection: Inspection, tally: QuestionTally): string {
  const parts: string[] = [];
  if (tally.unjudged > 0) parts.push(`${plural(tally.unjudged, 'case')} not yet judged`);
  const sample = inspection.file.model.sample?.value;
  if (sample !== undefined && inspection.cases.size < sample) parts.push(`${inspection.cases.size} of the ${sample} sampled case files written`);
  return listing(parts);
}

const outcomeWords: Record<Contribution['outcome'], string> = {
  sufficient: 'sufficient',
  'not-sufficient': 'not sufficient',
  unjudged: 'not yet judged',
  'not-relevant': 'not relevant',
  'marked-not-applicable': 'marked not applicable',
  'judged-not-relevant': 'judged, but not relevant',
};

/** The case id as written, or the file name when the case has none. */
export function caseName(inspection: Inspection, caseUri: string): string {
  return inspection.cases.get(caseUri)?.model.id?.value ?? fileName(caseUri);
}
