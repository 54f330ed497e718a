import type { Question } from '../criteria/catalogue';
import { questionName } from '../criteria/names';
import type { Inspection } from '../index/inspectionIndex';
import type { QuestionTally } from '../index/tally';
import type { Located } from '../model/reader';
import type { StatedTally } from '../model/inspectionModel';
import { zeroRange } from '../types';
import type { SourceLink } from './document';

/** The numbers the report states for one question, wherever they came from, with their sources. */
export interface QuestionFigures {
  question: Question;
  from: 'cases' | 'stated';
  /** Undefined when nothing says how many cases were relevant (a tallies-only inspection that stated none). */
  relevant?: number;
  sufficient?: number;
  /** Reasons given, in catalogue order, each with the cases (or the stated count) behind it. */
  reasons: { code: string; count: number; sources: SourceLink[] }[];
  /** The judgements counted (cases) or the counts stated (stated), plus any stated counts to compare. */
  sources: SourceLink[];
  quotes: { text: string; source: SourceLink }[];
  /** Why the figures cannot be worded (counts that contradict each other); the checks report the details. */
  problem?: string;
  /** Relevant cases not judged yet: the figures cover only the judged ones. */
  unjudged: number;
  /** Where those cases are (their `case:` id, or the top of the file). */
  unjudgedSources: SourceLink[];
}

const outcomeWords: Record<string, string> = { sufficient: 'sufficient', 'not-sufficient': 'not sufficient' };

/** Figures from the case files' live tallies; `labels` names each case (see caseLabels), in the order to list them. */
export function figuresFromCases(inspection: Inspection, question: Question, tally: QuestionTally, labels: ReadonlyMap<string, string>): QuestionFigures {
  const sources: SourceLink[] = [];
  const reasonSources = new Map<string, SourceLink[]>();
  const quotes: QuestionFigures['quotes'] = [];
  const unjudgedSources: SourceLink[] = [];
  for (const [uri, label] of labels) {
    const c = tally.cases.get(uri);
    if (c?.outcome === 'unjudged') {
      const id = inspection.cases.get(uri)?.model.id;
      unjudgedSources.push({ uri, range: id?.range ?? zeroRange, role: 'judgement', label: `${label} ${questionName(question)}: not judged yet` });
    }
    const j = c?.judgement;
    if (!c || !j || (c.outcome !== 'sufficient' && c.outcome !== 'not-sufficient')) continue;
    const who = `${label} ${questionName(question)}`;
    sources.push({ uri, range: j.range, role: 'judgement', label: `${who}: ${outcomeWords[c.outcome]}` });
    for (const r of j.reasons) {
      if (!c.reasons.includes(r.value)) continue;
      const list = reasonSources.get(r.value) ?? [];
      list.push({ uri, range: r.range, role: 'reason', label: `${who}: ${r.value}` });
      reasonSources.set(r.value, list);
    }
    if (j.quote) quotes.push({ text: j.quote.value, source: { uri, range: j.quote.textRange ?? j.quote.range, role: 'quote', label: `${who}: quote` } });
  }
  const stated = inspection.file.model.stated.get(question.id);
  return {
    question,
    from: 'cases',
    relevant: tally.relevant,
    sufficient: tally.sufficient,
    reasons: (question.reasons?.codes ?? []).flatMap((r) => {
      const count = tally.reasons.get(r.code) ?? 0;
      return count > 0 ? [{ code: r.code, count, sources: reasonSources.get(r.code) ?? [] }] : [];
    }),
    sources: [...sources, ...(stated ? statedSources(inspection, stated) : [])],
    quotes,
    unjudged: tally.unjudged,
    unjudgedSources,
  };
}

/** Figures from the counts stated in the inspection file (an inspection recorded as tallies only). */
export function figuresFromStated(inspection: Inspection, question: Question): QuestionFigures {
  const stated = inspection.file.model.stated.get(question.id);
  const base: QuestionFigures = { question, from: 'stated', reasons: [], sources: [], quotes: [], unjudged: 0, unjudgedSources: [] };
  if (!stated) return base;
  const uri = inspection.file.uri;
  const s = stated.sufficient?.value;
  const ns = stated.notSufficient?.value;
  const relevant = stated.relevant?.value ?? (s !== undefined && ns !== undefined ? s + ns : undefined);
  const sufficient = s ?? (relevant !== undefined && ns !== undefined ? relevant - ns : undefined);
  const figures: QuestionFigures = {
    ...base,
    sources: statedSources(inspection, stated),
    reasons: (question.reasons?.codes ?? []).flatMap((r) => {
      const v = stated.reasons.get(r.code);
      return v && v.value > 0
        ? [
            {
              code: r.code,
              count: v.value,
              sources: [{ uri, range: v.range, role: 'stated' as const, label: `${statedLabel(question)} reasons ${r.code}: ${v.value}` }],
            },
          ]
        : [];
    }),
  };
  if (relevant !== undefined && sufficient !== undefined) {
    figures.relevant = relevant;
    figures.sufficient = sufficient;
    const impossible = sufficient < 0 || sufficient > relevant || (ns !== undefined && s !== undefined && stated.relevant !== undefined && s + ns !== relevant);
    if (impossible) figures.problem = `the stated counts for ${questionName(question)} do not add up`;
  }
  return figures;
}

function statedSources(inspection: Inspection, stated: StatedTally): SourceLink[] {
  const uri = inspection.file.uri;
  const entries: [string, Located<number> | undefined][] = [
    [stated.question.kind === 'review' ? 'due' : 'relevant', stated.relevant],
    ['done', stated.done],
    ['sufficient', stated.sufficient],
    ['not_sufficient', stated.notSufficient],
  ];
  return entries.flatMap(([name, v]) =>
    v ? [{ uri, range: v.range, role: 'stated' as const, label: `${statedLabel(stated.question)} ${name}: ${v.value}` }] : [],
  );
}

function statedLabel(question: Question): string {
  return `stated ${questionName(question)}`;
}

/**
 * Every case as inspectors name it (its `case:` id, else its file name), sorted by that name: computed once
 * per report, since every question lists its cases in this order.
 */
export function caseLabels(inspection: Inspection): Map<string, string> {
  const named = [...inspection.cases.keys()].map((uri): [string, string] => [uri, caseLabel(inspection, uri)]);
  return new Map(named.sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function caseLabel(inspection: Inspection, uri: string): string {
  const file = inspection.cases.get(uri);
  return file?.model.id?.value ?? decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1)).replace(/\.case\.sqs\.ya?ml$/i, '');
}
