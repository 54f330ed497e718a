import { questionName } from '../criteria/names';
import type { InspectionIndex } from '../index/inspectionIndex';
import { casesCounted, fieldLabel, statedCounts, talliedCount } from '../index/statedFields';
import type { Position } from '../types';
import { caseLabel, escapeMarkdown, listSome } from './text';

/** The live tally shown after a stated count in the inspection file. */
export interface TallyHint {
  position: Position;
  /** "✓" when the stated count agrees with the case files, "≠ 21" when it does not. */
  label: string;
  agrees: boolean;
  /** Markdown: what was tallied, from which cases. */
  tooltip: string;
}

/** Hints for every stated count of an inspection file, once the inspection has case files to tally. */
export function tallyHints(index: InspectionIndex, uri: string): TallyHint[] {
  const file = index.get(uri);
  const inspection = index.inspectionOf(uri);
  if (file?.kind !== 'inspection' || !inspection || inspection.cases.size === 0) return [];
  const hints: TallyHint[] = [];
  for (const stated of file.model.stated.values()) {
    const tally = inspection.tallies.get(stated.question.id);
    if (!tally) continue;
    for (const c of statedCounts(stated)) {
      const n = talliedCount(tally, c.field, c.reason);
      const agrees = n === c.value.value;
      const counted = casesCounted(tally, c.field, c.reason).map((u) => escapeMarkdown(caseLabel(index, u)));
      const pending =
        tally.unjudged > 0 ? `\n\n${tally.unjudged} case${tally.unjudged === 1 ? '' : 's'} not yet judged on ${questionName(stated.question)}.` : '';
      hints.push({
        position: c.value.range.end,
        label: agrees ? '✓' : `≠ ${n}`,
        agrees,
        tooltip: `${questionName(stated.question)} ${escapeMarkdown(fieldLabel(c.field, c.reason))}: **${n}** tallied from ${inspection.cases.size} case files${counted.length ? ` (${listSome(counted, 20)})` : ''}.${pending}`,
      });
    }
  }
  return hints;
}
