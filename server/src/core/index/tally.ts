import type { Catalogue, Question } from '../criteria/catalogue';
import type { CaseModel } from '../model/caseModel';
import { MapView } from '../criteria/mapView';
import { questionOrder, type QuestionOrder } from '../criteria/questionMap';
import { contributionFrom, outcomeOf, type Contribution, type Outcome } from './relevance';

/** Live counts for one question over the case files of one inspection. */
export interface QuestionTally {
  readonly question: Question;
  /** Judged sufficient or not sufficient where the question applies. */
  relevant: number;
  sufficient: number;
  notSufficient: number;
  /** For reviews: relevant cases where a review took place. */
  done: number;
  unjudged: number;
  markedNotApplicable: number;
  judgedNotRelevant: number;
  /** Not-sufficient cases giving each reason. */
  readonly reasons: Map<string, number>;
  /** Every case with something to say about the question, by case file URI, in the order they were last set. */
  readonly cases: ReadonlyMap<string, Contribution>;
}

/**
 * Tallies for every question of a catalogue, kept current case by case: replacing one case file costs
 * one pass over the questions, whatever the number of cases.
 */
export class TallyBook {
  private readonly tallies = new Map<string, QuestionTally>();
  private readonly byCase = new Map<string, CaseContributions>();

  constructor(readonly catalogue: Catalogue) {
    for (const q of catalogue.questions.values()) this.tallies.set(q.id, emptyTally(q, new CasesOf(this.byCase, q.id)));
  }

  get(questionId: string): QuestionTally | undefined {
    return this.tallies.get(questionId);
  }

  all(): Iterable<QuestionTally> {
    return this.tallies.values();
  }

  /** Adds a case file's judgements, replacing what it contributed before. */
  set(caseUri: string, model: CaseModel): void {
    this.delete(caseUri);
    const order = questionOrder(this.catalogue);
    const codes: number[] = [];
    for (const q of order.questions) {
      const outcome = outcomeOf(q, model);
      const judgement = model.judgements.get(q.id);
      if (outcome === 'not-relevant' && !judgement) {
        codes.push(nothingToSay);
        continue;
      }
      codes.push(outcomeCodes.indexOf(outcome));
      apply(this.tallies.get(q.id)!, contributionFrom(outcome, q, judgement), +1);
    }
    this.byCase.set(caseUri, new CaseContributions(order, model, String.fromCharCode(...codes)));
  }

  delete(caseUri: string): void {
    const old = this.byCase.get(caseUri);
    if (!old) return;
    for (const [qid, c] of old) apply(this.tallies.get(qid)!, c, -1);
    this.byCase.delete(caseUri);
  }

  /**
   * What one case contributes, by question id: every question it judged or still has to judge. The map
   * is replaced (never mutated) when the case changes, so callers may cache on its identity.
   */
  contributionsOf(caseUri: string): ReadonlyMap<string, Contribution> | undefined {
    return this.byCase.get(caseUri);
  }

  /** How many questions a case still has to judge. */
  unjudgedIn(caseUri: string): number {
    let n = 0;
    for (const c of this.byCase.get(caseUri)?.values() ?? []) if (c.outcome === 'unjudged') n++;
    return n;
  }
}

/**
 * A question's cases, read from what each case contributes: a map per question as well as per case would hold every
 * contribution of a workspace twice.
 */
class CasesOf extends MapView<string, Contribution> {
  constructor(
    private readonly byCase: ReadonlyMap<string, ReadonlyMap<string, Contribution>>,
    private readonly questionId: string,
  ) {
    super();
  }

  get(caseUri: string): Contribution | undefined {
    return this.byCase.get(caseUri)?.get(this.questionId);
  }

  override has(caseUri: string): boolean {
    return this.byCase.get(caseUri)?.has(this.questionId) ?? false;
  }

  override get size(): number {
    let n = 0;
    for (const mine of this.byCase.values()) if (mine.has(this.questionId)) n++;
    return n;
  }

  *entries(): MapIterator<[string, Contribution]> {
    for (const [uri, mine] of this.byCase) {
      const c = mine.get(this.questionId);
      if (c) yield [uri, c];
    }
  }
}

const outcomeCodes: readonly Outcome[] = ['sufficient', 'not-sufficient', 'unjudged', 'not-relevant', 'marked-not-applicable', 'judged-not-relevant'];
/** A question the case has nothing to say about: it does not apply, and the case does not judge it. */
const nothingToSay = outcomeCodes.length;

/**
 * What one case contributes, by question id, in the catalogue's order. Kept for every case of a workspace, so it
 * holds the outcomes alone, a character per question; each contribution is made from its outcome and the case's
 * judgement when read (the same every time: the model is never changed, a new text is a new one).
 */
class CaseContributions extends MapView<string, Contribution> {
  constructor(
    private readonly order: QuestionOrder,
    private readonly model: CaseModel,
    private readonly outcomes: string,
  ) {
    super();
  }

  private at(place: number): Contribution | undefined {
    const code = this.outcomes.charCodeAt(place);
    if (code === nothingToSay) return undefined;
    const question = this.order.questions[place]!;
    return contributionFrom(outcomeCodes[code]!, question, this.model.judgements.get(question.id));
  }

  get(questionId: string): Contribution | undefined {
    const place = this.order.place.get(questionId);
    return place === undefined ? undefined : this.at(place);
  }

  override has(questionId: string): boolean {
    const place = this.order.place.get(questionId);
    return place !== undefined && this.outcomes.charCodeAt(place) !== nothingToSay;
  }

  override get size(): number {
    let n = 0;
    for (let i = 0; i < this.outcomes.length; i++) if (this.outcomes.charCodeAt(i) !== nothingToSay) n++;
    return n;
  }

  *entries(): MapIterator<[string, Contribution]> {
    for (let i = 0; i < this.outcomes.length; i++) {
      const c = this.at(i);
      if (c) yield [this.order.ids[i]!, c];
    }
  }
}

function emptyTally(question: Question, cases: ReadonlyMap<string, Contribution>): QuestionTally {
  return {
    question,
    relevant: 0,
    sufficient: 0,
    notSufficient: 0,
    done: 0,
    unjudged: 0,
    markedNotApplicable: 0,
    judgedNotRelevant: 0,
    reasons: new Map(),
    cases,
  };
}

const counters: Partial<Record<Outcome, (t: QuestionTally, d: number) => void>> = {
  sufficient: (t, d) => {
    t.relevant += d;
    t.sufficient += d;
    t.done += d;
  },
  'not-sufficient': (t, d) => {
    t.relevant += d;
    t.notSufficient += d;
  },
  unjudged: (t, d) => (t.unjudged += d),
  'marked-not-applicable': (t, d) => (t.markedNotApplicable += d),
  'judged-not-relevant': (t, d) => (t.judgedNotRelevant += d),
};

function apply(t: QuestionTally, c: Contribution, d: 1 | -1): void {
  counters[c.outcome]?.(t, d);
  if (c.outcome === 'not-sufficient') {
    if (!c.notDone) t.done += d;
    for (const r of c.reasons) {
      const n = (t.reasons.get(r) ?? 0) + d;
      if (n === 0) t.reasons.delete(r);
      else t.reasons.set(r, n);
    }
  }
}
