import type { Question } from '../criteria/catalogue';
import { questionName } from '../criteria/names';
import type { Inspection } from '../index/inspectionIndex';
import type { ReportContext } from './context';
import type { ChartBlock, ComparedShare, FigureRow, FiguresBlock } from './document';
import { figuresFromCases, figuresFromStated } from './figures';

// The figures table and chart: the numbers the commentary words, one row per question, for the inspectors' copy and
// for readers who work in numbers. The same counts feed the comparison across inspections and the data exports, so
// "how many were relevant" is answered here once.

/** One question's numbers in one inspection: the case files' tallies, or the stated counts of a tallies-only inspection. */
export interface QuestionCounts {
  question: Question;
  from: 'cases' | 'stated';
  /** Relevant cases judged (reviews: due). */
  relevant?: number;
  /** Reviews only: the reviews that took place. */
  done?: number;
  sufficient?: number;
  notSufficient?: number;
  /** Sufficient out of relevant; undefined when there is nothing to divide by, or the stated counts do not add up. */
  share?: number;
  /** In catalogue order, those given at least once. */
  reasons: { code: string; count: number }[];
  unjudged: number;
}

export function questionCounts(inspection: Inspection, question: Question): QuestionCounts {
  const review = question.kind === 'review';
  const tally = inspection.tallies.get(question.id);
  if (inspection.cases.size > 0 && tally) {
    return {
      question,
      from: 'cases',
      relevant: tally.relevant,
      ...(review && { done: tally.done }),
      sufficient: tally.sufficient,
      notSufficient: tally.notSufficient,
      ...(tally.relevant > 0 && { share: tally.sufficient / tally.relevant }),
      reasons: (question.reasons?.codes ?? []).flatMap((r) => {
        const count = tally.reasons.get(r.code) ?? 0;
        return count > 0 ? [{ code: r.code, count }] : [];
      }),
      unjudged: tally.unjudged,
    };
  }
  const f = figuresFromStated(inspection, question);
  const stated = inspection.file.model.stated.get(question.id);
  const done = review ? stated?.done?.value : undefined;
  const sound = f.problem === undefined && f.relevant !== undefined && f.sufficient !== undefined;
  return {
    question,
    from: 'stated',
    ...(f.relevant !== undefined && { relevant: f.relevant }),
    ...(done !== undefined && { done }),
    ...(f.sufficient !== undefined && { sufficient: f.sufficient }),
    ...(sound ? { notSufficient: f.relevant! - f.sufficient! } : stated?.notSufficient && { notSufficient: stated.notSufficient.value }),
    ...(sound && f.relevant! > 0 && { share: f.sufficient! / f.relevant! }),
    reasons: f.reasons.map((r) => ({ code: r.code, count: r.count })),
    unjudged: 0,
  };
}

/** The other inspections' mean share per question (see the service's comparison), and how many inspections it drew on. */
export interface Comparison {
  /** Other inspections on the same criteria with no errors. */
  inspections: number;
  /** By question id: only questions at least one of them had a relevant case for. */
  byQuestion: ReadonlyMap<string, ComparedShare>;
}

/**
 * The unweighted mean of the others' share sufficient, per question: each inspection counts once, whatever its
 * sample, as the inspectorate compares services rather than pools their cases. Only inspections on the same
 * criteria as this one count, and for a question only those with at least one relevant case. The caller decides
 * which inspections are fit to compare (those with errors are not: their figures cannot be vouched for).
 */
export function compareShares(inspection: Inspection, others: readonly Inspection[]): Comparison {
  const peers = others.filter((o) => o !== inspection && o.folder !== inspection.folder && o.catalogue.id === inspection.catalogue.id);
  const byQuestion = new Map<string, ComparedShare>();
  for (const q of inspection.catalogue.questions.values()) {
    const shares = peers.flatMap((o) => {
      const share = questionCounts(o, o.catalogue.question(q.id) ?? q).share;
      return share === undefined ? [] : [share];
    });
    if (shares.length > 0) byQuestion.set(q.id, { mean: shares.reduce((a, b) => a + b, 0) / shares.length, inspections: shares.length });
  }
  return { inspections: peers.length, byQuestion };
}

/**
 * A share as a whole percentage. Only all is 100% and only none 0%: 199 out of 200 reads 99%, 1 out of 200 1%, so
 * a table never says "all" or "none" where the commentary does not.
 */
export function percent(share: number): string {
  let p = Math.round(share * 100);
  if (p === 100 && share < 1) p = 99;
  if (p === 0 && share > 0) p = 1;
  return `${p}%`;
}

/** "71% across 12 inspections": the comparison as the table and the hover say it. */
export function comparedText(c: ComparedShare): string {
  return `${percent(c.mean)} across ${c.inspections} inspection${c.inspections === 1 ? '' : 's'}`;
}

/** A reason code as a table prints it: "previous violence ignored". */
export function reasonWords(code: string): string {
  return code.replace(/-/g, ' ');
}

/** The table's columns: renderers print these headings and `figureCells`, so every format says the same. */
export function figureHeadings(block: FiguresBlock): string[] {
  return [
    'Question',
    'Relevant (reviews: due)',
    'Reviews done',
    'Sufficient',
    'Not sufficient',
    '% sufficient',
    'Reasons given',
    ...(block.compared ? ['Other inspections: mean % sufficient'] : []),
  ];
}

/** A row's cells as printed, in `figureHeadings` order; an empty cell where a figure does not apply or is not known. */
export function figureCells(block: FiguresBlock, row: FigureRow): string[] {
  const n = (v: number | undefined) => (v === undefined ? '' : String(v));
  return [
    row.label,
    n(row.relevant),
    row.review ? n(row.done) : '',
    n(row.sufficient),
    n(row.notSufficient),
    row.share === undefined ? '' : percent(row.share),
    row.reasons.map((r) => `${reasonWords(r.code)}: ${r.count}`).join('; '),
    ...(block.compared ? [row.compared ? comparedText(row.compared) : ''] : []),
  ];
}

/** The figures table and the chart drawn from it, for buildReport's figures section. */
export function figuresBlocks(ctx: ReportContext, comparison: Comparison | undefined): [FiguresBlock, ChartBlock] {
  const inspection = ctx.inspection;
  const data = ctx.catalogue.report.figures;
  const rows: FigureRow[] = [...ctx.catalogue.questions.values()].map((q) => {
    const counts = questionCounts(inspection, q);
    const tally = inspection.tallies.get(q.id);
    const made = counts.from === 'cases' && tally ? figuresFromCases(inspection, q, tally, ctx.caseLabels) : figuresFromStated(inspection, q);
    const compared = comparison?.byQuestion.get(q.id);
    return {
      questionId: q.id,
      criterionId: q.criterion.id,
      label: questionName(q),
      review: q.kind === 'review',
      ...(counts.relevant !== undefined && { relevant: counts.relevant }),
      ...(counts.done !== undefined && { done: counts.done }),
      ...(counts.sufficient !== undefined && { sufficient: counts.sufficient }),
      ...(counts.notSufficient !== undefined && { notSufficient: counts.notSufficient }),
      ...(counts.share !== undefined && { share: counts.share }),
      reasons: counts.reasons,
      unjudged: counts.unjudged,
      ...(compared && { compared }),
      sources: made.sources,
    };
  });
  const caption = (data && ctx.fill(data.caption)?.text) ?? 'Figures by question';
  const table: FiguresBlock = { kind: 'figures', id: 'figures-table', caption, rows, ...(comparison && { compared: { inspections: comparison.inspections } }) };
  const chart: ChartBlock = {
    kind: 'chart',
    id: 'figures-chart',
    title: (data && ctx.fill(data.chartTitle)?.text) ?? 'Share of cases judged sufficient, by question',
    describedBy: table.id,
    bars: rows.flatMap((r) =>
      r.share === undefined || r.relevant === undefined || r.sufficient === undefined
        ? []
        : [
            {
              questionId: r.questionId,
              label: r.label,
              sufficient: r.sufficient,
              relevant: r.relevant,
              share: r.share,
              ...(r.compared && { mean: r.compared.mean }),
            },
          ],
    ),
  };
  return [table, chart];
}
