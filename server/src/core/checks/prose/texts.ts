import type { Criterion } from '../../criteria/catalogue';
import type { Located } from '../../model/reader';
import { criterionMarkers, narrativeStretches } from '../../model/narrative';
import type { InspectionFile } from '../../model/sqsFile';
import type { Range } from '../../types';
import type { Path } from '../../yaml/source';
import { scalarOffsets } from '../../yaml/scalarOffsets';

// The inspector's own words that reach the report and speak of a criterion, which the prose check holds to
// that criterion's numbers: a criterion's commentary (`text`, or the bare string), the words added after its
// generated sentences (`after`), and a narrative paragraph where a criterion marker ("{OM}") places its
// sentences. Text that reaches the report but names no criterion (a summary without markers, key strengths)
// is not about any one question's figures, and is not read.

export interface ProseText {
  /** The criteria it speaks of: the one it is commentary on, or those whose markers stand in the paragraph. */
  criteria: Criterion[];
  /** What the check reads: the value, or one narrative paragraph of it with its markers blanked (offsets kept). */
  text: string;
  /** Where each character of `text` is in the file, when the value could be aligned with its source. */
  offsets: number[] | undefined;
  /** The value's range: findings go there when the offsets are missing. */
  range: Range;
  /** The key above the value, where a finding about the whole text goes (SQS062). */
  keyRange: Range;
  /** How a message names it: "2.6: this commentary", "OM: this narrative paragraph". */
  label: string;
}

const narrativeBlocks = [
  ['context', 'context'],
  ['summary', 'summary'],
  ['operationalManagement', 'operational_management'],
  ['closing', 'closing'],
] as const;

export function proseTexts(file: InspectionFile): ProseText[] {
  const out: ProseText[] = [];
  const source = file.parsed.source;
  const aligned = (path: Path, value: Located<string>) => {
    const span = source.spansOf(path)?.value;
    return span && scalarOffsets(file.parsed.text, span, value.value);
  };
  for (const [criterionId, override] of file.model.commentary) {
    const criterion = file.catalogue.criterion(criterionId);
    // An omitted criterion's text never reaches the report.
    if (!criterion || override.omit?.value) continue;
    const { text, after } = override;
    if (text) {
      const path = source.has(['commentary', criterionId, 'text']) ? ['commentary', criterionId, 'text'] : ['commentary', criterionId];
      out.push({
        criteria: [criterion],
        text: text.value,
        offsets: aligned(path, text),
        range: text.range,
        keyRange: source.keyRange(['commentary', criterionId]) ?? text.range,
        label: `${criterionId}: this commentary`,
      });
    }
    if (after) {
      const path = ['commentary', criterionId, 'after'];
      out.push({
        criteria: [criterion],
        text: after.value,
        offsets: aligned(path, after),
        range: after.range,
        keyRange: source.keyRange(path) ?? after.range,
        label: `${criterionId}: the text after the commentary`,
      });
    }
  }
  for (const [field, key] of narrativeBlocks) {
    const block = file.model.narrative[field];
    if (!block) continue;
    const path = ['narrative', key];
    const offsets = aligned(path, block);
    for (const p of narrativeStretches(block.value)) {
      const paragraph = block.value.slice(p.start, p.end);
      const markers = criterionMarkers(paragraph, (id) => file.catalogue.criterion(id) !== undefined);
      if (markers.length === 0) continue;
      const criteria = [...new Set(markers.map((m) => m.criterionId))].map((id) => file.catalogue.criterion(id)!);
      let text = paragraph;
      // The marker stands for generated sentences, read by nobody here: blanked, so offsets still line up.
      for (const m of markers) text = text.slice(0, m.start) + ' '.repeat(m.end - m.start) + text.slice(m.end);
      out.push({
        criteria,
        text,
        offsets: offsets?.slice(p.start, p.end + 1),
        range: block.range,
        keyRange: source.keyRange(path) ?? block.range,
        label: `${criteria.map((c) => c.id).join(', ')}: this narrative paragraph`,
      });
    }
  }
  return out;
}
