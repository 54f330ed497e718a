import { z } from 'zod';
import type { Catalogue, Question } from '../criteria/catalogue';
import type { Range } from '../types';
import type { Path } from '../yaml/source';
import { type Reader, type Located } from './reader';
import { commentaryStyle } from './inspectionSchema';
import { count, isoDate, text, yesNo } from './values';

export interface Person {
  name: Located<string>;
  role?: Located<string>;
}

export interface LeadInspector extends Person {
  pronoun?: Located<'he' | 'she' | 'they'>;
  phone?: Located<string>;
  email?: Located<string>;
}

/** The counts an inspector states for one question in the inspection file. */
export interface StatedTally {
  question: Question;
  path: Path;
  keyRange: Range;
  /** `relevant`, or `due` for a review question. */
  relevant?: Located<number>;
  done?: Located<number>;
  sufficient?: Located<number>;
  notSufficient?: Located<number>;
  reasons: ReadonlyMap<string, Located<number>>;
}

export interface CommentaryOverride {
  range: Range;
  /** Replaces the generated sentences of the criterion. */
  text?: Located<string>;
  /** Added after the generated sentences. */
  after?: Located<string>;
  style?: Located<'exact' | 'all-but' | 'banded'>;
  omit?: Located<boolean>;
}

export interface InspectionModel {
  area?: Located<string>;
  service?: Located<string>;
  serviceShort?: Located<string>;
  criteriaRef?: Located<string>;
  phrasebook?: Located<string>;
  language?: Located<'en' | 'cy'>;
  addressee?: Person;
  from?: Person;
  fieldworkStart?: Located<string>;
  fieldworkEnd?: Located<string>;
  published?: Located<string>;
  leadInspector?: LeadInspector;
  sample?: Located<number>;
  narrative: {
    context?: Located<string>;
    summary?: Located<string>;
    operationalManagement?: Located<string>;
    keyStrengths: Located<string>[];
    areasForImprovement: Located<string>[];
    closing?: Located<string>;
  };
  copyTo: { role: Located<string>; names: Located<string>[] }[];
  /** By question id. */
  stated: ReadonlyMap<string, StatedTally>;
  /** By criterion id. */
  commentary: ReadonlyMap<string, CommentaryOverride>;
  /** Whether the report prints the figures table and chart (`figures:`); absent, the renderer's default decides. */
  figures?: Located<boolean>;
}

export function readInspection(reader: Reader, catalogue: Catalogue): InspectionModel {
  const get = <S extends z.ZodType>(path: Path, schema: S) => reader.located(path, schema);
  const textList = (path: Path) => Array.from({ length: reader.length(path) }, (_, i) => get([...path, i], text)).filter((v) => v !== undefined);

  const model: InspectionModel = {
    narrative: {
      keyStrengths: textList(['narrative', 'key_strengths']),
      areasForImprovement: textList(['narrative', 'areas_for_improvement']),
    },
    copyTo: [],
    stated: readStated(reader, catalogue),
    commentary: readCommentary(reader, catalogue),
  };
  assign(model, 'area', get(['inspection'], text));
  assign(model, 'service', get(['service'], text));
  assign(model, 'serviceShort', get(['service_short'], text));
  assign(model, 'criteriaRef', get(['criteria'], text));
  assign(model, 'phrasebook', get(['phrasebook'], text));
  assign(model, 'language', get(['language'], z.enum(['en', 'cy'])));
  assign(model, 'addressee', readPerson(reader, ['addressee']));
  assign(model, 'from', readPerson(reader, ['from']));
  assign(model, 'fieldworkStart', get(['fieldwork', 'start'], isoDate));
  assign(model, 'fieldworkEnd', get(['fieldwork', 'end'], isoDate));
  assign(model, 'published', get(['published'], isoDate));
  assign(model, 'sample', get(['sample'], count));
  assign(model, 'figures', get(['figures'], yesNo));
  const lead = readPerson(reader, ['lead_inspector']);
  if (lead) {
    const li: LeadInspector = lead;
    assign(li, 'pronoun', get(['lead_inspector', 'pronoun'], z.enum(['he', 'she', 'they'])));
    assign(li, 'phone', get(['lead_inspector', 'phone'], text));
    assign(li, 'email', get(['lead_inspector', 'email'], text));
    model.leadInspector = li;
  }
  const n = model.narrative;
  assign(n, 'context', get(['narrative', 'context'], text));
  assign(n, 'summary', get(['narrative', 'summary'], text));
  assign(n, 'operationalManagement', get(['narrative', 'operational_management'], text));
  assign(n, 'closing', get(['narrative', 'closing'], text));

  for (let i = 0; i < reader.length(['copy_to']); i++) {
    const role = get(['copy_to', i, 'role'], text);
    if (!role) continue;
    const single = get(['copy_to', i, 'names'], text);
    const names = single ? [single] : textList(['copy_to', i, 'names']);
    model.copyTo.push({ role, names });
  }
  return model;
}

function readPerson(reader: Reader, path: Path): Person | undefined {
  const name = reader.located([...path, 'name'], text);
  if (!name) return undefined;
  const person: Person = { name };
  assign(person, 'role', reader.located([...path, 'role'], text));
  return person;
}

function readStated(reader: Reader, catalogue: Catalogue): Map<string, StatedTally> {
  const stated = new Map<string, StatedTally>();
  for (const criterionId of reader.keys(['tallies'])) {
    const criterion = catalogue.criterion(criterionId);
    if (!criterion) continue;
    const single = criterion.questions.length === 1;
    for (const q of criterion.questions) {
      const path: Path = single ? ['tallies', criterionId] : ['tallies', criterionId, q.key];
      if (reader.raw(path) === undefined) continue;
      const at = (key: string) => reader.located([...path, key], count);
      const reasons = new Map<string, Located<number>>();
      for (const code of reader.keys([...path, 'reasons'])) {
        if (!catalogue.reason(q, code)) continue;
        const v = reader.located([...path, 'reasons', code], count);
        if (v) reasons.set(code, v);
      }
      const tally: StatedTally = { question: q, path, keyRange: reader.keyRange(path), reasons };
      assign(tally, 'relevant', at(q.kind === 'review' ? 'due' : 'relevant'));
      if (q.kind === 'review') assign(tally, 'done', at('done'));
      assign(tally, 'sufficient', at('sufficient'));
      assign(tally, 'notSufficient', at('not_sufficient'));
      stated.set(q.id, tally);
    }
  }
  return stated;
}

function readCommentary(reader: Reader, catalogue: Catalogue): Map<string, CommentaryOverride> {
  const out = new Map<string, CommentaryOverride>();
  for (const criterionId of reader.keys(['commentary'])) {
    if (!catalogue.criterion(criterionId)) continue;
    const path: Path = ['commentary', criterionId];
    const entry: CommentaryOverride = { range: reader.keyRange(path) };
    const bare = reader.located(path, text);
    if (bare) entry.text = bare;
    else {
      assign(entry, 'text', reader.located([...path, 'text'], text));
      assign(entry, 'after', reader.located([...path, 'after'], text));
      assign(entry, 'style', reader.located([...path, 'style'], commentaryStyle));
      assign(entry, 'omit', reader.located([...path, 'omit'], z.boolean()));
    }
    out.set(criterionId, entry);
  }
  return out;
}

/** Sets an optional property only when there is a value (keeps objects free of `key: undefined`). */
function assign<T, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}
