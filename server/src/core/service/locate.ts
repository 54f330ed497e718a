import type { Criterion, Question } from '../criteria/catalogue';
import type { FactData, ReasonData, SentenceData } from '../criteria/catalogueSchema';
import type { StatedField } from '../index/statedFields';
import type { Judgement } from '../model/caseModel';
import type { StatedTally } from '../model/inspectionModel';
import { Reader } from '../model/reader';
import type { SqsFile } from '../model/sqsFile';
import type { Range } from '../types';
import type { Path } from '../yaml/source';

// "What is at this position", in the domain's terms: the one place that reads meaning into a path of
// the file, shared by hover, go-to-definition and find-references.

/** Which criterion map of the file a criterion or question sits in. */
export type Section = 'judgements' | 'tallies' | 'commentary';

export type Target =
  | { kind: 'criterion'; criterion: Criterion; section: Section; range: Range }
  | { kind: 'question'; question: Question; section: Section; range: Range }
  | { kind: 'judgement'; question: Question; judgement?: Judgement; range: Range }
  | { kind: 'reason'; question: Question; code: string; reason?: ReasonData; section: Section; range: Range }
  | { kind: 'stated'; stated: StatedTally; field: StatedField | 'reason'; reason?: string; range: Range }
  | { kind: 'fact'; fact: FactData; range: Range }
  | { kind: 'sentence'; sentence?: SentenceData; range: Range }
  | { kind: 'case-id'; id: string; range: Range };

const criterionSections: readonly Section[] = ['judgements', 'tallies', 'commentary'];

export function targetAt(file: SqsFile, offset: number, inclusiveEnd = false): Target | undefined {
  const source = file.parsed.source;
  const hit = source.at(offset, inclusiveEnd);
  if (!hit) return undefined;
  const { path, on } = hit;
  const range = (on === 'key' ? source.keyRange(path) : source.valueRange(path))!;
  const catalogue = file.catalogue;
  const [head, criterionId, second] = path;

  if (path.length === 1 && typeof head === 'string') {
    if (file.kind === 'case' && head === 'case' && on === 'value' && file.model.id) return { kind: 'case-id', id: file.model.id.value, range };
    if (file.kind === 'case' && head === 'sentence' && on === 'value') {
      const sentence = file.model.sentence?.value;
      return sentence ? { kind: 'sentence', sentence, range } : { kind: 'sentence', range };
    }
    const fact = catalogue.facts.get(head);
    if (fact && !fact.fromSentence) return { kind: 'fact', fact, range };
    return undefined;
  }

  if (!criterionSections.includes(head as Section) || typeof criterionId !== 'string') return undefined;
  const section = head as Section;
  const criterion = catalogue.criterion(criterionId);
  if (!criterion) return undefined;
  if (path.length === 2 && (on === 'key' || section === 'commentary')) return { kind: 'criterion', criterion, section, range };

  // Criteria with one question hold the question's entry directly; others hold one entry per question key.
  const single = criterion.questions.length === 1 ? criterion.questions[0] : undefined;
  const question = single ?? criterion.questions.find((q) => q.key === second);
  if (!question || section === 'commentary') return undefined;
  const rest: Path = single ? path.slice(2) : path.slice(3);
  if (!single && path.length === 3 && on === 'key') return { kind: 'question', question, section, range };

  if (section === 'judgements' && file.kind === 'case') {
    const judgement = file.model.judgements.get(question.id);
    const withJudgement = <T extends object>(t: T) => (judgement ? { ...t, judgement } : t);
    if (rest.length === 0 && on === 'value') return withJudgement({ kind: 'judgement' as const, question, range });
    if (rest.length === 1 && rest[0] === 'judgement' && on === 'value') return withJudgement({ kind: 'judgement' as const, question, range });
    if (rest.length === 2 && rest[0] === 'reasons' && on === 'value') {
      const code = String(new Reader(file.parsed.data, source).raw(path));
      const reason = question.reasons?.codes.find((r) => r.code === code);
      return reason ? { kind: 'reason', question, code, reason, section, range } : { kind: 'reason', question, code, section, range };
    }
    return undefined;
  }

  if (section === 'tallies' && file.kind === 'inspection') {
    const stated = file.model.stated.get(question.id);
    if (!stated) return undefined;
    const [field, code] = rest;
    if (rest.length === 1 && isStatedField(field)) return { kind: 'stated', stated, field, range };
    if (rest.length === 2 && field === 'reasons' && typeof code === 'string') {
      const reason = question.reasons?.codes.find((r) => r.code === code);
      if (on === 'key') return reason ? { kind: 'reason', question, code, reason, section, range } : { kind: 'reason', question, code, section, range };
      return { kind: 'stated', stated, field: 'reason', reason: code, range };
    }
  }
  return undefined;
}

function isStatedField(v: unknown): v is StatedField {
  return v === 'relevant' || v === 'due' || v === 'done' || v === 'sufficient' || v === 'not_sufficient';
}
