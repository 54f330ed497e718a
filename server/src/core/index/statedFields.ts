import type { StatedTally } from '../model/inspectionModel';
import type { Located } from '../model/reader';
import type { Contribution } from './relevance';
import type { QuestionTally } from './tally';

/**
 * The counts an inspector may state for a question, as written in the inspection file, and how each is
 * tallied from the case files. One table, so hovers, hints, completion and checks agree on the meaning.
 */
export type StatedField = 'relevant' | 'due' | 'done' | 'sufficient' | 'not_sufficient';

interface FieldRule {
  /** The tally's count for this field. */
  count(t: QuestionTally): number;
  /** Whether one case's contribution is counted in it. */
  counts(c: Contribution): boolean;
  label: string;
}

const judged = (c: Contribution) => c.outcome === 'sufficient' || c.outcome === 'not-sufficient';

const rules: Record<StatedField, FieldRule> = {
  relevant: { count: (t) => t.relevant, counts: judged, label: 'relevant' },
  due: { count: (t) => t.relevant, counts: judged, label: 'reviews due' },
  done: { count: (t) => t.done, counts: (c) => c.outcome === 'sufficient' || (c.outcome === 'not-sufficient' && !c.notDone), label: 'reviews done' },
  sufficient: { count: (t) => t.sufficient, counts: (c) => c.outcome === 'sufficient', label: 'sufficient' },
  not_sufficient: { count: (t) => t.notSufficient, counts: (c) => c.outcome === 'not-sufficient', label: 'not sufficient' },
};

/** A stated count: a field, or a reason's count when `reason` is set. */
export interface StatedCount {
  field: StatedField | 'reason';
  reason?: string;
  value: Located<number>;
}

/** Every count stated for one question, in the order the file format lists them. */
export function statedCounts(stated: StatedTally): StatedCount[] {
  const out: StatedCount[] = [];
  const add = (field: StatedField, v: Located<number> | undefined) => v && out.push({ field, value: v });
  add(stated.question.kind === 'review' ? 'due' : 'relevant', stated.relevant);
  add('done', stated.done);
  add('sufficient', stated.sufficient);
  add('not_sufficient', stated.notSufficient);
  for (const [reason, value] of stated.reasons) out.push({ field: 'reason', reason, value });
  return out;
}

/** The tallied value of a stated count. */
export function talliedCount(tally: QuestionTally, field: StatedField | 'reason', reason?: string): number {
  if (field === 'reason') return tally.reasons.get(reason ?? '') ?? 0;
  return rules[field].count(tally);
}

/** The case files (URIs) counted in a stated count, in the tally's order. */
export function casesCounted(tally: QuestionTally, field: StatedField | 'reason', reason?: string): string[] {
  const counts = field === 'reason' ? (c: Contribution) => c.outcome === 'not-sufficient' && c.reasons.includes(reason ?? '') : rules[field].counts;
  return [...tally.cases].filter(([, c]) => counts(c)).map(([uri]) => uri);
}

/**
 * The first `limit` case files counted in a stated count, by URI, and how many there are: a finding lists a dozen,
 * and sorting thousands of cases for them cost a national workspace more than every other check.
 */
export function firstCasesCounted(
  tally: QuestionTally,
  field: StatedField | 'reason',
  reason: string | undefined,
  limit: number,
): { first: string[]; all: number } {
  const counts = field === 'reason' ? (c: Contribution) => c.outcome === 'not-sufficient' && c.reasons.includes(reason ?? '') : rules[field].counts;
  const first: string[] = [];
  let all = 0;
  for (const [uri, c] of tally.cases) {
    if (!counts(c)) continue;
    all++;
    if (first.length === limit && uri >= first[limit - 1]!) continue;
    // Kept sorted: a binary search for the place, then one splice of at most `limit` entries.
    let lo = 0;
    let hi = first.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (first[mid]! < uri) lo = mid + 1;
      else hi = mid;
    }
    first.splice(lo, 0, uri);
    if (first.length > limit) first.pop();
  }
  return { first, all };
}

export function fieldLabel(field: StatedField | 'reason', reason?: string): string {
  return field === 'reason' ? `reason ${reason ?? ''}` : rules[field].label;
}

/** The field as the inspection file names it, in words ("not sufficient", "due", "reason D"): for findings. */
export function fieldName(field: StatedField | 'reason', reason?: string): string {
  return field === 'reason' ? `reason ${reason ?? ''}` : field.replace('_', ' ');
}
