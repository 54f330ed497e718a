import type { Question } from '../criteria/catalogue';
import { questionName } from '../criteria/names';
import type { Inspection } from '../index/inspectionIndex';
import { statedCounts, talliedCount, fieldName } from '../index/statedFields';
import type { QuestionTally } from '../index/tally';
import type { CaseFile } from '../model/sqsFile';
import { cellState, type CellState } from './cells';
import { caseLabelOf, caseOrder, inspectorOf } from './caseNames';

// The judgement grid: every judgement of every case side by side, one row per question and one column per case,
// as the inspectors' case-assessment spreadsheets lay it out; each row ends with its tally and, where the
// inspection file states figures, whether they agree.

export interface JudgementGrid {
  inspectionUri: string;
  revision: number;
  area?: string;
  rows: GridRow[];
  columns: GridColumn[];
}

export interface GridRow {
  /** The question's id ("1.1/report"). */
  question: string;
  /** As inspectors name it: "1.1 report", "1.2". */
  label: string;
  wording: string;
  criterionTitle: string;
  /** The reason codes of the question with their wording, for the cells' explanations. */
  reasons: Record<string, string>;
  tally: { relevant: number; sufficient: number; notSufficient: number; unjudged: number; review?: { due: number; done: number } };
  /** The figures the inspection file states for the question, each against its tally. */
  stated: { field: string; stated: number; tallied: number }[];
}

export interface GridColumn {
  uri: string;
  /** The case id, else the file's name. */
  label: string;
  sentence?: string;
  inspector?: string;
  /** False for a case on other criteria than its inspection's (SQS043): it counts in no tally, and the grid cannot edit it. */
  counted: boolean;
  /** One state per row, in the rows' order. */
  cells: CellState[];
  /** The reasons given, by row index, where a cell has any. */
  reasons: Record<number, string[]>;
}

/**
 * A case's column, kept while nothing it is made from changes: the case file (a new object when its text or its
 * criteria change), its contribution to the tallies (a new map when it changes: TallyBook) and the criteria. So a
 * grid asked for after an edit makes one column again, not a thousand, and a column that is the same object as
 * before is the same column (the server sends only the others).
 */
const columnCache = new WeakMap<CaseFile, { contributions: unknown; catalogue: unknown; column: GridColumn }>();

export function judgementGrid(inspection: Inspection): JudgementGrid {
  const questions = [...inspection.catalogue.questions.values()];
  const rows = questions.map((q) => gridRow(inspection, q));
  const files = [...inspection.cases.values()].sort(caseOrder);
  const columns = files.map((file) => cachedColumn(inspection, questions, file));
  const area = inspection.file.model.area?.value;
  return { inspectionUri: inspection.file.uri, revision: inspection.revision, ...(area !== undefined && { area }), rows, columns };
}

function gridRow(inspection: Inspection, q: Question): GridRow {
  const t: QuestionTally = inspection.tallies.get(q.id)!;
  const stated = inspection.file.model.stated.get(q.id);
  return {
    question: q.id,
    label: questionName(q),
    wording: q.wording,
    criterionTitle: q.criterion.title,
    reasons: Object.fromEntries((q.reasons?.codes ?? []).map((r) => [r.code, r.label])),
    tally: {
      relevant: t.relevant,
      sufficient: t.sufficient,
      notSufficient: t.notSufficient,
      unjudged: t.unjudged,
      ...(q.kind === 'review' && { review: { due: t.relevant, done: t.done } }),
    },
    stated: stated
      ? statedCounts(stated).map((c) => ({ field: fieldName(c.field, c.reason), stated: c.value.value, tallied: talliedCount(t, c.field, c.reason) }))
      : [],
  };
}

function cachedColumn(inspection: Inspection, questions: readonly Question[], file: CaseFile): GridColumn {
  const contributions = inspection.tallies.contributionsOf(file.uri);
  const kept = columnCache.get(file);
  if (kept && kept.contributions === contributions && kept.catalogue === inspection.catalogue) return kept.column;
  const column = gridColumn(inspection, questions, file);
  columnCache.set(file, { contributions, catalogue: inspection.catalogue, column });
  return column;
}

function gridColumn(inspection: Inspection, questions: readonly Question[], file: CaseFile): GridColumn {
  const contributions = inspection.tallies.contributionsOf(file.uri);
  const model = file.model;
  const cells: CellState[] = [];
  const reasons: Record<number, string[]> = {};
  for (const [i, q] of questions.entries()) {
    const c = contributions?.get(q.id);
    cells.push(contributions ? cellState(q, file, c) : 'not-counted');
    const judgement = model.judgements.get(q.id);
    if (judgement && judgement.reasons.length > 0) reasons[i] = judgement.reasons.map((r) => r.value);
  }
  const label = caseLabelOf(file);
  const inspector = inspectorOf(file);
  return {
    uri: file.uri,
    label,
    ...(model.sentence && { sentence: model.sentence.value.label }),
    ...(inspector !== undefined && { inspector }),
    counted: contributions !== undefined,
    cells,
    reasons,
  };
}

export type { CellState };
