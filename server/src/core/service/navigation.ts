import type { Criterion, Question } from '../criteria/catalogue';
import type { Inspection, InspectionIndex } from '../index/inspectionIndex';
import { casesCounted } from '../index/statedFields';
import type { CaseFile, SqsFile } from '../model/sqsFile';
import type { Location, Range } from '../types';
import { targetAt } from './locate';

// Go to definition, find references and workspace symbols between case ids, case files, criteria and the
// counts stated for them:
// - a case id (in a case file, or mentioned in any text) ↔ the case files with that id;
// - a criterion in a case file → where the inspection states its counts; a stated count → the case
//   judgements it counts;
// - references of a criterion or question: every judgement of it in the inspection, and its stated counts.

export function definition(index: InspectionIndex, uri: string, offset: number): Location[] {
  const file = index.get(uri);
  if (!file) return [];
  const inspection = index.inspectionOf(uri);
  const target = targetAt(file, offset);
  if (target?.kind === 'case-id' || !target) {
    const id = target?.kind === 'case-id' ? target.id : caseIdMentionedAt(file, inspection, offset)?.id;
    return id && inspection ? caseFilesWithId(inspection, id).map((c) => ({ uri: c.uri, range: c.model.id!.range })) : [];
  }
  if (!inspection) return [];
  if ((target.kind === 'criterion' || target.kind === 'question') && target.section === 'judgements') {
    const questions = target.kind === 'criterion' ? target.criterion.questions : [target.question];
    return questions.flatMap((q) => {
      const stated = inspection.file.model.stated.get(q.id);
      return stated ? [{ uri: inspection.file.uri, range: stated.keyRange }] : [];
    });
  }
  if (target.kind === 'stated') {
    const tally = inspection.tallies.get(target.stated.question.id);
    if (!tally) return [];
    return casesCounted(tally, target.field, target.reason).flatMap((caseUri) => {
      const j = tally.cases.get(caseUri)?.judgement;
      return j ? [{ uri: caseUri, range: j.range }] : [];
    });
  }
  return [];
}

export function references(index: InspectionIndex, uri: string, offset: number, includeDeclaration: boolean): Location[] {
  const file = index.get(uri);
  const inspection = index.inspectionOf(uri);
  if (!file || !inspection) return [];
  const target = targetAt(file, offset);
  if (target?.kind === 'criterion') return criterionReferences(inspection, target.criterion.questions, target.criterion);
  if (target?.kind === 'question') return criterionReferences(inspection, [target.question]);
  if (target?.kind === 'reason') return reasonReferences(inspection, target.question, target.code);
  const id = target?.kind === 'case-id' ? target.id : !target ? caseIdMentionedAt(file, inspection, offset)?.id : undefined;
  if (!id) return [];
  const declarations = caseFilesWithId(inspection, id).map((c) => ({ uri: c.uri, range: c.model.id!.range }));
  const mentions = inspection.uris.flatMap((u) => {
    const f = inspection.cases.get(u) ?? (inspection.file.uri === u ? inspection.file : undefined);
    return f
      ? mentionsOf(f, id)
          .filter((r) => !declarations.some((d) => d.uri === u && sameRange(d.range, r)))
          .map((range) => ({ uri: u, range }))
      : [];
  });
  return [...(includeDeclaration ? declarations : []), ...mentions];
}

function criterionReferences(inspection: Inspection, questions: readonly Question[], criterion?: Criterion): Location[] {
  const out: Location[] = [];
  for (const q of questions) {
    const stated = inspection.file.model.stated.get(q.id);
    if (stated) out.push({ uri: inspection.file.uri, range: stated.keyRange });
  }
  const commentary = criterion && inspection.file.model.commentary.get(criterion.id);
  if (commentary) out.push({ uri: inspection.file.uri, range: commentary.range });
  for (const c of sortedCases(inspection)) {
    const ranges = new Set<string>();
    for (const q of questions) {
      const j = c.model.judgements.get(q.id);
      if (!j) continue;
      // A criterion with several questions is one key in the case file: report it once.
      const range = criterion ? (c.parsed.source.keyRange(['judgements', criterion.id]) ?? j.keyRange) : j.keyRange;
      const key = JSON.stringify(range);
      if (ranges.has(key)) continue;
      ranges.add(key);
      out.push({ uri: c.uri, range });
    }
  }
  return out;
}

function reasonReferences(inspection: Inspection, q: Question, code: string): Location[] {
  const out: Location[] = [];
  const stated = inspection.file.model.stated.get(q.id)?.reasons.get(code);
  if (stated) out.push({ uri: inspection.file.uri, range: stated.range });
  for (const c of sortedCases(inspection)) {
    for (const r of c.model.judgements.get(q.id)?.reasons ?? []) if (r.value === code) out.push({ uri: c.uri, range: r.range });
  }
  return out;
}

export interface CaseSymbol {
  id: string;
  uri: string;
  range: Range;
  /** The inspection's area, when the case belongs to one. */
  inspection?: string;
}

/** Case ids across the workspace matching a query (letters in order, ignoring case); all for an empty query. */
export function caseSymbols(index: InspectionIndex, query: string): CaseSymbol[] {
  const q = query.toLowerCase();
  const matches = (id: string) => {
    let i = 0;
    for (const ch of id.toLowerCase()) if (ch === q[i]) i++;
    return i === q.length;
  };
  const out: CaseSymbol[] = [];
  for (const f of index.all()) {
    if (f.kind !== 'case' || !f.model.id || !matches(f.model.id.value)) continue;
    const area = index.inspectionOf(f.uri)?.file.model.area?.value;
    out.push({ id: f.model.id.value, uri: f.uri, range: f.model.id.range, ...(area && { inspection: area }) });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }));
}

function caseFilesWithId(inspection: Inspection, id: string): CaseFile[] {
  return sortedCases(inspection).filter((c) => c.model.id?.value === id);
}

function sortedCases(inspection: Inspection): CaseFile[] {
  return [...inspection.cases.values()].sort((a, b) => a.uri.localeCompare(b.uri));
}

/** A known case id written as a word at the offset (in notes, narrative, quotes …). */
function caseIdMentionedAt(file: SqsFile, inspection: Inspection | undefined, offset: number): { id: string } | undefined {
  if (!inspection) return undefined;
  const text = file.parsed.text;
  let start = offset;
  let end = offset;
  while (start > 0 && /[\w-]/.test(text[start - 1]!)) start--;
  while (end < text.length && /[\w-]/.test(text[end]!)) end++;
  const word = text.slice(start, end);
  if (!word) return undefined;
  return [...inspection.cases.values()].some((c) => c.model.id?.value === word) ? { id: word } : undefined;
}

/** Whole-word occurrences of a case id in a file's text. */
function mentionsOf(file: SqsFile, id: string): Range[] {
  const text = file.parsed.text;
  const out: Range[] = [];
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const m of text.matchAll(new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`, 'g'))) {
    out.push(file.parsed.source.range([m.index, m.index + id.length]));
  }
  return out;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
