import { z } from 'zod';
import type { SentenceData } from '../criteria/catalogueSchema';
import type { Catalogue, Question } from '../criteria/catalogue';
import type { Range } from '../types';
import type { Path } from '../yaml/source';
import { reasonCode } from './caseSchema';
import { LocatedValue, unpack } from './located';
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

/**
 * A judgement as read from a case file, kept compact: a closed case file's judgements are held for the whole
 * session (see packed.ts). Its ranges are numbers, made ranges when read, and its path is made from its question.
 */
class ReadJudgement implements Judgement {
  private readonly sl: number;
  private readonly sc: number;
  private readonly el: number;
  private readonly ec: number;
  private readonly ksl: number;
  private readonly ksc: number;
  private readonly kel: number;
  private readonly kec: number;
  reasons: readonly Located<string>[] = noReasons;
  notes: Located<string> | undefined = undefined;
  quote: Located<string> | undefined = undefined;

  constructor(
    readonly question: Question,
    readonly value: JudgementValue,
    range: Range,
    keyRange: Range,
    /** The criterion's key as written, and whether the question is under it (a criterion with several questions). */
    private readonly criterionKey: string,
    private readonly nested: boolean,
  ) {
    this.sl = range.start.line;
    this.sc = range.start.character;
    this.el = range.end.line;
    this.ec = range.end.character;
    this.ksl = keyRange.start.line;
    this.ksc = keyRange.start.character;
    this.kel = keyRange.end.line;
    this.kec = keyRange.end.character;
  }

  get range(): Range {
    return unpack(this.sl, this.sc, this.el, this.ec);
  }

  get keyRange(): Range {
    return unpack(this.ksl, this.ksc, this.kel, this.kec);
  }

  get path(): Path {
    return this.nested ? ['judgements', this.criterionKey, this.question.key] : ['judgements', this.criterionKey];
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
  const model: CaseModel = { facts: new Map(), judgements: new Map(), unreadable: nothingUnreadable };
  const facts = model.facts as Map<string, Located<boolean>>;
  const judgements = model.judgements as Map<string, Judgement>;
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
    const [only] = criterion.questions;
    if (criterion.questions.length === 1 && only) {
      const j = readJudgement(reader, criterionId, false, only);
      if (j) judgements.set(only.id, j);
      continue;
    }
    for (const q of criterion.questions) {
      const j = readJudgement(reader, criterionId, true, q);
      if (j) judgements.set(q.id, j);
    }
  }
  return model;
}

function readJudgement(reader: Reader, criterionKey: string, nested: boolean, question: Question): Judgement | undefined {
  const path = nested ? ['judgements', criterionKey, question.key] : ['judgements', criterionKey];
  const raw = reader.raw(path);
  if (raw === undefined) return undefined;
  const isEntry = raw !== null && typeof raw === 'object' && !Array.isArray(raw);
  const valuePath = isEntry ? [...path, 'judgement'] : path;
  const value = reader.located(valuePath, judgementValue);
  if (!value) return undefined;
  const j = new ReadJudgement(question, value.value, value.range, reader.keyRange(path), criterionKey, nested);
  if (!isEntry) return j;
  const reasonSchema = reasonCode(question);
  const reasonsPath = [...path, 'reasons'];
  const reasons: Located<string>[] = [];
  for (let i = 0; i < reader.length(reasonsPath); i++) {
    const r = reader.located([...reasonsPath, i], reasonSchema);
    if (r) reasons.push(r);
  }
  if (reasons.length > 0) j.reasons = reasons;
  const notes = reader.located([...path, 'notes'], text);
  if (notes) j.notes = notes;
  const quote = reader.located([...path, 'quote'], text);
  if (quote) j.quote = quote;
  return j;
}
