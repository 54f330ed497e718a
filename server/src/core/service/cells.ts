import type { Question } from '../criteria/catalogue';
import { applies, type Contribution } from '../index/relevance';
import type { CaseModel } from '../model/caseModel';
import type { CaseFile } from '../model/sqsFile';
import { Reader } from '../model/reader';
import type { Range } from '../types';
import type { Path } from '../yaml/source';

/**
 * What one case says about one question, as the judgement grid shows it. The tally's outcomes say what counts;
 * an inspector also needs to see what they wrote where it does not count, and what they may not write at all.
 * - `sufficient`, `not-sufficient`: judged, and the question applies;
 * - `not-applicable`: the inspector's own call that a question they decide on does not apply;
 * - `unjudged`: it applies (or may) and has no judgement yet;
 * - `ruled-out`: the case's facts (or its answer to another question) say it does not apply: nothing to write;
 * - `ruled-out-judged`: judged all the same, which is not counted;
 * - `marked-not-applicable`: written not applicable where the facts say it applies, which is not counted;
 * - `unreadable`: something is written that is not a judgement ("Sufficient", "maybe"): the file's findings say what;
 * - `not-counted`: the case is on other criteria than its inspection (SQS043), so none of it counts.
 */
export type CellState =
  'sufficient' | 'not-sufficient' | 'not-applicable' | 'unjudged' | 'ruled-out' | 'ruled-out-judged' | 'marked-not-applicable' | 'unreadable' | 'not-counted';

/** Whether the case's facts (or another answer) rule the question out, whatever is written for it. */
export function ruledOut(question: Question, model: CaseModel): boolean {
  if (!model.judgements.has(question.id)) return applies(question.relevance, question, model) === 'no';
  // A rule may read the question's own judgement (the inspector's call): ask it as if nothing were written.
  const judgements = new Map(model.judgements);
  judgements.delete(question.id);
  return applies(question.relevance, question, { ...model, judgements }) === 'no';
}

/**
 * The grid's cell for one question of one case, from the tally's contribution (absent: the question does not apply
 * and nothing is judged, which the tally keeps no record of). A rule reads the question's own judgement only as the
 * inspector's call ("judged"), which can turn a yes into a no but never the reverse: so only a "not relevant" with
 * "not applicable" written needs asking again without it (a thousand cases are 31,000 cells).
 */
export function cellState(question: Question, file: CaseFile, contribution: Contribution | undefined): CellState {
  if (!contribution) return 'ruled-out';
  switch (contribution.outcome) {
    case 'sufficient':
    case 'not-sufficient':
    case 'marked-not-applicable':
      return contribution.outcome;
    case 'judged-not-relevant':
      return 'ruled-out-judged';
    case 'unjudged':
      return written(file, question) ? 'unreadable' : 'unjudged';
    case 'not-relevant':
      return contribution.judgement && !ruledOut(question, file.model) ? 'not-applicable' : 'ruled-out';
  }
}

/** Where a question's judgement is written in a case file: the criterion's entry, or the question's under it. */
export function judgementPath(question: Question): Path {
  const single = question.criterion.questions.length === 1;
  return single ? ['judgements', question.criterion.id] : ['judgements', question.criterion.id, question.key];
}

/** Something is written for the question that the model could not read as a judgement. */
function written(file: CaseFile, question: Question): boolean {
  const reader = new Reader(file.parsed.data, file.parsed.source);
  const raw = reader.raw(judgementPath(question));
  if (raw === undefined || raw === null) return false;
  if (typeof raw === 'object' && !Array.isArray(raw)) {
    const value = (raw as Record<string, unknown>).judgement;
    return value !== undefined && value !== null;
  }
  return true;
}

/**
 * Where a question's judgement is written in a case file (its word, or what is written there), else the nearest
 * place it would go: its criterion's entry, `judgements:`, the top of the file.
 */
export function judgementRange(file: CaseFile, question: Question): Range {
  const judgement = file.model.judgements.get(question.id);
  if (judgement) return judgement.range;
  const source = file.parsed.source;
  const path = judgementPath(question);
  const near = source.nearest(path);
  if (near.length === 0) return source.lineRange(0);
  return (near.length === path.length ? source.valueRange(near) : source.keyRange(near)) ?? source.lineRange(0);
}
