import { questionName } from '../criteria/names';
import { PhrasebookRegistry } from '../commentary/phrasebookRegistry';
import type { Catalogue, Criterion, Question } from '../criteria/catalogue';
import { describeRelevance } from '../criteria/describe';
import type { Inspection, InspectionIndex } from '../index/inspectionIndex';
import { contribution } from '../index/relevance';
import { talliedCount, type StatedField } from '../index/statedFields';
import type { QuestionTally } from '../index/tally';
import type { CaseModel } from '../model/caseModel';
import { Reader } from '../model/reader';
import { keysAt, shapesAt, wordsAt } from '../model/schemaPaths';
import { schemasFor, type SqsFile } from '../model/sqsFile';
import { judgementWords } from '../model/values';
import type { Range } from '../types';
import { cursorContext, type CursorContext } from '../yaml/cursor';
import type { Path } from '../yaml/source';
import { nextCaseId, scaffoldCase, scaffoldInspection } from './scaffold';
import { escapeMarkdown } from './text';

// Completion from the catalogue and the live tallies: criterion ids with their wording, judgement words,
// the reasons a criterion lists, stated counts prefilled with what the case files tally, keys the
// format allows. Snippets use TextMate syntax (tab stops, choices), which LSP clients understand.

export type CompletionKind = 'criterion' | 'question' | 'key' | 'value' | 'judgement' | 'reason' | 'fact' | 'sentence' | 'case' | 'count';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** One line, shown beside the label. */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  insertText: string;
  snippet: boolean;
  /** What the typed prefix is matched against (the label by default). */
  filterText?: string;
  sortText?: string;
  preselect?: boolean;
}

export interface Completions {
  /** The text the chosen entry replaces: what is typed of the word at the cursor. */
  range: Range;
  items: CompletionEntry[];
}

interface Ctx {
  index: InspectionIndex;
  file: SqsFile;
  inspection: Inspection | undefined;
  cursor: CursorContext;
  reader: Reader;
  catalogue: Catalogue;
  /** Indentation of a line nested one level below the cursor's key. */
  pad: string;
}

const indentUnit = '  ';

export function completionsAt(index: InspectionIndex, uri: string, offset: number): Completions | undefined {
  const file = index.get(uri);
  if (!file) return undefined;
  const cursor = cursorContext(file.parsed.text, offset);
  if (!cursor) return undefined;
  const ctx: Ctx = {
    index,
    file,
    inspection: index.inspectionOf(uri),
    cursor,
    reader: new Reader(file.parsed.data, file.parsed.source),
    catalogue: file.catalogue,
    pad: ' '.repeat(cursor.column) + indentUnit,
  };
  const items = file.kind === 'case' ? caseCompletions(ctx) : inspectionCompletions(ctx);
  if (items.length === 0) return undefined;
  return { range: file.parsed.source.range(cursor.replace), items: items.map((item, i) => ({ sortText: String(i).padStart(4, '0'), ...item })) };
}

// ------------------------------------------------------------------------------------------- case files

function caseCompletions(ctx: Ctx): CompletionEntry[] {
  const { cursor, catalogue } = ctx;
  const [head, criterionId, second] = cursor.path;
  const model = ctx.file.kind === 'case' ? ctx.file.model : undefined;
  if (!model) return [];

  if (cursor.kind === 'key') {
    if (cursor.path.length === 0) return [...skeleton(ctx), ...rootKeys(ctx)];
    if (head === 'judgements' && cursor.path.length === 1) return criterionEntries(ctx, (c) => judgementBlock(c, model, ctx));
    const criterion = head === 'judgements' && typeof criterionId === 'string' ? catalogue.criterion(criterionId) : undefined;
    if (!criterion) return [];
    const single = criterion.questions.length === 1 ? criterion.questions[0] : undefined;
    if (cursor.path.length === 2 && !single) {
      return absent(
        ctx,
        criterion.questions.map((q) => q.key),
      ).map((key) => {
        const q = criterion.questions.find((x) => x.key === key)!;
        return {
          label: key,
          kind: 'question',
          detail: q.wording,
          documentation: questionDoc(q, ctx.catalogue, model),
          insertText: `${key}: ${judgementChoice(q, model)}`,
          snippet: true,
        };
      });
    }
    const question = single ?? criterion.questions.find((q) => q.key === second);
    if (question && cursor.path.length === (single ? 2 : 3)) return entryKeys(ctx, question);
    return [];
  }

  const question = judgementQuestion(ctx, cursor.path);
  if (cursor.kind === 'item' || (cursor.kind === 'value' && cursor.path[cursor.path.length - 1] === 'reasons')) {
    const reasonsOf = question ?? judgementQuestion(ctx, cursor.path.slice(0, -1));
    if (reasonsOf && cursor.path[cursor.path.length - 1] === 'reasons') return reasonCodes(ctx, reasonsOf, cursor.kind === 'value' && !cursor.flow);
    return [];
  }
  if (question) return judgementValues(question, model);
  if (cursor.path.length === 1 && typeof head === 'string') {
    if (head === 'sentence') {
      return catalogue.sentences.map((s) => ({
        label: s.label,
        kind: 'sentence',
        detail: s.custodial ? 'custodial' : 'community',
        insertText: s.label,
        snippet: false,
        filterText: [s.label, ...(s.aliases ?? [])].join(' '),
      }));
    }
    if (head === 'criteria') return catalogueIds(ctx);
    if (head === 'case') {
      const next = nextCaseId(ctx.inspection);
      return [{ label: next, kind: 'case', detail: 'the next free case id in this inspection', insertText: next, snippet: false }];
    }
    const fact = catalogue.facts.get(head);
    if (fact) return yesNo(fact.label);
  }
  return genericValues(ctx);
}

/** The question a judgement value at `path` answers: `judgements.<id>`, `judgements.<id>.<key>`, or `….judgement`. */
function judgementQuestion(ctx: Ctx, path: Path): Question | undefined {
  if (path[0] !== 'judgements' || typeof path[1] !== 'string') return undefined;
  const criterion = ctx.catalogue.criterion(path[1]);
  if (!criterion) return undefined;
  const single = criterion.questions.length === 1 ? criterion.questions[0] : undefined;
  const rest = single ? path.slice(2) : path.slice(3);
  const question = single ?? criterion.questions.find((q) => q.key === path[2]);
  if (!question) return undefined;
  if (rest.length === 0 || (rest.length === 1 && rest[0] === 'judgement')) return question;
  return undefined;
}

function judgementValues(q: Question, model: CaseModel): CompletionEntry[] {
  const applies = contribution(q, model).outcome !== 'not-relevant';
  return judgementWords.map((word) => ({
    label: word,
    kind: 'judgement',
    detail: questionName(q),
    documentation: escapeMarkdown(q.wording),
    insertText: word,
    snippet: false,
    // Where the case facts say the question does not apply, "not applicable" comes first.
    preselect: applies ? word === 'sufficient' : word === 'not applicable',
  }));
}

function judgementChoice(q: Question, model: CaseModel): string {
  const applies = contribution(q, model).outcome !== 'not-relevant';
  const words = applies ? [...judgementWords] : ['not applicable', ...judgementWords.filter((w) => w !== 'not applicable')];
  return `\${1|${words.join(',')}|}`;
}

function entryKeys(ctx: Ctx, q: Question): CompletionEntry[] {
  const model = ctx.file.kind === 'case' ? ctx.file.model : undefined;
  const codes = q.reasons?.codes.map((r) => r.code) ?? [];
  const snippets: Record<string, { insert: string; doc: string }> = {
    judgement: {
      insert: `judgement: ${model ? judgementChoice(q, model) : `\${1|${judgementWords.join(',')}|}`}`,
      doc: 'sufficient, not sufficient or not applicable',
    },
    reasons: {
      insert: codes.length ? `reasons: [\${1|${codes.join(',')}|}]` : 'reasons: [$1]',
      doc: codes.length ? `Why it fell short: ${codes.join(', ')}` : 'This criterion lists no reasons.',
    },
    notes: { insert: 'notes: $0', doc: "The inspector's own notes; not in the report." },
    quote: { insert: 'quote: "$0"', doc: 'A comment the report may quote ("An inspector commented …").' },
  };
  return absent(ctx, ['judgement', 'reasons', 'notes', 'quote'])
    .filter((k) => k !== 'reasons' || codes.length > 0)
    .map((k) => ({ label: k, kind: 'key', detail: snippets[k]!.doc, insertText: snippets[k]!.insert, snippet: true }));
}

function reasonCodes(ctx: Ctx, q: Question, wrapInList: boolean): CompletionEntry[] {
  const given = new Set(ctx.file.kind === 'case' ? (ctx.file.model.judgements.get(q.id)?.reasons.map((r) => r.value) ?? []) : []);
  return (q.reasons?.codes ?? [])
    .filter((r) => !given.has(r.code))
    .map((r) => ({
      label: r.code,
      kind: 'reason',
      detail: r.label,
      documentation: `${escapeMarkdown(r.label)}${r.notDone ? ' (no review took place: not counted as done)' : ''}`,
      insertText: wrapInList ? `[${r.code}]` : r.code,
      snippet: false,
      filterText: r.code,
    }));
}

/** A whole judgement for a criterion: one line, or one line per question (those the case facts rule out omitted). */
function judgementBlock(c: Criterion, model: CaseModel, ctx: Ctx): string {
  const key = criterionKey(c.id);
  const single = c.questions.length === 1 ? c.questions[0] : undefined;
  if (single) return `${key}: ${judgementChoice(single, model)}`;
  const wanted = c.questions.filter((q) => contribution(q, model).outcome !== 'not-relevant');
  const questions = wanted.length > 0 ? wanted : c.questions;
  const choice = (q: Question, i: number) => judgementChoice(q, model).replace('${1|', `\${${i + 1}|`);
  if (ctx.cursor.flow) return `${key}: { ${questions.map((q, i) => `${q.key}: ${choice(q, i)}`).join(', ')} }`;
  return `${key}:${questions.map((q, i) => `\n${ctx.pad}${q.key}: ${choice(q, i)}`).join('')}`;
}

function questionDoc(q: Question, catalogue: Catalogue, model?: CaseModel): string {
  const lines = [`${escapeMarkdown(q.wording)}.`, `Applies to ${escapeMarkdown(describeRelevance(q, catalogue))}.`];
  if (model) {
    const outcome = contribution(q, model).outcome;
    lines.push(
      outcome === 'not-relevant' ? 'The case facts say it does not apply to this case.' : outcome === 'unjudged' ? 'Not yet judged in this case.' : '',
    );
  }
  return lines.filter(Boolean).join('  \n');
}

// ------------------------------------------------------------------------------------ inspection files

function inspectionCompletions(ctx: Ctx): CompletionEntry[] {
  const { cursor, catalogue } = ctx;
  const [head, criterionId, second] = cursor.path;
  if (cursor.kind === 'key') {
    if (cursor.path.length === 0) return [...skeleton(ctx), ...rootKeys(ctx)];
    if (head === 'tallies' && cursor.path.length === 1) return criterionEntries(ctx, (c) => talliesBlock(c, ctx));
    if (head === 'commentary' && cursor.path.length === 1) {
      return criterionEntries(ctx, (c) => (ctx.cursor.flow ? `${criterionKey(c.id)}: "$0"` : `${criterionKey(c.id)}:\n${ctx.pad}style: \${1|exact,banded|}`));
    }
    const criterion = head === 'tallies' && typeof criterionId === 'string' ? catalogue.criterion(criterionId) : undefined;
    if (!criterion) return genericKeys(ctx);
    const single = criterion.questions.length === 1 ? criterion.questions[0] : undefined;
    if (!single && cursor.path.length === 2) {
      return absent(
        ctx,
        criterion.questions.map((q) => q.key),
      ).map((key) => {
        const q = criterion.questions.find((x) => x.key === key)!;
        return {
          label: key,
          kind: 'question',
          detail: q.wording,
          documentation: questionDoc(q, catalogue),
          insertText: `${key}:${countLines(q, ctx, ctx.pad)}`,
          snippet: true,
        };
      });
    }
    const question = single ?? criterion.questions.find((q) => q.key === second);
    if (!question) return [];
    const depth = single ? 2 : 3;
    if (cursor.path.length === depth) return countKeys(ctx, question);
    if (cursor.path.length === depth + 1 && cursor.path[depth] === 'reasons') {
      const tally = ctx.inspection?.tallies.get(question.id);
      return absent(ctx, question.reasons?.codes.map((r) => r.code) ?? []).map((code) => {
        const n = tally ? talliedCount(tally, 'reason', code) : undefined;
        return {
          label: code,
          kind: 'reason',
          detail: question.reasons!.codes.find((r) => r.code === code)!.label,
          insertText: `${code}: ${n ?? '$0'}`,
          snippet: n === undefined,
        };
      });
    }
    return [];
  }
  const counted = statedAt(ctx, cursor.path);
  if (counted) {
    const tally = ctx.inspection?.tallies.get(counted.question.id);
    if (!tally || !ctx.inspection?.cases.size) return [];
    const n = talliedCount(tally, counted.field, counted.reason);
    return [
      {
        label: String(n),
        kind: 'count',
        detail: `tallied from ${ctx.inspection.cases.size} case files`,
        insertText: String(n),
        snippet: false,
        preselect: true,
      },
    ];
  }
  if (cursor.kind === 'value' && cursor.path.length === 1) {
    if (head === 'criteria') return catalogueIds(ctx);
    if (head === 'phrasebook') {
      return PhrasebookRegistry.builtIn()
        .all()
        .map((p) => ({ label: p.id, kind: 'value', detail: p.title, insertText: p.id, snippet: false }));
    }
    if (head === 'sample' && ctx.inspection?.cases.size) {
      const n = String(ctx.inspection.cases.size);
      return [{ label: n, kind: 'count', detail: 'case files in this inspection', insertText: n, snippet: false, preselect: true }];
    }
  }
  return genericValues(ctx);
}

/** The stated count a value at `path` is: `tallies.<id>[.<key>].<field>` or `….reasons.<code>`. */
function statedAt(ctx: Ctx, path: Path): { question: Question; field: StatedField | 'reason'; reason?: string } | undefined {
  if (ctx.cursor.kind !== 'value' || path[0] !== 'tallies' || typeof path[1] !== 'string') return undefined;
  const criterion = ctx.catalogue.criterion(path[1]);
  if (!criterion) return undefined;
  const single = criterion.questions.length === 1 ? criterion.questions[0] : undefined;
  const question = single ?? criterion.questions.find((q) => q.key === path[2]);
  if (!question) return undefined;
  const rest = path.slice(single ? 2 : 3);
  if (rest.length === 1 && isField(rest[0])) return { question, field: rest[0] };
  if (rest.length === 2 && rest[0] === 'reasons' && typeof rest[1] === 'string') return { question, field: 'reason', reason: rest[1] };
  return undefined;
}

function isField(v: unknown): v is StatedField {
  return v === 'relevant' || v === 'due' || v === 'done' || v === 'sufficient' || v === 'not_sufficient';
}

function countFields(q: Question): StatedField[] {
  return q.kind === 'review' ? ['due', 'done', 'sufficient', 'not_sufficient'] : ['relevant', 'sufficient', 'not_sufficient'];
}

/** Stated counts for a question, prefilled with the tally (placeholders when there are no case files). */
function countLines(q: Question, ctx: Ctx, pad: string): string {
  const tally = ctx.inspection?.cases.size ? ctx.inspection.tallies.get(q.id) : undefined;
  let stop = 0;
  const value = (n: number | undefined) => (n === undefined ? `\${${++stop}:0}` : String(n));
  const lines = countFields(q).map((f) => `\n${pad}${f}: ${value(tally && talliedCount(tally, f))}`);
  if (tally && tally.reasons.size > 0) {
    lines.push(`\n${pad}reasons:`);
    for (const [code, n] of tally.reasons) lines.push(`\n${pad}${indentUnit}${code}: ${n}`);
  }
  return lines.join('');
}

function talliesBlock(c: Criterion, ctx: Ctx): string {
  const key = criterionKey(c.id);
  const single = c.questions.length === 1 ? c.questions[0] : undefined;
  if (ctx.cursor.flow) return `${key}: {}`;
  if (single) return `${key}:${countLines(single, ctx, ctx.pad)}`;
  return `${key}:${c.questions.map((q) => `\n${ctx.pad}${q.key}:${countLines(q, ctx, ctx.pad + indentUnit)}`).join('')}`;
}

function countKeys(ctx: Ctx, q: Question): CompletionEntry[] {
  const tally: QuestionTally | undefined = ctx.inspection?.cases.size ? ctx.inspection.tallies.get(q.id) : undefined;
  const fields = absent(ctx, [...countFields(q), ...(q.reasons ? ['reasons'] : [])]);
  return fields.map((f) => {
    if (f === 'reasons') {
      const lines = tally ? [...tally.reasons].map(([code, n]) => `\n${ctx.pad}${code}: ${n}`).join('') : '';
      return {
        label: 'reasons',
        kind: 'key',
        detail: 'not-sufficient cases per reason',
        insertText: lines ? `reasons:${lines}` : `reasons:\n${ctx.pad}$0`,
        snippet: !lines,
      };
    }
    const n = tally ? talliedCount(tally, f as StatedField) : undefined;
    return {
      label: f,
      kind: 'count',
      detail: n === undefined ? countDoc[f as StatedField] : `${countDoc[f as StatedField]} — tallied ${n}`,
      insertText: `${f}: ${n ?? '$0'}`,
      snippet: n === undefined,
    };
  });
}

const countDoc: Record<StatedField, string> = {
  relevant: 'cases the criterion applies to, judged',
  due: 'cases where a review was due',
  done: 'reviews that took place',
  sufficient: 'cases judged sufficient',
  not_sufficient: 'cases judged not sufficient',
};

// ------------------------------------------------------------------------------------------------ shared

/** Criterion ids as keys: every criterion not yet in the mapping, in catalogue order, with its wording. */
function criterionEntries(ctx: Ctx, insert: (c: Criterion) => string): CompletionEntry[] {
  const model = ctx.file.kind === 'case' ? ctx.file.model : undefined;
  const present = new Set(ctx.reader.keys(ctx.cursor.path));
  const typedQuote = /^["']/.exec(ctx.cursor.prefix)?.[0];
  const candidates: { entry: CompletionEntry; later: boolean }[] = [];
  for (const c of ctx.catalogue.criteria.values()) {
    if (present.has(c.id)) continue;
    // In a case file, criteria the case facts rule out entirely go last.
    const later = model !== undefined && c.questions.every((q) => contribution(q, model).outcome === 'not-relevant');
    candidates.push({
      later,
      entry: {
        label: c.id,
        kind: 'criterion',
        detail: `${c.title}${later ? ' (does not apply to this case)' : ''}`,
        documentation: [
          `**${escapeMarkdown(c.id)} ${escapeMarkdown(c.title)}** — *${escapeMarkdown(c.theme.title)}*`,
          ...c.questions.map((q) => `${c.questions.length > 1 ? `**${q.key}**: ` : ''}${questionDoc(q, ctx.catalogue, model)}`),
        ].join('\n\n'),
        insertText: insert(c),
        snippet: true,
        filterText: typedQuote ? `${typedQuote}${c.id}${typedQuote} ${c.title}` : `${c.id} ${c.title}`,
      },
    });
  }
  const first = candidates.filter((c) => !c.later);
  const last = candidates.filter((c) => c.later);
  return [...first, ...last].map((c) => c.entry);
}

/** Criterion ids are quoted: YAML reads an unquoted 1.10 as the number 1.1. */
function criterionKey(id: string): string {
  return /^\d/.test(id) ? `"${id}"` : id;
}

/**
 * A whole file to tab through, offered in an empty file only: the snippets VS Code would offer from a static list
 * (a case file, a judgement, reasons, notes) came anywhere in a file, where most made no sense; here each is offered
 * where it belongs (the keys of a judgement under it, criteria under `judgements:`).
 */
function skeleton(ctx: Ctx): CompletionEntry[] {
  const data = ctx.file.parsed.data;
  if (data !== null && !(typeof data === 'object' && Object.keys(data).length === 0)) return [];
  const folder = ctx.file.uri.slice(0, ctx.file.uri.lastIndexOf('/'));
  const scaffold = ctx.file.kind === 'case' ? scaffoldCase(ctx.index, folder) : scaffoldInspection(ctx.catalogue);
  if (scaffold.problem) return [];
  const what = ctx.file.kind === 'case' ? 'case file' : 'inspection file';
  return [
    {
      label: what,
      kind: 'key',
      detail: ctx.file.kind === 'case' ? `a whole case file: ${scaffold.caseId}, its sentence, facts and judgements` : 'a whole inspection file',
      insertText: scaffold.snippet,
      snippet: true,
      filterText: `${ctx.file.kind} ${what}`,
      preselect: true,
    },
  ];
}

function rootKeys(ctx: Ctx): CompletionEntry[] {
  const schema = schemaOf(ctx.file);
  return absent(ctx, keysAt(schema, [])).map((key) => {
    const fact = ctx.catalogue.facts.get(key);
    if (fact) return { label: key, kind: 'fact', detail: fact.label, insertText: `${key}: \${1|yes,no|}`, snippet: true };
    if (ctx.file.kind === 'case' && key === 'sentence') {
      return {
        label: key,
        kind: 'key',
        detail: 'the sentence type',
        insertText: `sentence: \${1|${ctx.catalogue.sentences.map((s) => s.label.replace(/[,|$}\\]/g, (c) => `\\${c}`)).join(',')}|}`,
        snippet: true,
      };
    }
    return keyEntry(ctx, key, [key]);
  });
}

function genericKeys(ctx: Ctx): CompletionEntry[] {
  const schema = schemaOf(ctx.file);
  return absent(ctx, keysAt(schema, ctx.cursor.path)).map((key) => keyEntry(ctx, key, [...ctx.cursor.path, key]));
}

/** A key shaped by what its value is: a nested mapping or list opens a block, a word offers its choices. */
function keyEntry(ctx: Ctx, key: string, path: Path): CompletionEntry {
  const schema = schemaOf(ctx.file);
  const shapes = shapesAt(schema, path);
  const words = wordsAt(schema, path);
  let insertText = `${key}: $0`;
  if (ctx.cursor.flow) insertText = `${key}: $0`;
  else if (shapes.size === 1 && shapes.has('mapping')) insertText = `${key}:\n${ctx.pad}$0`;
  else if (shapes.size === 1 && shapes.has('list')) insertText = `${key}:\n${ctx.pad}- $0`;
  else if (words.length > 0) insertText = `${key}: \${1|${words.join(',')}|}`;
  return { label: key, kind: 'key', insertText, snippet: true };
}

function genericValues(ctx: Ctx): CompletionEntry[] {
  if (ctx.cursor.kind !== 'value') return [];
  return wordsAt(schemaOf(ctx.file), ctx.cursor.path).map((w) => ({ label: w, kind: 'value', insertText: w, snippet: false }));
}

function catalogueIds(ctx: Ctx): CompletionEntry[] {
  return ctx.index.registry
    .all()
    .map((c) => ({ label: c.id, kind: 'value', detail: c.title, insertText: c.id, snippet: false, preselect: c === ctx.catalogue }));
}

function yesNo(label: string): CompletionEntry[] {
  return ['yes', 'no'].map((w) => ({ label: w, kind: 'value', detail: label, insertText: w, snippet: false }));
}

/** Keys not yet in the mapping at the cursor (the one being typed is still offered). */
function absent(ctx: Ctx, keys: readonly string[]): string[] {
  const present = new Set(ctx.reader.keys(ctx.cursor.path));
  return keys.filter((k) => !present.has(k));
}

function schemaOf(file: SqsFile) {
  const s = schemasFor(file.catalogue);
  return file.kind === 'case' ? s.case : s.inspection;
}
