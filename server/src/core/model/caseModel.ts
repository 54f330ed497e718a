import { z } from 'zod';
import type { SentenceData } from '../criteria/catalogueSchema';
import type { Catalogue, Question } from '../criteria/catalogue';
import type { Range } from '../types';
import type { Path } from '../yaml/source';
import { reasonCode } from './caseSchema';
import { type Reader, type Located } from './reader';
import { judgementValue, text, yesNo, type JudgementValue } from './values';

export interface Judgement {
  question: Question;
  value: JudgementValue;
  /** The judgement word (or the mapping holding it). */
  range: Range;
  /** The criterion id (or question key, for criteria with several questions) the judgement is under. */
  keyRange: Range;
  /** The path of the entry in the file, for fixes that rewrite it. */
  path: Path;
  reasons: Located<string>[];
  notes?: Located<string>;
  quote?: Located<string>;
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

const caseId = z.union([z.string().min(1), z.number().int()]).transform(String);

export function readCase(reader: Reader, catalogue: Catalogue): CaseModel {
  const model: CaseModel = { facts: new Map(), judgements: new Map(), unreadable: new Map() };
  const facts = model.facts as Map<string, Located<boolean>>;
  const judgements = model.judgements as Map<string, Judgement>;
  const unreadable = model.unreadable as Map<string, Located<string>>;
  // An empty value ("psr:") is not given; anything else that did not read is written but unreadable.
  const written = (key: string) => {
    const raw = reader.raw([key]);
    if (raw !== undefined && raw !== null)
      unreadable.set(key, { value: typeof raw === 'object' ? 'a list or mapping' : String(raw), range: reader.range([key]) });
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
  if (sentenceName && sentence) model.sentence = { value: sentence, range: sentenceName.range };
  else written('sentence');

  for (const fact of catalogue.facts.values()) {
    if (fact.fromSentence === 'custodial') {
      if (model.sentence) facts.set(fact.id, { value: model.sentence.value.custodial, range: model.sentence.range });
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
      const j = readJudgement(reader, ['judgements', criterionId], only);
      if (j) judgements.set(only.id, j);
      continue;
    }
    for (const q of criterion.questions) {
      const j = readJudgement(reader, ['judgements', criterionId, q.key], q);
      if (j) judgements.set(q.id, j);
    }
  }
  return model;
}

function readJudgement(reader: Reader, path: Path, question: Question): Judgement | undefined {
  const raw = reader.raw(path);
  if (raw === undefined) return undefined;
  const isEntry = raw !== null && typeof raw === 'object' && !Array.isArray(raw);
  const valuePath = isEntry ? [...path, 'judgement'] : path;
  const value = reader.located(valuePath, judgementValue);
  if (!value) return undefined;
  const j: Judgement = { question, value: value.value, range: value.range, keyRange: reader.keyRange(path), path, reasons: [] };
  if (!isEntry) return j;
  const reasonSchema = reasonCode(question);
  const reasonsPath = [...path, 'reasons'];
  for (let i = 0; i < reader.length(reasonsPath); i++) {
    const r = reader.located([...reasonsPath, i], reasonSchema);
    if (r) j.reasons.push(r);
  }
  const notes = reader.located([...path, 'notes'], text);
  if (notes) j.notes = notes;
  const quote = reader.located([...path, 'quote'], text);
  if (quote) j.quote = quote;
  return j;
}
