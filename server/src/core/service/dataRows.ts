import type { Catalogue } from '../criteria/catalogue';
import type { Inspection } from '../index/inspectionIndex';
import type { Outcome } from '../index/relevance';
import type { StatedTally } from '../model/inspectionModel';
import { caseLabels } from '../report/figures';
import { questionCounts } from '../report/figuresTable';

// The data behind the report, for analysts: one table of judgements (a row per case and question) and one of
// tallies (a row per inspection and question), over one inspection or many. Rows are made as they are written
// (generators), so ten thousand case files never sit in memory as rows. docs/data.md says what each column means;
// a test holds that page to the columns below.

/** A cell: text, a whole number, or a share (0 to 1); undefined is an empty cell. */
export type DataValue = string | number | undefined;

export interface DataColumn {
  /** The column's name in every format: a CSV header, a JSON key, an XLSX heading. */
  key: string;
  /** `count`: a whole number; `share`: 0 to 1, written as a percentage (CSV and JSON: 0 to 100, one decimal). */
  kind: 'text' | 'count' | 'share' | 'date';
}

export type DataRow = Record<string, DataValue>;

export interface DataTable {
  id: 'cases' | 'tallies';
  /** A sheet's name. */
  name: string;
  columns: DataColumn[];
  rows: Iterable<DataRow>;
}

export const dataLevelIds = ['cases', 'tallies'] as const;
export type DataLevel = (typeof dataLevelIds)[number];

export interface DataOptions {
  /** The inspectors' notes and quotes (judgements' and cases'), which can identify a child: left out unless asked for. */
  includeNotes?: boolean;
  /** The error findings of an inspection (after `# sqs-ignore`): a tally row says how many, so analysts can leave it out. */
  errors: (inspection: Inspection) => number;
}

const text = (key: string): DataColumn => ({ key, kind: 'text' });
const count = (key: string): DataColumn => ({ key, kind: 'count' });

/** The columns every row starts with: which inspection. */
const inspectionColumns: DataColumn[] = [text('inspection'), { key: 'fieldwork_start', kind: 'date' }, text('criteria')];

/** The case facts of the catalogues, in the order first met. */
function factIds(catalogues: readonly Catalogue[]): string[] {
  const ids: string[] = [];
  for (const c of new Set(catalogues)) for (const f of c.facts.keys()) if (!ids.includes(f)) ids.push(f);
  return ids;
}

export function caseColumns(inspections: readonly Inspection[], options: Pick<DataOptions, 'includeNotes'> = {}): DataColumn[] {
  return caseColumnsOf(
    inspections.map((i) => i.catalogue),
    options,
  );
}

/** The columns of the judgements of inspections on these catalogues (the case facts of each). */
function caseColumnsOf(catalogues: readonly Catalogue[], options: Pick<DataOptions, 'includeNotes'>): DataColumn[] {
  return [
    ...inspectionColumns,
    text('case'),
    text('sentence'),
    ...factIds(catalogues).map(text),
    text('criterion'),
    text('question'),
    text('judgement'),
    text('outcome'),
    text('reasons'),
    text('inspector'),
    ...(options.includeNotes ? [text('notes'), text('quote'), text('case_notes')] : []),
  ];
}

export const tallyColumns: DataColumn[] = [
  ...inspectionColumns,
  text('figures_from'),
  count('errors'),
  text('criterion'),
  text('question'),
  text('review'),
  count('relevant'),
  count('done'),
  count('sufficient'),
  count('not_sufficient'),
  { key: 'percent_sufficient', kind: 'share' },
  count('unjudged'),
  text('reasons'),
  count('stated_relevant'),
  count('stated_done'),
  count('stated_sufficient'),
  count('stated_not_sufficient'),
  text('stated_agrees'),
];

const judgementWords: Record<string, string> = { sufficient: 'sufficient', 'not-sufficient': 'not sufficient', 'not-applicable': 'not applicable' };

const outcomes: Record<Outcome, string> = {
  sufficient: 'sufficient',
  'not-sufficient': 'not sufficient',
  unjudged: 'not judged yet',
  'not-relevant': 'not relevant',
  'marked-not-applicable': 'marked not applicable where it applies',
  'judged-not-relevant': 'judged where it does not apply',
};

function inspectionCells(inspection: Inspection): DataRow {
  const m = inspection.file.model;
  return { inspection: m.area?.value, fieldwork_start: m.fieldworkStart?.value, criteria: inspection.catalogue.id };
}

/**
 * A row per case and question the case answers or should: every question it judged, and every one that applies and
 * is still to judge. Cases in catalogue order of questions, named and ordered as the report names them.
 */
export function* caseRows(inspections: Iterable<Inspection>, options: Pick<DataOptions, 'includeNotes'> = {}): Generator<DataRow> {
  for (const inspection of inspections) {
    const head = inspectionCells(inspection);
    const catalogue: Catalogue = inspection.catalogue;
    for (const [uri, label] of caseLabels(inspection)) {
      const file = inspection.cases.get(uri);
      const contributions = inspection.tallies.contributionsOf(uri);
      if (!file || !contributions) continue;
      const model = file.model;
      const facts: DataRow = {};
      for (const id of catalogue.facts.keys()) {
        const f = model.facts.get(id);
        facts[id] = f === undefined ? undefined : f.value ? 'yes' : 'no';
      }
      const caseCells: DataRow = { ...head, case: label, sentence: model.sentence?.value.id, ...facts };
      for (const q of catalogue.questions.values()) {
        const c = contributions.get(q.id);
        if (!c) continue;
        const j = c.judgement;
        yield {
          ...caseCells,
          criterion: q.criterion.id,
          question: q.key,
          judgement: j ? judgementWords[j.value] : undefined,
          outcome: outcomes[c.outcome],
          reasons: j && j.reasons.length > 0 ? j.reasons.map((r) => r.value).join('; ') : undefined,
          inspector: model.inspector?.value,
          ...(options.includeNotes && { notes: j?.notes?.value, quote: j?.quote?.value, case_notes: model.notes?.value }),
        };
      }
    }
  }
}

/** A row per inspection and question: the figures the report words, and the stated ones beside them. */
export function* tallyRows(inspections: Iterable<Inspection>, options: DataOptions): Generator<DataRow> {
  for (const inspection of inspections) {
    const head = { ...inspectionCells(inspection), figures_from: inspection.cases.size > 0 ? 'cases' : 'stated', errors: options.errors(inspection) };
    for (const q of inspection.catalogue.questions.values()) {
      const counts = questionCounts(inspection, q);
      const stated = inspection.file.model.stated.get(q.id);
      yield {
        ...head,
        criterion: q.criterion.id,
        question: q.key,
        review: q.kind === 'review' ? 'yes' : 'no',
        relevant: counts.relevant,
        done: counts.done,
        sufficient: counts.sufficient,
        not_sufficient: counts.notSufficient,
        percent_sufficient: counts.share,
        unjudged: counts.unjudged,
        reasons: counts.reasons.map((r) => `${r.code}: ${r.count}`).join('; ') || undefined,
        stated_relevant: stated?.relevant?.value,
        stated_done: stated?.done?.value,
        stated_sufficient: stated?.sufficient?.value,
        stated_not_sufficient: stated?.notSufficient?.value,
        stated_agrees: counts.from === 'cases' && stated ? (agrees(stated, counts) ? 'yes' : 'no') : undefined,
      };
    }
  }
}

/** Whether every count stated for a question is the case files' (reasons included). */
function agrees(stated: StatedTally, counts: ReturnType<typeof questionCounts>): boolean {
  const pairs: [number | undefined, number | undefined][] = [
    [stated.relevant?.value, counts.relevant],
    [stated.done?.value, counts.done],
    [stated.sufficient?.value, counts.sufficient],
    [stated.notSufficient?.value, counts.notSufficient],
    ...[...stated.reasons].map(([code, v]): [number, number] => [v.value, counts.reasons.find((r) => r.code === code)?.count ?? 0]),
  ];
  return pairs.every(([s, c]) => s === undefined || s === c);
}

/** The tables of the levels asked for, in that order. */
export function dataTables(inspections: readonly Inspection[], levels: readonly DataLevel[], options: DataOptions): DataTable[] {
  return dataTablesInOnePass(
    inspections,
    inspections.map((i) => i.catalogue),
    levels,
    options,
  );
}

/**
 * The tables of the levels asked for, made in one pass over the inspections, which may be made as they are pulled:
 * the CLI reads an inspection's files when it is pulled and lets them go when the next is, so a workspace of every
 * inspection of a year is never in memory at once. Every row of an inspection is made before the next is pulled:
 * with both levels, an inspection's tally rows are kept (a few dozen) as its case rows are written, and the tallies
 * table is read after the cases table, as every writer reads the tables, in order. `catalogues` are those the
 * inspections use: the cases table's columns (the case facts of each) are known before its first row.
 */
export function dataTablesInOnePass(
  inspections: Iterable<Inspection>,
  catalogues: readonly Catalogue[],
  levels: readonly DataLevel[],
  options: DataOptions,
): DataTable[] {
  const cases = (rows: Iterable<DataRow>): DataTable => ({ id: 'cases', name: 'Cases', columns: caseColumnsOf(catalogues, options), rows });
  const tallies = (rows: Iterable<DataRow>): DataTable => ({ id: 'tallies', name: 'Tallies', columns: tallyColumns, rows });
  if (levels.length === 1) return [levels[0] === 'cases' ? cases(caseRows(inspections, options)) : tallies(tallyRows(inspections, options))];
  if (levels.join() !== 'cases,tallies') throw new Error(`one pass makes the cases table, then the tallies: not ${levels.join(', ')}`);
  const kept: DataRow[] = [];
  let casesMade = false;
  const caseRowsKeepingTallies = function* () {
    for (const inspection of inspections) {
      yield* caseRows([inspection], options);
      kept.push(...tallyRows([inspection], options));
    }
    casesMade = true;
  };
  const tallyRowsKept = {
    *[Symbol.iterator]() {
      if (!casesMade) throw new Error('the tallies of a one-pass export are read once its cases are');
      yield* kept;
    },
  };
  return [cases(caseRowsKeepingTallies()), tallies(tallyRowsKept)];
}
