import { finding, inFile, type LocalFinding, type LocalRelated } from '../findings';
import type { Inspection } from '../index/inspectionIndex';
import type { Contribution } from '../index/relevance';
import { fieldName, firstCasesCounted, statedCounts, talliedCount, type StatedCount } from '../index/statedFields';
import type { QuestionTally } from '../index/tally';
import { excerpt } from '../text/quote';
import type { Finding } from '../types';
import { replace } from './edits';
import { questionName } from '../criteria/names';
import { fileName, listing, plural } from './names';

/** Related locations listed per finding: enough to find the cases, few enough to read. */
export const relatedLimit = 12;

/**
 * SQS030: once an inspection has case files, every count its inspection file states must be the tally of
 * those files. The finding lists the cases that make up the tally and offers the tallied number. What each
 * stated field counts is statedFields' table, shared with hovers, hints and navigation.
 */
export function statedVsTallied(inspection: Inspection): Finding[] {
  if (inspection.cases.size === 0) return [];
  const { model, uri } = inspection.file;
  const out: LocalFinding[] = [];
  for (const stated of model.stated.values()) {
    const tally = inspection.tallies.get(stated.question.id);
    if (!tally) continue;
    for (const count of statedCounts(stated)) {
      const tallied = talliedCount(tally, count.field, count.reason);
      if (count.value.value !== tallied) out.push(mismatch(inspection, tally, count, tallied));
    }
  }
  return out.map((f) => inFile(uri, f));
}

function mismatch(inspection: Inspection, tally: QuestionTally, count: StatedCount, tallied: number): LocalFinding {
  const stated = count.value;
  const members = firstCasesCounted(tally, count.field, count.reason, relatedLimit);
  const related: LocalRelated[] = members.first.map((caseUri) => {
    const contribution = tally.cases.get(caseUri)!;
    return {
      uri: caseUri,
      range: contribution.judgement?.range ?? inspection.file.model.sample?.range ?? stated.range,
      message: `${caseName(inspection, caseUri)}: ${outcomeWords[contribution.outcome]}${contribution.reasons.length ? ` (${contribution.reasons.join(', ')})` : ''}`,
    };
  });
  // The list is cut short where it is shown (with the related places), not in the message: the report preview and
  // the exports show the message alone.
  if (members.all > relatedLimit)
    related.push({
      range: stated.range,
      message: `and ${members.all - relatedLimit} more: the first ${relatedLimit} of the ${members.all} cases are listed`,
    });
  const gaps = incompleteness(inspection, tally);
  const message = `${questionName(tally.question)}: ${fieldName(count.field, count.reason)} ${stated.value}, but the case files tally ${tallied}${gaps ? ` (${gaps})` : ''}.`;
  return finding('SQS030', stated.range, message, {
    related,
    fixes: [{ title: `Set to ${tallied} (tallied from case files)`, edits: [replace(stated.range, String(tallied))], preferred: gaps === '' }],
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
  const id = inspection.cases.get(caseUri)?.model.id?.value;
  return id === undefined ? fileName(caseUri) : excerpt(id);
}
