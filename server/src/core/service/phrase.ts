import type { Phrasebook } from '../commentary/phrasebook';
import type { Inspection } from '../index/inspectionIndex';
import type { QuestionTally } from '../index/tally';

/**
 * How the report words a tally ("all but 3 out of the 22 relevant"), in the style the inspection or the
 * catalogue chooses for the criterion and from the side its sentence describes. Undefined with nothing to
 * describe (no relevant case), since a report never says "0 out of 0".
 */
export function tallyPhrase(inspection: Inspection, tally: QuestionTally, book: Phrasebook): string | undefined {
  if (tally.relevant === 0) return undefined;
  const q = tally.question;
  const style = inspection.file.model.commentary.get(q.criterion.id)?.style?.value ?? q.commentary?.style ?? 'banded';
  const framing = q.commentary?.framing ?? 'sufficient';
  const quantity = book.describe({ sufficient: tally.sufficient, relevant: tally.relevant }, { style, framing });
  if (!quantity) return undefined;
  return `${quantity.form('relevant')}${framing === 'not-sufficient' ? ' (not sufficient)' : ''}`;
}
