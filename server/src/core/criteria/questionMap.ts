import type { Catalogue, Question } from './catalogue';
import { MapView } from './mapView';

/** A catalogue's questions in order, their ids, and each one's place. */
export interface QuestionOrder {
  readonly questions: readonly Question[];
  readonly ids: readonly string[];
  readonly place: ReadonlyMap<string, number>;
}

const orders = new WeakMap<Catalogue, QuestionOrder>();

/** Made once per catalogue. */
export function questionOrder(catalogue: Catalogue): QuestionOrder {
  let order = orders.get(catalogue);
  if (!order) {
    const questions = [...catalogue.questions.values()];
    const ids = questions.map((q) => q.id);
    order = { questions, ids, place: new Map(ids.map((id, i) => [id, i])) };
    orders.set(catalogue, order);
  }
  return order;
}

/**
 * A map by question id over one catalogue's questions, iterated in the order its entries were first set as a Map is:
 * a case's judgements, in the order the file has them. Kept for
 * every case of a workspace, so held as one array by the question's place in the catalogue rather than a hash table
 * per case (about half the memory for thirty questions), with the order of setting kept only when it is not the
 * catalogue's.
 */
export class QuestionMap<V> extends MapView<string, V> {
  private readonly slots: (V | undefined)[];
  private count = 0;
  private readonly order: QuestionOrder;
  /** The places in the order they were set, once one was set out of the catalogue's order. */
  private setOrder: number[] | undefined;
  private lastPlace = -1;

  constructor(catalogue: Catalogue) {
    super();
    this.order = questionOrder(catalogue);
    this.slots = new Array<V | undefined>(this.order.ids.length).fill(undefined);
  }

  /** Only while it is being filled, before anyone else holds it. */
  set(questionId: string, value: V): void {
    const at = this.order.place.get(questionId);
    if (at === undefined) throw new Error(`No question ${questionId} in this catalogue`);
    if (this.slots[at] === undefined) {
      this.count++;
      if (this.setOrder) this.setOrder.push(at);
      else if (at > this.lastPlace) this.lastPlace = at;
      else this.setOrder = [...this.places(), at];
    }
    this.slots[at] = value;
  }

  override get size(): number {
    return this.count;
  }

  get(questionId: string): V | undefined {
    const at = this.order.place.get(questionId);
    return at === undefined ? undefined : this.slots[at];
  }

  *entries(): MapIterator<[string, V]> {
    for (const at of this.setOrder ?? this.places()) yield [this.order.ids[at]!, this.slots[at]!];
  }

  /** The places set, in the catalogue's order. */
  private *places(): Generator<number> {
    for (let i = 0; i < this.slots.length; i++) if (this.slots[i] !== undefined) yield i;
  }
}
