import type { Catalogue, Question } from '../criteria/catalogue';
import type { InspectionIndex } from '../index/inspectionIndex';
import type { CaseModel } from '../model/caseModel';
import { Reader } from '../model/reader';
import { analyseCase, type CaseFile } from '../model/sqsFile';
import type { JudgementValue } from '../model/values';
import type { FixEdit } from '../types';
import { commentsOf } from '../yaml/comments';
import { parseYaml, type ParsedYaml } from '../yaml/parse';
import type { Path } from '../yaml/source';
import { judgementPath, ruledOut } from './cells';
import { lineStartOf } from '../text/lines';

// Setting one judgement from the judgement grid: the smallest text edits on the case file's current text that
// make the question read as asked, in the canonical spelling, everything else as it was. A plain judgement has its
// word replaced; a mapping-form one its `judgement:`; a missing one is inserted where it belongs (the catalogue's
// order, the file's indentation and flow or block style). Comments stay, also those on lines that go. The result
// is parsed again and must read as asked with nothing else changed, or no edit is offered: the grid then says
// why, and the inspector edits the file.

export type JudgementEditResult = { edits: FixEdit[] } | { problem: string };

const canonical: Record<JudgementValue, string> = {
  sufficient: 'sufficient',
  'not-sufficient': 'not sufficient',
  'not-applicable': 'not applicable',
};

/**
 * The edits that set (or with `value` null, clear) the judgement of `questionId` in the case file `uri` whose
 * current text is `text`. The inspection the index places the case in supplies the criteria, as for its checks.
 */
export function judgementEdit(index: InspectionIndex, uri: string, text: string, questionId: string, value: JudgementValue | null): JudgementEditResult {
  const inspection = index.inspectionOf(uri);
  const inherited = inspection?.catalogue ?? index.registry.latest;
  const parsed = parseYaml(text);
  if (parsed.data === undefined) return { problem: 'The case file is too large to be checked, so the grid does not edit it.' };
  const file = analyseCase(uri, parsed, index.registry, inherited);
  if (inspection && file.catalogue !== inspection.catalogue)
    return {
      problem: `This case is on other criteria (${file.catalogue.id}) than its inspection (${inspection.catalogue.id}), so it counts nowhere: edit its file.`,
    };
  const question = file.catalogue.questions.get(questionId);
  if (!question) return { problem: `${questionId} is not a question of the ${file.catalogue.id} criteria.` };
  const name = file.model.id?.value ?? 'this case';
  if (ruledOut(question, file.model)) return { problem: `${label(question)} does not apply to ${name}, by its facts: there is nothing to judge.` };
  const planned = plan(new Plan(parsed), question, value, criterionOrder(file.catalogue));
  if ('problem' in planned) return planned;
  if (planned.edits.length === 0) return planned;
  const after = analyseCase(uri, parseYaml(applyEdits(text, parsed, planned.edits)), index.registry, inherited);
  const wrong = difference(file, after, question, value);
  return wrong ? { problem: `The grid could not change ${label(question)} of ${name} safely (${wrong}): edit it in the case file.` } : planned;
}

function label(q: Question): string {
  return q.criterion.questions.length > 1 ? `${q.criterion.id} ${q.key}` : q.criterion.id;
}

// ------------------------------------------------------------------------------------------------ planning

/** Offsets are UTF-16 code units of the text; ranges are made only at the end. */
interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

class Plan {
  readonly text: string;
  readonly reader: Reader;
  readonly eol: string;
  readonly edits: OffsetEdit[] = [];

  constructor(readonly parsed: ParsedYaml) {
    this.text = parsed.text;
    this.reader = new Reader(parsed.data, parsed.source);
    this.eol = this.text.includes('\r\n') ? '\r\n' : '\n';
  }

  raw(path: Path): unknown {
    return this.reader.raw(path);
  }

  key(path: Path): readonly [number, number] | undefined {
    return this.parsed.source.spansOf(path)?.key;
  }

  value(path: Path): readonly [number, number] | undefined {
    return this.parsed.source.spansOf(path)?.value;
  }

  isFlow(path: Path): boolean {
    const v = this.value(path);
    return v !== undefined && this.text[v[0]] === '{';
  }

  lineStart(offset: number): number {
    return lineStartOf(this.text, offset);
  }

  /** The end of the line holding `offset`, before its line break. */
  lineEnd(offset: number): number {
    const nl = this.text.indexOf('\n', offset);
    const end = nl < 0 ? this.text.length : nl;
    return this.text[end - 1] === '\r' ? end - 1 : end;
  }

  /** The line break after the line holding `offset` included (the text's end for the last line). */
  nextLine(offset: number): number {
    const nl = this.text.indexOf('\n', offset);
    return nl < 0 ? this.text.length : nl + 1;
  }

  /** The key's column, when the entry starts its line (block style). */
  indent(path: Path): string | undefined {
    const k = this.key(path);
    if (!k) return undefined;
    const before = this.text.slice(this.lineStart(k[0]), k[0]);
    return /^[ \t]*$/.test(before) ? before : undefined;
  }

  /** The last offset of an entry's content: its value's end without the line break a block value ends with. */
  contentEnd(path: Path): number {
    const v = this.value(path);
    const k = this.key(path)!;
    let end = v ? v[1] : k[1];
    while (end > k[1] && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return end;
  }

  /** Just after the `:` that follows a key. */
  afterColon(path: Path): number | undefined {
    const k = this.key(path);
    if (!k) return undefined;
    const m = /^[ \t]*:/.exec(this.text.slice(k[1]));
    return m ? k[1] + m[0].length : undefined;
  }

  /** One indentation step of the file: how far `judgements:`'s entries sit inside it, else two spaces. */
  get unit(): string {
    for (const key of this.reader.keys(['judgements'])) {
      const inner = this.indent(['judgements', key]);
      const outer = this.indent(['judgements']);
      if (inner !== undefined && outer !== undefined && inner.length > outer.length) return inner.slice(outer.length);
    }
    return '  ';
  }

  replace(span: readonly [number, number], newText: string): void {
    this.edits.push({ start: span[0], end: span[1], newText });
  }

  insert(at: number, newText: string): void {
    this.edits.push({ start: at, end: at, newText });
  }

  /**
   * Removes the entry at `path`: its whole lines in block style, its text and one comma inside `{ … }`. A comment
   * on a line that goes stays, on a line of its own.
   */
  remove(path: Path): void {
    const k = this.key(path)!;
    const end = this.contentEnd(path);
    const indent = this.indent(path);
    if (indent !== undefined && /^[ \t]*(#.*)?$/.test(this.text.slice(end, this.lineEnd(end)))) {
      const from = this.lineStart(k[0]);
      const to = this.nextLine(end);
      const kept = commentsOf(this.text.slice(from, to)).map((c) => `${indent}${c.text.trimEnd()}${this.eol}`);
      this.replace([from, to], kept.join(''));
      return;
    }
    const after = /^\s*,[ \t]*/.exec(this.text.slice(end));
    if (after) return this.replace([k[0], end + after[0].length], '');
    const before = /,\s*$/.exec(this.text.slice(Math.max(0, k[0] - 200), k[0]));
    this.replace([before ? k[0] - before[0].length : k[0], end], '');
  }

  /**
   * Adds the entry `key: value` (the value may span lines, already indented for a key at `indent`) to the mapping at
   * `map`, after the existing key of the highest rank below `rank`, else before the lowest above it, else last.
   */
  insertInto(map: Path, key: string, render: (indent: string, flow: boolean) => string, rank: (key: string) => number | undefined): void {
    const keys = this.reader.keys(map);
    const mine = rank(key)!;
    const ranked = keys.map((k) => ({ k, r: rank(k) })).filter((x): x is { k: string; r: number } => x.r !== undefined);
    const before = ranked.filter((x) => x.r < mine).sort((a, b) => b.r - a.r)[0]?.k;
    const after = ranked.filter((x) => x.r > mine).sort((a, b) => a.r - b.r)[0]?.k;
    const flow = this.isFlow(map);
    if (keys.length === 0) {
      const v = this.value(map)!;
      // An empty flow mapping, `{}`.
      this.replace([v[0] + 1, v[1] - 1], ` ${render('', true)} `);
      return;
    }
    const sibling = before ?? after ?? keys[keys.length - 1]!;
    const path = [...map, sibling];
    const indent = this.indent(path);
    if (flow || indent === undefined) {
      const entry = render('', true);
      if (sibling === after && sibling !== before) this.insert(this.key(path)![0], `${entry}, `);
      else this.insert(this.contentEnd(path), `, ${entry}`);
      return;
    }
    const entry = `${indent}${render(indent, false)}`;
    if (sibling === after && sibling !== before) {
      // Above the comment lines that sit on the next entry: they are about it.
      let at = this.lineStart(this.key(path)![0]);
      while (at > 0) {
        const prev = this.lineStart(at - 1);
        if (!/^[ \t]*#/.test(this.text.slice(prev, at))) break;
        at = prev;
      }
      this.insert(at, `${entry}${this.eol}`);
    } else {
      this.insert(this.lineEnd(this.contentEnd(path)), `${this.eol}${entry}`);
    }
  }

  /** Gives an empty value (`key:` with nothing after it) a block mapping of one entry. */
  fillEmpty(path: Path, render: (indent: string, flow: boolean) => string): boolean {
    const colon = this.afterColon(path);
    const indent = this.indent(path);
    if (colon === undefined) return false;
    if (indent === undefined) {
      this.insert(colon, ` { ${render('', true)} }`);
      return true;
    }
    const inner = indent + this.unit;
    this.insert(this.lineEnd(colon), `${this.eol}${inner}${render(inner, false)}`);
    return true;
  }
}

const isMapping = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function plan(p: Plan, q: Question, value: JudgementValue | null, order: ReadonlyMap<string, number>): JudgementEditResult {
  const entry = judgementPath(q);
  const raw = p.raw(entry);
  const word = value && canonical[value];
  const single = q.criterion.questions.length === 1;
  const criterionPath: Path = ['judgements', q.criterion.id];

  if (raw !== undefined) {
    if (word === null) {
      if (isMapping(raw)) {
        if (!('judgement' in raw)) return { edits: [] };
        // Notes and reasons are the inspector's: only the judgement goes (the file then says one is missing).
        if (Object.keys(raw).length > 1) p.remove([...entry, 'judgement']);
        else removeQuestion(p, q);
      } else removeQuestion(p, q);
      return done(p);
    }
    if (isMapping(raw)) {
      const j = [...entry, 'judgement'];
      if ('judgement' in raw) setValue(p, j, word);
      else if (p.isFlow(entry)) p.insert(p.value(entry)![0] + 1, ` judgement: ${word},`);
      else {
        const first = p.key([...entry, Object.keys(raw)[0]!]);
        const indent = first && p.text.slice(p.lineStart(first[0]), first[0]);
        if (!first || !/^[ \t]*$/.test(indent!)) return { problem: 'its entry is laid out in a way the grid does not edit' };
        p.insert(p.lineStart(first[0]), `${indent}judgement: ${word}${p.eol}`);
      }
      return done(p);
    }
    setValue(p, entry, word);
    return done(p);
  }

  if (word === null) return { edits: [] };
  if (!single) {
    const criterion = p.raw(criterionPath);
    const byKey = new Map(q.criterion.questions.map((x, i) => [x.key, i]));
    if (isMapping(criterion)) {
      p.insertInto(
        criterionPath,
        q.key,
        () => `${q.key}: ${word}`,
        (k) => byKey.get(k),
      );
      return done(p);
    }
    if (criterion === null) {
      p.fillEmpty(criterionPath, () => `${q.key}: ${word}`);
      return done(p);
    }
    if (criterion !== undefined) return { problem: `${q.criterion.id} takes one judgement per question (${[...byKey.keys()].join(', ')}), not one word` };
  }
  const criterionKey = /^\d/.test(q.criterion.id) ? `"${q.criterion.id}"` : q.criterion.id;
  const render = (indent: string, flow: boolean) =>
    single ? `${criterionKey}: ${word}` : flow ? `${criterionKey}: { ${q.key}: ${word} }` : `${criterionKey}:${p.eol}${indent}${p.unit}${q.key}: ${word}`;
  const judgements = p.raw(['judgements']);
  if (isMapping(judgements)) p.insertInto(['judgements'], q.criterion.id, render, (k) => order.get(k));
  else if (judgements === null) p.fillEmpty(['judgements'], render);
  else if (judgements === undefined) {
    const end = p.text.length;
    const newline = end === 0 || p.text.endsWith('\n') ? '' : p.eol;
    p.insert(end, `${newline}judgements:${p.eol}${p.unit}${render(p.unit, false)}${p.eol}`);
  } else return { problem: '`judgements:` is not a mapping' };
  return done(p);
}

/** Criterion ids by their place in the catalogue: where a judgement goes among the others. */
function criterionOrder(catalogue: Catalogue): Map<string, number> {
  return new Map([...catalogue.criteria.keys()].map((id, i) => [id, i]));
}

function setValue(p: Plan, path: Path, word: string): void {
  const v = p.value(path);
  if (v) p.replace(v, word);
  else p.insert(p.afterColon(path)!, ` ${word}`);
}

/** Removes a question's entry, and its criterion's when nothing else is left under it. */
function removeQuestion(p: Plan, q: Question): void {
  const criterionPath: Path = ['judgements', q.criterion.id];
  const others = q.criterion.questions.length > 1 ? p.reader.keys(criterionPath).filter((k) => k !== q.key) : [];
  p.remove(q.criterion.questions.length > 1 && others.length > 0 ? judgementPath(q) : criterionPath);
}

function done(p: Plan): JudgementEditResult {
  const source = p.parsed.source;
  return { edits: p.edits.map((e) => ({ range: { start: source.position(e.start), end: source.position(e.end) }, newText: e.newText })) };
}

// ---------------------------------------------------------------------------------------------- checking

function applyEdits(text: string, parsed: ParsedYaml, edits: readonly FixEdit[]): string {
  const offsets = edits
    .map((e) => ({ start: parsed.source.offset(e.range.start), end: parsed.source.offset(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of offsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** What differs from the intended change, in a few words; undefined when only the question changed, as asked. */
function difference(before: CaseFile, after: CaseFile, q: Question, value: JudgementValue | null): string | undefined {
  const syntax = (f: CaseFile) => f.findings.filter((x) => x.code === 'SQS001' || x.code === 'SQS002' || x.code === 'SQS005').length;
  if (syntax(after) > syntax(before)) return 'the result would not read as YAML';
  const now = after.model.judgements.get(q.id);
  if ((now?.value ?? null) !== value) return 'it would not read as the judgement asked for';
  if (!sameExcept(before.model, after.model, q.id, value !== null)) return 'other judgements or facts would change';
  return undefined;
}

/** Every other judgement and fact as it was; with `keepsOwn`, the question's own reasons and notes too, when it had any. */
function sameExcept(a: CaseModel, b: CaseModel, questionId: string, keepsOwn: boolean): boolean {
  const judgements = (m: CaseModel) =>
    JSON.stringify(
      [...m.judgements].filter(([id]) => id !== questionId).map(([id, j]) => [id, j.value, j.reasons.map((r) => r.value), j.notes?.value, j.quote?.value]),
    );
  const facts = (m: CaseModel) => JSON.stringify([m.id?.value, m.sentence?.value.id, [...m.facts].map(([k, v]) => [k, v.value])]);
  const mine = (m: CaseModel) => {
    const j = m.judgements.get(questionId);
    return JSON.stringify([j?.reasons.map((r) => r.value), j?.notes?.value, j?.quote?.value]);
  };
  const own = !keepsOwn || !a.judgements.has(questionId) || mine(a) === mine(b);
  return judgements(a) === judgements(b) && facts(a) === facts(b) && own;
}
