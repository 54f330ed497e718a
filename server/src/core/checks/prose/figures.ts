import type { Question } from '../../criteria/catalogue';
import type { Inspection } from '../../index/inspectionIndex';
import type { Range } from '../../types';
import { incompleteness } from '../statedVsTallied';

/** The numbers prose is held to: the case files' tally when there are case files, else the stated tallies. */
export interface Figures {
  /** "the case files", "the case files so far (2 cases not yet judged)" or "the stated tallies". */
  from: string;
  relevant?: number;
  sufficient?: number;
  reason(code: string): number | undefined;
  /** Where a stated number is, for related information. */
  place(what: 'relevant' | 'sufficient' | { reason: string }): Range | undefined;
}

export function figuresFor(inspection: Inspection, q: Question): Figures | undefined {
  if (inspection.cases.size > 0) {
    const t = inspection.tallies.get(q.id);
    if (!t) return undefined;
    const gaps = incompleteness(inspection, t);
    return {
      from: gaps ? `the case files so far (${gaps})` : 'the case files',
      relevant: t.relevant,
      sufficient: t.sufficient,
      reason: (code) => t.reasons.get(code) ?? 0,
      place: () => undefined,
    };
  }
  const s = inspection.file.model.stated.get(q.id);
  if (!s) return undefined;
  const relevant = s.relevant?.value;
  const sufficient = s.sufficient?.value ?? (relevant !== undefined && s.notSufficient ? relevant - s.notSufficient.value : undefined);
  return {
    from: 'the stated tallies',
    ...(relevant !== undefined && { relevant }),
    ...(sufficient !== undefined && sufficient >= 0 && { sufficient }),
    reason: (code) => s.reasons.get(code)?.value,
    place: (what) =>
      typeof what === 'object' ? s.reasons.get(what.reason)?.range : what === 'relevant' ? s.relevant?.range : (s.sufficient ?? s.notSufficient)?.range,
  };
}
