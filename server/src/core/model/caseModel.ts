import { z } from 'zod';
import type { SentenceData } from '../criteria/catalogueSchema';
import type { Catalogue, Question } from '../criteria/catalogue';
import type { Range } from '../types';
import type { Path } from '../yaml/source';
import { reasonCode } from './caseSchema';
import { QuestionMap } from '../criteria/questionMap';
import { LocatedValue, packed, unpack } from './located';
import { type Reader, type Located } from './reader';
import { judgementValue, text, yesNo, type JudgementValue } from './values';

export interface Judgement {
  readonly question: Question;
  readonly value: JudgementValue;
  /** The judgement word (or the mapping holding it). */
  readonly range: Range;
  /** The criterion id (or question key, for criteria with several questions) the judgement is under. */
  readonly keyRange: Range;
  /** The path of the entry in the file, for fixes that rewrite it. */
  readonly path: Path;
  readonly reasons: readonly Located<string>[];
  readonly notes?: Located<string>;
  readonly quote?: Located<string>;
}

/** Shared by every judgement without reasons (most of them). */
const noReasons: readonly Located<string>[] = Object.freeze([]);
/** Shared by every judgement whose reasons are written but none is a code of its question (the schema says why). */
const noKnownReasons: readonly Located<string>[] = Object.freeze([]);

/**
 * Whether a judgement has a list of reasons written, known codes or not: what the reasons check asks of every
 * judgement, answered from the model so a clean case file's parse tree need not be built again to tell.
 */
export function reasonsWritten(j: Judgement): boolean {
  return j.reasons.length > 0 || j.reasons === noKnownReasons;
}

/**
 * A judgement as read from a case file, kept compact: a closed case file's judgements are held for the whole
 * session (see packed.ts). Its ranges are packed numbers (located.ts), made ranges when read, and its path is made from its question.
 */
class ReadJudgement implements Judgement {
  private readonly start: number;
  private readonly end: number;
  private readonly keyStart: number;
  private readonly keyEnd: number;
  reasons: readonly Located<string>[] = noReasons;
  notes: Located<string> | undefined = undefined;
  quote: Located<string> | undefined = undefined;

  constructor(
    readonly question: Question,
    readonly value: JudgementValue,
    range: Range,
    keyRange: Range,
  ) {
    this.start = packed(range.start);
    this.end = packed(range.end);
    this.keyStart = packed(keyRange.start);
    this.keyEnd = packed(keyRange.end);
  }

  get range(): Range {
    return unpack(this.start, this.end);
  }

  get keyRange(): Range {
    return unpack(this.keyStart, this.keyEnd);
  }

  /** A judgement is found by its criterion's id as the catalogue spells it, so its path follows from its question. */
  get path(): Path {
    return judgementPath(this.question);
  }
}

export interface CaseModel {
  id?: Located<string>;
  criteriaRef?: Located<string>;
  sentence?: Located<SentenceData>;
  /** Written facts and facts derived from the sentence (custody), by fact id. */
  facts: ReadonlyMap<string, Located<boolean>>;
  /** By question id ("2.2/review"). */
  judgements: ReadonlyMap<string, Judgement>;
  /** Who examined the case. */
  inspector?: Located<string>;
  /** About the case as a whole: can identify a child, so exports leave it out unless asked. */
  notes?: Located<string>;
  /**
   * The sentence and facts written with a value that cannot be read ("sentence: community order", "psr:
   * maybe"), by key, with the value as written: the schema check reports them; what depends on them says
   * they cannot be read rather than that they are not given.
   */
  unreadable: ReadonlyMap<string, Located<string>>;
}

/** Shared by every case whose sentence and facts all read (most of them). */
const nothingUnreadable: ReadonlyMap<string, Located<string>> = new Map();

const caseId = z.union([z.string().min(1), z.number().int()]).transform(String);

export function readCase(reader: Reader, catalogue: Catalogue): CaseModel {
  const judgements = new QuestionMap<Judgement>(catalogue);
  const model: CaseModel = { facts: new Map(), judgements, unreadable: nothingUnreadable };
  const facts = model.facts as Map<string, Located<boolean>>;
  // An empty value ("psr:") is not given; anything else that did not read is written but unreadable.
  const written = (key: string) => {
    const raw = reader.raw([key]);
    if (raw === undefined || raw === null) return;
    if (model.unreadable === nothingUnreadable) model.unreadable = new Map();
    (model.unreadable as Map<string, Located<string>>).set(
      key,
      new LocatedValue(typeof raw === 'object' ? 'a list or mapping' : String(raw), reader.range([key])),
    );
  };

  const id = reader.located(['case'], caseId);
  if (id) model.id = id;
  const criteriaRef = reader.located(['criteria'], text);
  if (criteriaRef) model.criteriaRef = criteriaRef;
  const inspector = reader.located(['inspector'], text);
  if (inspector) model.inspector = inspector;
  const notes = reader.located(['notes'], text);
  if (notes) model.notes = notes;
  const sentenceName = reader.located(['sentence'], text);
  const sentence = sentenceName && catalogue.sentence(sentenceName.value);
  if (sentenceName && sentence) model.sentence = new LocatedValue(sentence, sentenceName.range);
  else written('sentence');

  for (const fact of catalogue.facts.values()) {
    if (fact.fromSentence === 'custodial') {
      if (model.sentence) facts.set(fact.id, new LocatedValue(model.sentence.value.custodial, model.sentence.range));
    } else {
      const v = reader.located([fact.id], yesNo);
      if (v) facts.set(fact.id, v);
      else written(fact.id);
    }
  }

  for (const criterionId of reader.keys(['judgements'])) {
    const criterion = catalogue.criterion(criterionId);
    if (!criterion) continue;
    for (const q of criterion.questions) {
      const j = readJudgement(reader, q);
      if (j) judgements.set(q.id, j);
    }
  }
  return model;
}

/** Under the criterion's id; a criterion with several questions has one key per question under it. */
function judgementPath(question: Question): Path {
  const { criterion } = question;
  return criterion.questions.length === 1 ? ['judgements', criterion.id] : ['judgements', criterion.id, question.key];
}

function readJudgement(reader: Reader, question: Question): Judgement | undefined {
  const path = judgementPath(question);
  const raw = reader.raw(path);
  if (raw === undefined) return undefined;
  const isEntry = raw !== null && typeof raw === 'object' && !Array.isArray(raw);
  const valuePath = isEntry ? [...path, 'judgement'] : path;
  const value = reader.located(valuePath, judgementValue);
  if (!value) return undefined;
  const j = new ReadJudgement(question, value.value, value.range, reader.keyRange(path));
  if (!isEntry) return j;
  const reasonSchema = reasonCode(question);
  const reasonsPath = [...path, 'reasons'];
  const reasons: Located<string>[] = [];
  for (let i = 0; i < reader.length(reasonsPath); i++) {
    const r = reader.located([...reasonsPath, i], reasonSchema);
    if (r) reasons.push(r);
  }
  if (reasons.length > 0) j.reasons = reasons;
  else if (reader.length(reasonsPath) > 0) j.reasons = noKnownReasons;
  const notes = reader.located([...path, 'notes'], text);
  if (notes) j.notes = notes;
  const quote = reader.located([...path, 'quote'], text);
  if (quote) j.quote = quote;
  return j;
}
